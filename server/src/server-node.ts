#!/usr/bin/env node
// Node entry of the language server (dist/server.js): --stdio, --node-ipc or --socket=N.
import * as path from 'node:path';
import * as fs from 'node:fs';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { findRcFile, type RcFile } from './node/rc-file';
import { docUrl } from './core/rule';
import { DOCX_SCHEME } from './lsp/protocol';

declare const WORKREPORT_VERSION: string;

// Without a transport, createConnection throws a stack trace at the user: say what to pass instead.
const argv = process.argv.slice(2);
if (argv.includes('--version') || argv.includes('-v')) {
  process.stdout.write(`${typeof WORKREPORT_VERSION === 'string' ? WORKREPORT_VERSION : 'dev'}\n`);
  process.exit(0);
}
if (!argv.some((a) => /^--(?:stdio|node-ipc|socket|pipe)(?:=|$)/.test(a))) {
  process.stderr.write(
    'Usage: workreport-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME\n' +
      'The language server of 报告校对 · Work Report Checker; an editor starts it (see docs/editors.md).\n',
  );
  process.exit(argv.includes('--help') || argv.includes('-h') ? 0 : 2);
}

const connection = createConnection(ProposedFeatures.all);
const docsDir = path.join(__dirname, '..', 'docs', 'rules');
const rcByDir = new Map<string, RcFile | undefined>();
const urls = new Map<string, string>();

/**
 * A scavenge (V8's collection of the young generation) on demand: the gc() of a context made
 * after the flag that exposes it is set — found on first use, not at start-up (a server that
 * never holds a large document never makes the context). False when the runtime refuses.
 */
type Scavenge = (o: { type: 'minor' }) => void;
let scavenge: Scavenge | null | undefined;
function collectYoung(): boolean {
  if (scavenge === undefined) {
    try {
      const given = (globalThis as { gc?: Scavenge }).gc;
      if (!given) v8.setFlagsFromString('--expose-gc');
      const gc: unknown = given ?? vm.runInNewContext('gc');
      scavenge = typeof gc === 'function' ? (gc as Scavenge) : null;
    } catch {
      scavenge = null;
    }
  }
  scavenge?.({ type: 'minor' });
  return !!scavenge;
}

startServer(connection, {
  collectYoung,
  testFaults: process.env.WORKREPORT_TEST_FAULTS === '1',
  // The protocol tests analyse small documents in two phases.
  twoPhaseMinChars: process.env.WORKREPORT_TEST_FAULTS === '1' && process.env.WORKREPORT_TWO_PHASE_MIN_CHARS ? Number(process.env.WORKREPORT_TWO_PHASE_MIN_CHARS) : undefined,
  loadRcFile(uri) {
    // A checked .docx (`workreport-docx:/…/a.docx.report?<file uri>`) takes the config beside the file.
    if (uri.startsWith(`${DOCX_SCHEME}:`) && uri.includes('?')) uri = decodeURIComponent(uri.slice(uri.indexOf('?') + 1));
    if (!uri.startsWith('file:')) return undefined;
    const dir = path.dirname(fileURLToPath(uri));
    if (!rcByDir.has(dir)) {
      try {
        rcByDir.set(dir, findRcFile(dir));
      } catch {
        rcByDir.set(dir, undefined);
      }
    }
    return rcByDir.get(dir);
  },
  invalidate() {
    rcByDir.clear();
  },
  // The doc pages ship with the extension: link to the local copy when it is there.
  docUrl(rule) {
    let u = urls.get(rule);
    if (!u) {
      const local = path.join(docsDir, `${rule}.md`);
      u = fs.existsSync(local) ? pathToFileURL(local).toString() : docUrl(rule);
      urls.set(rule, u);
    }
    return u;
  },
});
