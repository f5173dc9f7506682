#!/usr/bin/env node
// Entry of the `workreport` command (bundled to dist/cli.js).
import * as fs from 'node:fs';
import { run } from './cli/main';

// `workreport check … | head` closes the pipe early: end quietly instead of crashing on EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

/** A pipe, a socket or a redirected file: something to read. A terminal or /dev/null is not. */
function stdinIsPiped(): boolean {
  try {
    const s = fs.fstatSync(0);
    return s.isFIFO() || s.isFile() || s.isSocket();
  } catch {
    return false;
  }
}

const code = run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => fs.readFileSync(0),
  stdinIsPiped: stdinIsPiped(),
  stdoutIsTTY: !!process.stdout.isTTY,
  stderrIsTTY: !!process.stderr.isTTY,
  columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
