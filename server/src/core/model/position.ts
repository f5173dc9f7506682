// Offsets ↔ 0-based line/character (UTF-16), as LSP and the CLI show them.
import { lineIndexAt, type Line } from './lines';

export interface Position {
  line: number;
  character: number;
}

export function positionAt(lines: Line[], offset: number): Position {
  const i = lineIndexAt(lines, offset);
  const l = lines[i];
  // An offset inside a CRLF pair belongs to the end of the line.
  return { line: i, character: Math.min(offset, Math.max(l.end, offset)) - l.start };
}

export function offsetAt(lines: Line[], pos: Position): number {
  const l = lines[Math.max(0, Math.min(pos.line, lines.length - 1))];
  return Math.min(l.start + Math.max(0, pos.character), l.end);
}
