#!/usr/bin/env node
// `npm run test:e2e`: the extension in a real VS Code (code-server 4.100.3 + Debian chromium,
// driven by playwright-core). Three passes, each on a fresh code-server:
//   1. tests  — the mocha suite test/e2e/*.e2e.ts in the extension host (extensionTestsPath);
//   2. ui     — open the pasted report in the Explorer, wait for the squiggle, read the Problems panel
//               (annotations folded per paragraph, the named-count error listed and drawn)
//               (with --no-vsix only: pass 3 makes the same check on the packaged extension);
//   2b. web   — `npm run test:browser` (the server bundle in a Chromium web worker), then the
//               extension forced into the web worker extension host, same UI check;
//   3. vsix   — `npm run package`, install the .vsix into a clean code-server, the UI check.
// Installs what it needs itself (Debian packages as root, code-server under .e2e/), once.
// Screenshots and logs go to test-results/e2e/.
//
// Options: --no-ui, --no-vsix, --no-web, --grep <pattern> (mocha), --headed is not supported (no display).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import {
  CACHE,
  CHROMIUM,
  CHROMIUM_ARGS,
  ROOT,
  codeServerCli,
  ensureCodeServer,
  ensureSystemPackages,
  log,
  scratchEnv,
  startCodeServer,
  step,
  withTimeout,
  workbenchUrl,
} from './lib.mjs';

const args = process.argv.slice(2);
const opt = {
  ui: !args.includes('--no-ui'),
  vsix: !args.includes('--no-vsix'),
  web: !args.includes('--no-web'),
  grep: args.includes('--grep') ? args[args.indexOf('--grep') + 1] : undefined,
};
// The project's pasted report (traditional, annotated, garbled, boilerplate): its annotations
// are counted here without the server.
const PASTED = path.join(ROOT, 'test', 'reports', 'pasted.txt');
const ANNOTATIONS = [...fs.readFileSync(PASTED, 'utf8').matchAll(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/g)].length;
// Per run too (test-results/e2e/<time>-<pid>/), with test-results/e2e/latest pointing at it.
const RESULTS_BASE = path.join(ROOT, 'test-results', 'e2e');
const RESULTS = path.join(RESULTS_BASE, `${new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}-${process.pid}`);
// Per run, so that two runs in one working tree do not trample each other; removed at the end.
const SCRATCH = path.join(CACHE, 'runs', `${process.pid}`);
const MARK = '[workreport-e2e] ';
const E2E_OUT = path.join(SCRATCH, 'e2e');
const TESTS_TIMEOUT_MS = 240_000;
const UI_TIMEOUT_MS = 90_000;

const timings = [];
const cleanups = [];
let failed = false;

async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (e) {
      log(`cleanup: ${e.message}`);
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => void cleanup().then(() => process.exit(130)));
}

/**
 * `npm run package` in a copy of the project (sharing node_modules), so the production build
 * never rewrites the dist/ that the development passes (or another run) are using.
 */
function packageVsix() {
  const stage = path.join(SCRATCH, 'package');
  const skip = new Set(['node_modules', '.git', '.e2e', 'dist', 'out', 'test-results']);
  for (const name of fs.readdirSync(ROOT)) {
    if (!skip.has(name) && !name.endsWith('.vsix')) fs.cpSync(path.join(ROOT, name), path.join(stage, name), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(stage, 'node_modules'));
  // vsce lists every file it packs; keep its output in the results, show the summary line.
  const r = spawnSync('npm', ['run', '-s', 'package'], { cwd: stage, encoding: 'utf8' });
  fs.writeFileSync(path.join(RESULTS, 'package.log'), `${r.stdout}\n${r.stderr}`);
  if (r.status !== 0) throw new Error(`npm run package failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  for (const l of `${r.stdout}\n${r.stderr}`.split('\n')) if (/DONE|WARNING/.test(l)) log(l.trim());
  const vsix = path.join(stage, 'workreport.vsix');
  fs.copyFileSync(vsix, path.join(RESULTS, 'workreport.vsix'));
  return vsix;
}

function build(extra = []) {
  const r = spawnSync(process.execPath, ['esbuild.mjs', '--quiet', ...extra], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

/** A workspace folder holding the pasted report as a .report file (and as plain text). */
function workspace(name) {
  const dir = path.join(SCRATCH, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(PASTED, path.join(dir, 'pasted.report'));
  fs.copyFileSync(PASTED, path.join(dir, 'pasted.txt'));
  return dir;
}

async function newPage(browser, label) {
  const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
  cleanups.push(() => context.close());
  const page = await context.newPage();
  const consoleLog = path.join(RESULTS, `${label}-console.log`);
  page.on('console', (m) => fs.appendFileSync(consoleLog, `[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => fs.appendFileSync(consoleLog, `[pageerror] ${e.message}\n`));
  return page;
}

/** Pass 1: the mocha suite inside the extension host; resolves with its exit code. */
async function testsPass(browser, port, ws) {
  const page = await newPage(browser, 'tests');
  let exit;
  const exited = new Promise((r) => (exit = r));
  const out = fs.createWriteStream(path.join(RESULTS, 'tests-output.log'));
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const line = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
    out.write(`[${type}] ${line}\n`);
    // Only mocha's report (marked by index.ts) goes to the terminal; the rest is in the log.
    if (line.startsWith(MARK)) process.stdout.write(`  ${line.slice(MARK.length).replaceAll('\n', '\n  ')}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => exit(code));
  await page.goto(
    workbenchUrl(port, ws, {
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(E2E_OUT, 'index.js'),
    }),
    { timeout: UI_TIMEOUT_MS, waitUntil: 'domcontentloaded' },
  );
  try {
    return await withTimeout(exited, TESTS_TIMEOUT_MS, 'the e2e suite to finish');
  } finally {
    await page.screenshot({ path: path.join(RESULTS, 'tests-final.png') }).catch(() => undefined);
    out.end();
  }
}

/** Passes 2 and 3: what a user sees. Returns the Problems rows read. */
async function uiPass(browser, port, ws, label, payload) {
  const page = await newPage(browser, label);
  await page.goto(workbenchUrl(port, ws, payload), { timeout: UI_TIMEOUT_MS, waitUntil: 'domcontentloaded' });
  try {
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'pasted.report' }).first();
    await row.waitFor({ timeout: UI_TIMEOUT_MS });
    await row.click();
    const t0 = Date.now();
    await page
      .locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info')
      .first()
      .waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    log(`${label}: squiggle ${((Date.now() - t0) / 1000).toFixed(1)} s after opening the file`);
    await page.screenshot({ path: path.join(RESULTS, `${label}-editor.png`) });
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.nth(1).waitFor({ timeout: UI_TIMEOUT_MS });
    const read = () => rows.evaluateAll((els) => els.map((e) => (e.textContent || '').replace(/\s+/g, ' ').trim()));
    const all = await read();
    await page.screenshot({ path: path.join(RESULTS, `${label}-problems.png`) });
    const total = (await page.locator('.markers-panel .monaco-list-row .monaco-count-badge').first().textContent())?.trim();
    log(`${label}: Problems panel: ${total} problems in pasted.report`);
    // The report's one figure error is listed (and drawn: an error squiggle), and the
    // annotations are folded per paragraph: fewer problems than annotations, each one a
    // paragraph's (`本段有N处拼音注音`). The panel's own filter; a "/" would be read as a glob.
    const filterBox = page.locator('.viewpane-filter-container input, .viewpane-filter input').first();
    const badge = '.markers-panel .monaco-list-row .monaco-count-badge';
    const filterOn = async (text, before) => {
      await filterBox.fill(text);
      await page.waitForFunction(([sel, b]) => document.querySelector(sel)?.textContent?.trim() !== b, [badge, before], { timeout: UI_TIMEOUT_MS });
      return { rows: await read(), shown: (await page.locator(badge).first().textContent())?.trim() };
    };
    const pinyin = await filterOn('pinyin-annotation', total);
    await page.screenshot({ path: path.join(RESULTS, `${label}-problems-pinyin.png`) });
    const named = await filterOn('named-count', pinyin.shown);
    fs.writeFileSync(
      path.join(RESULTS, `${label}-problems.txt`),
      [...all, '', '# filter: pinyin-annotation', ...pinyin.rows, '', '# filter: named-count', ...named.rows].join('\n') + '\n',
    );
    log(`${label}: filtered on pinyin-annotation: ${pinyin.shown} problems for ${ANNOTATIONS} annotations; first rows:`);
    for (const t of pinyin.rows.slice(1, 4)) log(`  ${t.slice(0, 150)}`);
    // A folded problem's places are its child rows (`pasted.report[Ln 1, Col 2]: …`).
    const problemRows = pinyin.rows.slice(1).filter((t) => !/^pasted\.report\[Ln \d+/.test(t));
    if (!problemRows.every((t) => t.includes('text/pinyin-annotation'))) throw new Error('the filtered Problems rows are not all text/pinyin-annotation');
    if (!(Number(pinyin.shown) > 0 && Number(pinyin.shown) < ANNOTATIONS)) throw new Error(`Problems shows ${pinyin.shown} text/pinyin-annotation problems: expected them folded per paragraph (fewer than ${ANNOTATIONS})`);
    if (!problemRows.some((t) => /本段有\d+处拼音注音|pinyin annotations in this paragraph/.test(t))) throw new Error('no folded paragraph of annotations in Problems');
    if (named.shown !== '1' || !named.rows.slice(1).some((t) => /2 \+ 5 = 7 ≠ 8/.test(t))) throw new Error(`Problems shows ${named.shown} figures/named-count problems, expected the one 2 + 5 = 7 ≠ 8`);
    // Open it from the panel: the editor shows its line, with the error squiggle.
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'named-count' }).first().dblclick();
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    await page.screenshot({ path: path.join(RESULTS, `${label}-named-count.png`) });
    return all;
  } catch (e) {
    await page.screenshot({ path: path.join(RESULTS, `${label}-failure.png`) }).catch(() => undefined);
    throw e;
  }
}

async function main() {
  await step('system packages', () => ensureSystemPackages(), timings);
  const entry = await step('code-server', () => ensureCodeServer(), timings);
  fs.rmSync(SCRATCH, { recursive: true, force: true });
  cleanups.push(() => fs.rmSync(SCRATCH, { recursive: true, force: true }));
  // This run's own copy of the suite (out/e2e/ may be rebuilt by someone else meanwhile).
  await step('build', () => build(['--e2e-out', E2E_OUT]), timings);
  fs.mkdirSync(RESULTS, { recursive: true });
  const latest = path.join(RESULTS_BASE, 'latest');
  fs.rmSync(latest, { force: true });
  fs.symlinkSync(path.basename(RESULTS), latest);
  // Keep the last few runs' results.
  const old = fs.readdirSync(RESULTS_BASE).filter((d) => /^\d{8}-\d{6}-\d+$/.test(d)).sort().slice(0, -8);
  for (const d of old) fs.rmSync(path.join(RESULTS_BASE, d), { recursive: true, force: true });
  const env = scratchEnv(SCRATCH);
  env.WORKREPORT_E2E_MARK = MARK;
  // The server serves workreport/test/hold (large.e2e.ts holds an edit's analysis with it).
  env.WORKREPORT_TEST_FAULTS = '1';
  if (opt.grep) env.WORKREPORT_E2E_GREP = opt.grep;

  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  cleanups.push(() => browser.close());

  const dev = await step(
    'start code-server (development extension)',
    () =>
      startCodeServer(entry, {
        userDataDir: path.join(SCRATCH, 'user-dev'),
        extensionsDir: path.join(SCRATCH, 'extensions-dev'),
        env,
        logFile: path.join(RESULTS, 'code-server-dev.log'),
      }),
    timings,
  );
  cleanups.push(dev.stop);

  const code = await step('pass 1: mocha suite in the extension host', () => testsPass(browser, dev.port, workspace('ws-tests')), timings);
  if (code !== 0) {
    failed = true;
    log(`the e2e suite failed (exit code ${code}); output: ${path.relative(ROOT, RESULTS)}/tests-output.log`);
  }
  // The UI check with the development build; with the .vsix pass (the same check on the packaged
  // extension) it would only repeat it, so it runs when that pass is skipped.
  if (opt.ui && !opt.vsix) {
    await step('pass 2: UI (Explorer → squiggle → Problems)', () => uiPass(browser, dev.port, workspace('ws-ui'), 'ui', { extensionDevelopmentPath: ROOT }), timings);
  }
  await step('stop code-server', () => dev.stop(), timings);

  if (opt.web) {
    // VS Code for the Web: the server bundle in a web worker of Chromium, spoken to directly…
    const r = await step('web worker in Chromium (npm run test:browser)', () => spawnSync('npm', ['run', '-s', 'test:browser'], { cwd: ROOT, stdio: 'inherit' }), timings);
    if (r.status !== 0) {
      failed = true;
      log(`npm run test:browser failed (exit code ${r.status})`);
    }
    // …and the whole extension forced into the web worker extension host (package.json
    // "browser"): same UI check, and no Node server process may start.
    if (opt.ui) {
      const userDataDir = path.join(SCRATCH, 'user-web');
      const settings = { 'extensions.webWorker': true, 'remote.extensionKind': { 'workreport.workreport': ['web'] } };
      const web = await step(
        'start code-server (extension in the web worker host)',
        () => startCodeServer(entry, { userDataDir, extensionsDir: path.join(SCRATCH, 'extensions-web'), env, logFile: path.join(RESULTS, 'code-server-web.log'), settings }),
        timings,
      );
      cleanups.push(web.stop);
      await step('pass 2b: UI with the web extension', () => uiPass(browser, web.port, workspace('ws-web'), 'web', { extensionDevelopmentPath: ROOT }), timings);
      const ps = spawnSync('ps', ['-o', 'args=', '-g', String(web.pid)], { encoding: 'utf8' }).stdout;
      if (ps.includes(path.join('dist', 'server.js'))) throw new Error('the web pass started the Node server (dist/server.js): the extension did not run as a web extension');
      log('web: diagnostics came from the web worker (no dist/server.js process)');
      await web.stop();
    }
  }

  if (opt.vsix) {
    const vsix = await step('npm run package (in a staging copy)', () => packageVsix(), timings);
    log(`workreport.vsix: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KiB`);
    const userDataDir = path.join(SCRATCH, 'user-vsix');
    const extensionsDir = path.join(SCRATCH, 'extensions-vsix');
    await step('install the .vsix', () => codeServerCli(entry, ['--install-extension', vsix, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir], { env }), timings);
    const installed = fs.readdirSync(extensionsDir).filter((d) => d.startsWith('workreport.workreport-'));
    if (!installed.length) throw new Error('the .vsix did not install');
    const srv = await step(
      'start code-server (installed .vsix)',
      () => startCodeServer(entry, { userDataDir, extensionsDir, env, logFile: path.join(RESULTS, 'code-server-vsix.log') }),
      timings,
    );
    cleanups.push(srv.stop);
    await step('pass 3: UI with the installed .vsix', () => uiPass(browser, srv.port, workspace('ws-vsix'), 'vsix'), timings);
    await srv.stop();
  }
}

const t0 = performance.now();
try {
  await main();
} catch (e) {
  failed = true;
  log(`FAILED: ${e.stack || e.message}`);
} finally {
  await cleanup();
  log('timings:');
  for (const [name, s] of timings) log(`  ${s.toFixed(1).padStart(6)} s  ${name}`);
  log(`  ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s  total`);
  log(`screenshots and logs: ${path.relative(ROOT, RESULTS)}/ (also test-results/e2e/latest/)`);
  log(failed ? 'e2e: FAILED' : 'e2e: passed');
  process.exitCode = failed ? 1 : 0;
}
