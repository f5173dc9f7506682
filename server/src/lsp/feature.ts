// A server feature: the capabilities it announces and the handlers it registers.
// server.ts lists the features; adding one is one import and one array entry.
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from './context';

export interface Feature {
  capabilities?(ctx: ServerContext): Partial<ServerCapabilities>;
  register(ctx: ServerContext): void;
}
