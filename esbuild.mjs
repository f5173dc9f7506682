// Bundles into dist/ (extension, server, CLI) and out/ (tests). Never mixed with tsc,
// which only type-checks (noEmit).
import * as esbuild from 'esbuild';
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, statSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const watch = args.includes('--watch');
const production = args.includes('--production');
const quiet = args.includes('--quiet');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

// iconv-lite (the CLI's file encodings, server/src/node/encoding.ts) bundles every table it
// has; the CLI reads UTF-8, UTF-16 and GB18030/GBK only, so the Japanese, Korean, Big5 and
// single-byte tables are left out (-135 KB minified). encoding.ts accepts no other name.
const chineseTablesOnly = {
  name: 'iconv-chinese-tables-only',
  setup(build) {
    build.onLoad({ filter: /iconv-lite[\\/]encodings[\\/](tables[\\/](shiftjis|eucjp|cp949|cp950|big5-added)\.json|sbcs-data-generated\.js)$/ }, (a) => ({
      contents: a.path.endsWith('.json') ? '[]' : 'module.exports = {};',
      loader: a.path.endsWith('.json') ? 'json' : 'js',
    }));
  },
};

// Tables computed at build time from OpenCC and pinyin-pro (scripts/data/tables.mjs), served
// as virtual modules `workreport-data:NAME` so that bundles carry only what the code uses.
// Cached under node_modules/.cache/workreport-data, keyed by the generator and the libraries'
// versions; never committed. `lazyStPhrases`: the Node server loads the 600 KB
// simplified → traditional table from dist/st-phrases.js on first use instead of carrying it.
const dataVersion = createHash('sha256')
  .update(readFileSync('scripts/data/tables.mjs'))
  .update(['opencc-js', 'pinyin-pro'].map((p) => JSON.parse(readFileSync(join('node_modules', p, 'package.json'), 'utf8')).version).join())
  .digest('hex')
  .slice(0, 16);
const tableCache = new Map();
async function table(name) {
  if (!tableCache.has(name)) {
    tableCache.set(name, (async () => {
      const dir = join('node_modules', '.cache', 'workreport-data');
      const file = join(dir, `${name}-${dataVersion}.json`);
      if (existsSync(file)) return readFileSync(file, 'utf8');
      const tables = await import('./scripts/data/tables.mjs');
      const json = JSON.stringify(tables[name]());
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, json);
      return json;
    })());
  }
  return tableCache.get(name);
}
function dataTables({ lazyStPhrases = false } = {}) {
  return {
    name: 'workreport-data',
    setup(build) {
      build.onResolve({ filter: /^workreport-data:/ }, (a) => ({ path: a.path.slice('workreport-data:'.length), namespace: 'workreport-data' }));
      build.onLoad({ filter: /.*/, namespace: 'workreport-data' }, async (a) => {
        const js = (contents) => ({ contents, loader: 'js', resolveDir: process.cwd() });
        switch (a.path) {
          case 'script':
            return js(`export default ${await table('scriptTables')};`);
          case 'pinyin':
            return js(`export default ${await table('pinyinReadings')};`);
          case 'st-phrases':
            return js(lazyStPhrases
              ? `export default () => require(require('node:path').join(__dirname, 'st-phrases.js'));`
              : `const data = ${await table('stPhrases')}; export default () => data;`);
          case 'st-phrases-file':
            return js(`module.exports = ${await table('stPhrases')};`);
          default:
            return { errors: [{ text: `no table workreport-data:${a.path}` }] };
        }
      });
    },
  };
}

// `workreport-docx-io` (server/src/docx/io.ts: reading and writing .docx bytes, with fflate):
// required from dist/docx-io.js on first use by the Node server and the CLI, which keeps the
// server bundle within its 1 MB budget; bundled in everywhere else (web worker, tests).
function docxIo({ lazy = false } = {}) {
  return {
    name: 'workreport-docx-io',
    setup(build) {
      build.onResolve({ filter: /^workreport-docx-io$/ }, () => ({ path: 'io', namespace: 'workreport-docx-io' }));
      build.onLoad({ filter: /.*/, namespace: 'workreport-docx-io' }, () => ({
        contents: lazy
          ? `let io; export default () => (io ??= require(require('node:path').join(__dirname, 'docx-io.js')));`
          : `import * as io from './server/src/docx/io'; export default () => io;`,
        loader: 'js',
        resolveDir: process.cwd(),
      }));
    },
  };
}

const common = {
  bundle: true,
  plugins: [dataTables(), chineseTablesOnly, docxIo()],
  // Keep CJK as UTF-8 (not \uXXXX): the OpenCC and pinyin tables shrink by about 1.4 MB.
  charset: 'utf8',
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
    if (statSync(p).isDirectory()) {
      if (p !== join('test', 'e2e') && p !== join('test', 'reference')) out.push(...testEntries(p));
    } else if (/\.test\.ts$/.test(name)) out.push(p);
  }
  return out;
}

// VS Code for the Web: the client (CommonJS, loaded by the web extension host) and the server
// (a classic web worker: iife). Nothing Node-only may reach them: any import of a Node
// built-in fails the build instead of being shimmed into a runtime crash.
function browserBuilds() {
  const noNode = {
    name: 'no-node-builtins',
    setup(build) {
      const builtins = new Set(builtinModules);
      build.onResolve({ filter: /.*/ }, (a) => {
        if (a.path.startsWith('workreport-data:') || a.namespace === 'workreport-data') return undefined;
        const bare = a.path.replace(/^node:/, '').split('/')[0];
        if (a.path.startsWith('node:') || (builtins.has(bare) && !a.path.startsWith('.'))) {
          return { errors: [{ text: `Node-only module "${a.path}" imported by ${a.importer} in a browser bundle` }] };
        }
        return undefined;
      });
    },
  };
  const browser = { ...common, platform: 'browser', target: 'es2022', plugins: [dataTables(), noNode, docxIo()] };
  return [
    { ...browser, format: 'cjs', entryPoints: { extension: 'client/src/browser.ts' }, outdir: 'dist/browser', external: ['vscode'] },
    { ...browser, format: 'iife', entryPoints: { server: 'server/src/server-browser.ts' }, outdir: 'dist/browser' },
  ];
}

/** After each build, delete .js/.js.map files under `dir` that the build did not write. */
function pruneStale(dir) {
  return {
    name: 'prune-stale',
    setup(build) {
      build.onEnd((r) => {
        if (!r.metafile || r.errors.length) return;
        const written = new Set(Object.keys(r.metafile.outputs).map((o) => resolve(o)));
        const walk = (d) => {
          for (const name of existsSync(d) ? readdirSync(d) : []) {
            const p = join(d, name);
            if (statSync(p).isDirectory()) walk(p);
            else if (/\.js(\.map)?$/.test(name) && !written.has(resolve(p))) rmSync(p, { force: true });
          }
        };
        walk(dir);
      });
    },
  };
}

const builds = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, plugins: [dataTables({ lazyStPhrases: true }), chineseTablesOnly, docxIo({ lazy: true })], entryPoints: { server: 'server/src/server-node.ts', cli: 'server/src/cli.ts', 'st-phrases': 'workreport-data:st-phrases-file', 'docx-io': 'server/src/docx/io.ts' }, outdir: 'dist' },
  ...browserBuilds(),
];
if (!args.includes('--no-tests')) {
  builds.push({
    ...common,
    entryPoints: testEntries('test'),
    outdir: 'out',
    outbase: '.',
    external: ['vscode', 'mocha', 'playwright-core', 'fast-check', 'zhlint', 'esbuild'],
    // `node --test out/test/` runs every bundle there: remove those of deleted tests.
    metafile: true,
    plugins: [...common.plugins, pruneStale(join('out', 'test'))],
  });
  // `npm run test:reference` (scripts/test-reference.mjs): the reference report's assertions,
  // kept out of out/test/ because the report is not part of the project.
  builds.push({ ...common, entryPoints: testEntries(join('test', 'reference')), outdir: join('out', 'reference') });
  // `npm run settings` (out/scripts/settings.js): package.json, nls and schema from settings.ts.
  builds.push({ ...common, entryPoints: ['scripts/settings.ts'], outdir: 'out', outbase: '.' });
  // `npm run bench` (out/bench/bench.js): our check next to zhlint, and the server's memory.
  builds.push({ ...common, entryPoints: readdirSync('bench').filter((n) => n.endsWith('.ts') && n !== 'texts.ts').map((n) => join('bench', n)), outdir: 'out', outbase: '.', external: ['zhlint', 'autocorrect-node'] });
  // The browser test (test/browser/*.browser.ts, `npm run test:browser`) needs Chromium: kept
  // out of out/test/ so that `npm test` runs without one.
  builds.push({
    ...common,
    entryPoints: readdirSync(join('test', 'browser')).filter((n) => n.endsWith('.browser.ts')).map((n) => join('test', 'browser', n)),
    outdir: join('out', 'browser'),
    external: ['playwright-core'],
  });
  // The .docx suite that needs LibreOffice, python-docx and poppler (test/docx/*.office.ts,
  // `npm run test:docx`): kept out of out/test/ so that `npm test` runs without them.
  builds.push({
    ...common,
    entryPoints: readdirSync(join('test', 'docx')).filter((n) => n.endsWith('.office.ts')).map((n) => join('test', 'docx', n)),
    outdir: join('out', 'office'),
  });
  // The real-editor suite (test/e2e/: index.ts, desktop.ts, *.e2e.ts) goes to out/e2e/, apart from
  // out/test/ so that `node --test out/test/` never runs it outside VS Code. `--e2e-out DIR` puts
  // it elsewhere: scripts/e2e/run.mjs gives each run its own copy, which a concurrent build in
  // the same tree cannot truncate while VS Code loads it.
  const e2eDir = join('test', 'e2e');
  const e2eOut = args.includes('--e2e-out') ? args[args.indexOf('--e2e-out') + 1] : join('out', 'e2e');
  const e2e = (existsSync(e2eDir) ? readdirSync(e2eDir) : []).filter((n) => n === 'index.ts' || n === 'desktop.ts' || n.endsWith('.e2e.ts'));
  builds.push({
    ...common,
    entryPoints: e2e.map((n) => join(e2eDir, n)),
    outdir: e2eOut,
    external: ['vscode', 'mocha', '@vscode/test-electron'],
  });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
