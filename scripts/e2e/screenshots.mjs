#!/usr/bin/env node
// `node scripts/e2e/screenshots.mjs`: the README's screenshots of the authoring features,
// taken in a real VS Code (code-server, as the e2e runner starts it) with the development
// extension. Writes small PNGs to docs/images/. Messages in Chinese (workreport.locale: zh),
// the workbench in English (code-server ships no language pack offline).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { CACHE, CHROMIUM, CHROMIUM_ARGS, ROOT, ensureCodeServer, ensureSystemPackages, log, scratchEnv, startCodeServer, workbenchUrl } from './lib.mjs';

// The report shown: the project's pasted report, or `--report FILE`.
const argv = process.argv.slice(2);
const REPORT = argv.includes('--report') ? path.resolve(argv[argv.indexOf('--report') + 1]) : path.join(ROOT, 'test', 'reports', 'pasted.txt');
const OUT = path.join(ROOT, 'docs', 'images');
const SCRATCH = path.join(CACHE, 'runs', `shots-${process.pid}`);
const DRAFT = ['关于组织建设的经验材料', '', '民进某市委会', '', '一、主要做法', '', '（一）抓落实，高位推动。市委会成立领导小组，定期督促检查。', '', '（二）抓学习，聚力同心。全年举办学习会12次。', '', '二、工作成效', '', '新发展会员15人，其中男会员6人、女会员9人。', '', ''].join('\n');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// `--only a,b`: take only these screenshots (file names without .png).
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : undefined;
const want = (...names) => !ONLY || names.some((n) => ONLY.includes(n));
const SAMPLE = path.join(ROOT, 'samples', '示例-经验材料.report.txt');

async function main() {
  ensureSystemPackages();
  const entry = ensureCodeServer();
  const b = spawnSync(process.execPath, ['esbuild.mjs', '--quiet', '--no-tests'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('build failed');
  fs.rmSync(SCRATCH, { recursive: true, force: true });
  const ws = path.join(SCRATCH, 'ws');
  fs.mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  fs.copyFileSync(REPORT, path.join(ws, 'pasted.report'));
  fs.writeFileSync(path.join(ws, 'draft.report'), DRAFT);
  fs.copyFileSync(SAMPLE, path.join(ws, '示例.report'));
  const userDataDir = path.join(SCRATCH, 'user');
  // Over startCodeServer's quiet defaults: a light theme, a readable CJK font, no clutter.
  const settings = {
    'workbench.colorTheme': 'Default Light Modern',
    'window.commandCenter': false,
    'editor.minimap.enabled': false,
    'editor.fontSize': 15,
    'editor.wordWrap': 'on',
    // Latin with tone marks (the annotations' ā ǎ) from DejaVu, Han from WenQuanYi.
    'editor.fontFamily': "'DejaVu Sans Mono', 'WenQuanYi Micro Hei Mono', 'WenQuanYi Micro Hei', monospace",
    'chat.commandCenter.enabled': false,
    'workreport.locale': 'zh',
    'editor.hover.above': false,
    'workbench.editor.enablePreview': false,
    'security.workspace.trust.enabled': false,
  };
  fs.mkdirSync(OUT, { recursive: true });
  const env = scratchEnv(SCRATCH);
  const srv = await startCodeServer(entry, { userDataDir, extensionsDir: path.join(SCRATCH, 'ext'), env, logFile: path.join(SCRATCH, 'code-server.log'), settings });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
    const page = await context.newPage();
    await page.goto(workbenchUrl(srv.port, ws, { extensionDevelopmentPath: ROOT }), { timeout: 120_000 });
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 120_000 });
    await sleep(3000);
    const command = async (name) => {
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').waitFor();
      await page.keyboard.type(name);
      await sleep(700);
      await page.keyboard.press('Enter');
    };
    const openFile = async (name) => {
      // From the Explorer, as a user would (quick open depends on the file search).
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
      await row.waitFor({ timeout: 120_000 });
      await row.click();
      await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
      await sleep(500);
    };
    const shot = async (name, clip) => {
      if (!want(name.replace(/\.png$/, ''))) return;
      await page.screenshot({ path: path.join(OUT, name), clip });
      log(`docs/images/${name}`);
    };

    if (want('named-count')) {
      // 0. The pasted report's one wrong figure: its error squiggle and hover, among hundreds
      //    of annotations (folded per paragraph, so the error is drawn).
      await openFile('pasted.report');
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: 90_000 });
      await page.locator('.monaco-editor .view-line').first().click();
      // Put the cursor inside 8人 (find 部8, then step right), and show the hover there.
      await page.keyboard.press('Control+F');
      await page.keyboard.type('部8人');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 30_000 });
      await command('Show or Focus Hover');
      await page.locator('.monaco-hover:not(.hidden)').first().waitFor({ timeout: 15_000 }).catch(() => log('no hover'));
      await sleep(1500);
      await shot('named-count.png', { x: 0, y: 0, width: 1280, height: 760 });
      await page.keyboard.press('Escape');
    }

    if (want('hover-heading', 'figures-table', 'completion', 'new-report-pick', 'skeleton')) {
      // 1. The pasted report: diagnostics, 字数 code lenses above the sections, 字数 in the status bar,
      //    and the hover on a heading.
      await openFile('pasted.report');
      await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error, .monaco-editor .squiggly-info').first().waitFor({ state: 'attached', timeout: 90_000 });
      await page.locator('.statusbar-item', { hasText: '字数' }).first().waitFor({ timeout: 30_000 });
      // Go to the first level-1 heading (line 17) so its code lens and hover are on screen.
      await page.keyboard.press('Control+G');
      await page.keyboard.type('17');
      await page.keyboard.press('Enter');
      await sleep(1500);
      const heading = page.locator('.view-line', { hasText: '主要做法' }).first();
      await heading.waitFor();
      const box = await heading.boundingBox();
      await page.mouse.move(box.x + 60, box.y + box.height / 2);
      await page.locator('.monaco-hover:not(.hidden)').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
      await sleep(1200);
      await shot('hover-heading.png', { x: 0, y: 0, width: 1280, height: 760 });
      await page.mouse.move(5, 700);
      await page.keyboard.press('Escape');

      // 2. The figures table beside the report (wait until the webview has rendered it), with
      //    the side bar closed to give the table room.
      await page.keyboard.press('Control+B');
      await command('Show Figures Table');
      const t0 = Date.now();
      while (Date.now() - t0 < 90_000) {
        let found = false;
        for (const f of page.frames()) {
          const text = await f.evaluate(() => document.body?.innerText ?? '').catch(() => '');
          if (text.includes('7 ≠ 8')) found = true;
        }
        if (found) break;
        await sleep(500);
      }
      await sleep(1000);
      await shot('figures-table.png', { x: 0, y: 0, width: 1280, height: 760 });
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+W');
      await sleep(800);
      await page.keyboard.press('Control+B');

      // 3. Completion at a new heading line: the next ordinal and the missing section.
      await openFile('draft.report');
      await sleep(1500);
      // The Explorer keeps the focus after opening: click into the text first.
      await page.locator('.monaco-editor .view-line', { hasText: '关于组织建设' }).first().click();
      await page.keyboard.press('Control+End');
      // Typing the start of a marker brings up the suggestions (quick suggestions); if not, ask.
      await page.keyboard.type('三');
      const widget = page.locator('.suggest-widget.visible');
      if (!(await widget.waitFor({ timeout: 8_000 }).then(() => true, () => false))) {
        await page.keyboard.press('Control+Space');
        if (!(await widget.waitFor({ timeout: 8_000 }).then(() => true, () => false))) {
          await command('Trigger Suggest');
          await widget.waitFor({ timeout: 15_000 }).catch(() => log('no suggest widget'));
        }
      }
      await sleep(1200);
      await shot('completion.png', { x: 0, y: 0, width: 1280, height: 560 });
      await page.keyboard.press('Escape');

      // 4. New report from template: the 经验材料 skeleton.
      await command('New Report from Template');
      await page.locator('.quick-input-widget .monaco-list-row').first().waitFor({ timeout: 15_000 });
      await sleep(800);
      await shot('new-report-pick.png', { x: 0, y: 0, width: 1280, height: 420 });
      await page.keyboard.press('Enter');
      await sleep(3000);
      await page.keyboard.press('Escape');
      await shot('skeleton.png', { x: 0, y: 0, width: 1280, height: 760 });
    }

    // 5. The print preview (GB/T 9704) beside the bundled sample, the side bar closed.
    if (want('print-preview')) {
      await openFile('示例.report');
      await page.keyboard.press('Control+B');
      await command('Open Print Preview');
      const t0 = Date.now();
      let ready = false;
      while (!ready && Date.now() - t0 < 90_000) {
        for (const f of page.frames()) if ((await f.locator('.wr-page').count().catch(() => 0)) > 0) ready = true;
        if (!ready) await sleep(500);
      }
      if (!ready) throw new Error('the print preview did not render');
      await sleep(1500);
      await shot('print-preview.png', { x: 0, y: 0, width: 1280, height: 760 });
    }
  } catch (e) {
    for (const p of browser.contexts().flatMap((c) => c.pages())) await p.screenshot({ path: path.join(CACHE, 'shots-failure.png') }).catch(() => undefined);
    throw e;
  } finally {
    await browser.close();
    await srv.stop();
    fs.rmSync(SCRATCH, { recursive: true, force: true });
  }
}

main().catch((e) => {
  log(`FAILED: ${e.stack || e.message}`);
  process.exitCode = 1;
});
