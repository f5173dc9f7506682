// `npm run test:reference`: the assertions of test/reports/suite.ts on the reference report,
// which is not part of the project: it is read from WORKREPORT_SHARED (default ../shared)
// when it is there, and this says in one line that it skipped when it is not.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.WORKREPORT_SHARED || resolve(root, '..', 'shared');
const report = join(shared, 'seeds', '000_4cce5bdc49361890.txt');
if (!existsSync(report)) {
  console.log(`test:reference: skipped (no reference report at ${report})`);
  process.exit(0);
}
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', join(root, 'out', 'reference')], {
  stdio: 'inherit',
  env: { ...process.env, WORKREPORT_SHARED: shared },
});
process.exit(r.status ?? 1);
