// The bench compares this checker with AutoCorrect (autocorrect-node, a native N-API module).
// It is not a devDependency: its platform packages are not published for every platform at the
// same version, so a lock file that names it makes `npm ci` fail on some machines. It is
// installed here, on demand, outside package.json and the lock file; without network the bench
// says so in one line and leaves its column empty.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const PEER_DIR = path.resolve('node_modules/.cache/bench-peers');
const SPEC = 'autocorrect-node@2.14.0';

if (!existsSync(path.join(PEER_DIR, 'node_modules/autocorrect-node/package.json'))) {
  mkdirSync(PEER_DIR, { recursive: true });
  if (!existsSync(path.join(PEER_DIR, 'package.json'))) writeFileSync(path.join(PEER_DIR, 'package.json'), '{"private":true}\n');
  try {
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--no-audit', '--no-fund', '--silent', SPEC], { cwd: PEER_DIR, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    console.error(`bench: could not install ${SPEC} (${String(e).split('\n')[0]}); the AutoCorrect column stays empty`);
  }
}
