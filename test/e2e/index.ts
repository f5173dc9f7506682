// The test entry VS Code loads (the `run()` contract of @vscode/test-electron, also used by
// scripts/e2e/run.mjs in code-server): runs every out/e2e/*.e2e.js with mocha inside the
// extension host. Adding a test = adding test/e2e/<name>.e2e.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

// In code-server the extension host's console reaches the runner mixed with the workbench's
// own logs: scripts/e2e/run.mjs sets this mark and shows only the marked lines (the report).
const MARK = process.env.WORKREPORT_E2E_MARK;
if (MARK) Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(MARK + format(...args));

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 120_000,
    grep: process.env.WORKREPORT_E2E_GREP || undefined,
    reporter: 'spec',
  });
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.e2e.js')).sort();
  for (const f of files) {
    // A bundle cut short (a concurrent build rewriting it) would silently register no tests.
    const text = fs.readFileSync(path.join(__dirname, f), 'utf8');
    if (!/\/\/# sourceMappingURL=\S+\s*$/.test(text)) return Promise.reject(new Error(`${f} looks incomplete (no sourcemap comment at its end): rebuild and rerun`));
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures ? reject(new Error(`${failures} e2e test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
