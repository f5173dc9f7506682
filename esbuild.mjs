// Bundles into dist/ (extension, server, CLI) and out/ (tests). Never mixed with tsc,
// which only type-checks (noEmit).
import * as esbuild from 'esbuild';
import { readdirSync, statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const watch = args.includes('--watch');
const production = args.includes('--production');
const quiet = args.includes('--quiet');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  sourcemap: true,
  minify: production,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: quiet ? 'error' : 'warning',
  define: { WORKREPORT_VERSION: JSON.stringify(pkg.version) },
};

function testEntries(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...testEntries(p));
    else if (/\.test\.ts$/.test(name) || (dir.endsWith('e2e') && name.endsWith('.ts'))) out.push(p);
  }
  return out;
}

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/server-node.ts', cli: 'server/src/cli.ts' }, outdir: 'dist' },
];
if (!args.includes('--no-tests')) {
  builds.push({
    ...common,
    entryPoints: testEntries('test'),
    outdir: 'out',
    outbase: '.',
    external: ['vscode', 'mocha', 'playwright-core', 'fast-check', 'zhlint'],
  });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
