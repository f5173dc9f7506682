#!/usr/bin/env node
// Entry of the `workreport` command (bundled to dist/cli.js).
import * as fs from 'node:fs';
import { run } from './cli/main';

const code = run(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readStdin: () => fs.readFileSync(0, 'utf8'),
});
process.exitCode = code;
