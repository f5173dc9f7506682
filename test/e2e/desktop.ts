// `npm run test:e2e:desktop`: the same suite (index.ts → *.e2e.ts) in desktop VS Code through
// @vscode/test-electron, which downloads VS Code (needs access to update.code.visualstudio.com).
// Where that is not reachable, `npm run test:e2e` runs the suite in code-server instead.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from '../paths';
import { PASTED_FILE } from '../reports/pasted';

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-e2e-'));
  const ws = path.join(scratch, 'ws');
  fs.mkdirSync(ws);
  // The workspace the suite expects (see helpers.ts): the pasted report as .report and as plain text.
  fs.copyFileSync(PASTED_FILE, path.join(ws, 'pasted.report'));
  fs.copyFileSync(PASTED_FILE, path.join(ws, 'pasted.txt'));
  try {
    await runTests({
      version: process.env.VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out', 'e2e', 'index.js'),
      // WORKREPORT_TEST_FAULTS: the server serves workreport/test/hold (large.e2e.ts holds an edit's analysis with it).
      extensionTestsEnv: { WORKREPORT_TEST_FAULTS: '1', ...(process.env.WORKREPORT_E2E_GREP ? { WORKREPORT_E2E_GREP: process.env.WORKREPORT_E2E_GREP } : {}) },
      launchArgs: [
        ws,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(scratch, 'user-data')}`,
        `--extensions-dir=${path.join(scratch, 'extensions')}`,
      ],
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
