// Protocol tests of the authoring features, in both UI languages: completion, hover,
// code lenses, the status-bar and figures-table requests, the configuration round trip
// (settings → diagnostics, message language), the config-file diagnostic, ignore here.
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, CodeLens, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { PASTED_FILE } from '../reports/pasted';
import { LspClient, clientStarter, fullItems, fileUri } from './lsp-client';
import { folded } from './order';

const pastedText = fs.readFileSync(PASTED_FILE, 'utf8');
const pastedUri = fileUri(PASTED_FILE);
const REPORT = ['关于组织建设的经验材料', '', '一、主要做法', '', '（一）抓落实，高位推动。正文。', '', '二、工作成效', '', '全年开展活动12次。', '', ''].join('\n');
const reportUri = 'untitled:Untitled-1';
const lastLine = REPORT.split('\n').length - 1;

const start = clientStarter();

const items = fullItems;

for (const [locale, lang] of [['zh-cn', 'zh'], ['en', 'en']] as const) {
  describe(`authoring in ${lang}`, () => {
    test('completion: the next ordinal and the missing section at a heading position, nothing in body text', async () => {
      const c = await start({ locale });
      assert.ok(c.initializeResult?.capabilities.completionProvider, 'completion announced');
      c.open(reportUri, REPORT);
      const list = await c.request<CompletionList>('textDocument/completion', { textDocument: { uri: reportUri }, position: { line: lastLine, character: 0 } });
      const labels = list.items.map((i) => i.label);
      assert.ok(labels.includes('三、'), labels.join(' '));
      assert.ok(labels.includes('三、几点体会'), labels.join(' '));
      const three = list.items.find((i) => i.label === '三、几点体会')!;
      assert.match(three.detail ?? '', lang === 'zh' ? /缺少的部分/ : /missing section/);
      assert.deepEqual((three.textEdit as { range: unknown }).range, { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } });
      // Inside body text: nothing.
      const body = await c.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: reportUri }, position: { line: 4, character: 10 } });
      assert.equal(body?.items.length ?? 0, 0);
      assert.equal(await c.close(), 0);
    });

    test('hover on a heading: 字数, sub-items', async () => {
      const c = await start({ locale });
      c.open(pastedUri, pastedText);
      const at = pastedText.indexOf('一、主要做法');
      const line = pastedText.slice(0, at).split('\n').length - 1;
      const col = at - pastedText.lastIndexOf('\n', at) - 1;
      const h = await c.request<Hover>('textDocument/hover', { textDocument: { uri: pastedUri }, position: { line, character: col + 3 } });
      const md = (h.contents as MarkupContent).value;
      assert.match(md, lang === 'zh' ? /字数：[\d,]+/ : /Characters \(字数\): [\d,]+/);
      assert.match(md, lang === 'zh' ? /下级条目：4/ : /Sub-items: 4/);
      assert.deepEqual(h.range, { start: { line, character: col }, end: { line, character: col + 6 } });
      const none = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: pastedUri }, position: posOf('每位副主席') });
      assert.equal(none, null);
      assert.equal(await c.close(), 0);
    });

    test('code lenses: one 字数 per level-1 section; status-bar count; figures table', async () => {
      const c = await start({ locale });
      c.open(pastedUri, pastedText);
      const lenses = await c.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: pastedUri } });
      assert.equal(lenses.length, 3, 'the pasted report has three level-1 sections');
      for (const l of lenses) assert.match(l.command!.title, lang === 'zh' ? /^[\d,]+ 字（占全文 \d+%）$/ : /^[\d,]+ characters \(\d+% of the report\)$/);
      const stats = await c.request<{ words: number; han: number; text: string; isReport: boolean }>('workreport/documentStats', { uri: pastedUri });
      assert.ok(stats.isReport);
      // Independently: every Han character is counted, and 字数 is more than that.
      const han = [...pastedText.matchAll(/\p{Script=Han}/gu)].length;
      assert.equal(stats.han, han);
      assert.ok(stats.words > han);
      assert.equal(stats.text, lang === 'zh' ? `字数 ${stats.words.toLocaleString('en-US')}` : `${stats.words.toLocaleString('en-US')} characters`);
      const table = await c.request<{ markdown: string }>('workreport/figuresTable', { uri: pastedUri });
      assert.match(table.markdown, lang === 'zh' ? /^# 数字核对表 · pasted\.txt/ : /^# Figures table · pasted\.txt/);
      assert.match(table.markdown, lang === 'zh' ? /## 关系核对/ : /## Relations checked/);
      // The report's one figure inconsistency is listed, linked back to its line.
      assert.match(table.markdown, lang === 'zh' ? /^- \*\*矛盾\*\* .*2 \+ 5 = 7 ≠ 8.*\]\(file:\/\/.*pasted\.txt#L\d+,\d+\)$/m : /^- \*\*contradiction\*\* .*2 \+ 5 = 7 ≠ 8.*\]\(file:\/\/.*pasted\.txt#L\d+,\d+\)$/m);
      // Status in words, not emoji; the sentence as written (traditional, annotations kept) with the count in bold.
      assert.doesNotMatch(table.markdown, /[✅❌⚠✔✘]/u);
      assert.match(table.markdown, /科級\(jí\)幹\(gàn\)部\*\*8人\*\*/);
      assert.equal(await c.close(), 0);
    });
  });
}

describe('configuration round trip', () => {
  test('a rule turned off and the message language switched in settings, then back', async () => {
    let settings: Record<string, unknown> = { rules: { 'text/pinyin-annotation': 'off' }, locale: 'en' };
    const c = await start({ locale: 'zh-cn', settings: (i) => (i.section === 'workreport' ? settings : {}) });
    c.open(pastedUri, pastedText);
    const pull = async () => items(await c.request('textDocument/diagnostic', { textDocument: { uri: pastedUri } }));
    let ds = await pull();
    assert.equal(ds.filter((d) => d.code === 'text/pinyin-annotation').length, 0);
    assert.ok(ds.length > 0);
    assert.ok(ds.every((d) => !/[\u4e00-\u9fff]{2}/.test(d.message.replace(/[“”「」"'][^“”「」"']*[“”「」"']/g, '').replace(/\p{Script=Han}+[：:]?/gu, (m) => (m.length > 6 ? m : '')))), 'English messages');
    const hoverEn = await c.request<Hover>('textDocument/hover', { textDocument: { uri: pastedUri }, position: posOf('一、主要做法', 1) });
    assert.match((hoverEn.contents as MarkupContent).value, /Sub-items/);

    settings = { locale: 'zh' };
    const since = c.serverRequests.length;
    c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.waitForServerRequest('workspace/diagnostic/refresh', undefined, undefined, since);
    ds = await pull();
    const pinyin = ds.filter((d) => d.code === 'text/pinyin-annotation');
    assert.ok(pinyin.length > 600);
    assert.match(pinyin[0].message, /拼音/);
    const hoverZh = await c.request<Hover>('textDocument/hover', { textDocument: { uri: pastedUri }, position: posOf('一、主要做法', 1) });
    assert.match((hoverZh.contents as MarkupContent).value, /下级条目/);
    assert.equal(await c.close(), 0);
  });

  test('run: onSave — typing does not re-check, saving does', async () => {
    const c = await start({ locale: 'en', settings: (i) => (i.section === 'workreport' ? { run: 'onSave' } : {}) });
    const uri = 'file:///tmp/onsave.report';
    const text = '一、主要做法\n\n当(dāng)前工作。\n';
    c.open(uri, text);
    const pull = async () =>
      items(await c.request('textDocument/diagnostic', { textDocument: { uri } })).filter((d) => d.code === 'text/pinyin-annotation').length;
    assert.equal(await pull(), 1);
    c.change(uri, 2, [{ text: text + '前(qián)进。\n' }]);
    assert.equal(await pull(), 1, 'not re-checked while typing');
    const since = c.serverRequests.length;
    c.notify('textDocument/didSave', { textDocument: { uri } });
    await c.waitForServerRequest('workspace/diagnostic/refresh', undefined, undefined, since);
    assert.equal(await pull(), 2, 're-checked on save');
    assert.equal(await c.close(), 0);
  });

  test('length limit from settings: a warning, and the status-bar text shows the limit', async () => {
    const c = await start({ locale: 'zh-cn', settings: (i) => (i.section === 'workreport' ? { lengthLimit: 1000 } : {}) });
    c.open(pastedUri, pastedText);
    const ds = items(await c.request('textDocument/diagnostic', { textDocument: { uri: pastedUri } })).filter((d) => d.code === 'text/length-limit');
    assert.equal(ds.length, 1);
    assert.match(ds[0].message, /超过上限1000字/);
    const stats = await c.request<{ text: string }>('workreport/documentStats', { uri: pastedUri });
    assert.match(stats.text, /^字数 [\d,]+ \/ 1,000$/);
    assert.equal(await c.close(), 0);
  });

  test('a config file with mistakes: a diagnostic at each, with the name meant; not in effect (said once); cleared when fixed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workreport-rc-'));
    const rc = path.join(dir, '.workreportrc.json');
    const broken = '{\n  "rules": {\n    "text/pinyin-annotation": "off",\n    "punct/halfwith": "off"\n  },\n  "bogus": 1\n}\n';
    fs.writeFileSync(rc, broken);
    const report = path.join(dir, 'pasted.report');
    fs.writeFileSync(report, pastedText);
    const c = await start({ locale: 'en', capabilities: LspClient.capabilities({ pull: false }) });
    const uri = fileUri(report);
    const rcUri = fileUri(rc);
    c.open(uri, pastedText);
    const rcDiags = await c.waitForDiagnostics(rcUri);
    assert.deepEqual(
      rcDiags.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.code, d.message]),
      [
        [3, 4, 'config', 'unknown rule "punct/halfwith"; did you mean "punct/halfwidth"?'],
        [5, 2, 'config', 'unknown setting "bogus"'],
      ],
    );
    // The file is not in effect: the rule it turns off still reports, and the user is told once.
    const reportDiags = await c.waitForDiagnostics(uri);
    assert.ok(reportDiags.diagnostics.filter((d) => d.code === 'text/pinyin-annotation').length > 0, 'defaults apply');
    const told = await c.waitForServerRequest<{ type: number; message: string }>('window/showMessageRequest', (m) => /not in effect/.test(m.message));
    assert.equal(told.type, 2, 'a warning');
    assert.match(told.message, /\.workreportrc\.json has 2 problems and is not in effect/);
    c.open(`${uri}.again.report`, pastedText);
    await c.waitForDiagnostics(`${uri}.again.report`);

    fs.writeFileSync(rc, JSON.stringify({ rules: { 'text/pinyin-annotation': 'off' } }));
    const since = c.mark();
    c.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: rcUri, type: 2 }] });
    // (A publish already under way for the broken file may come first: wait for the clear one.)
    await c.waitForNotification<{ uri: string; diagnostics: unknown[] }>('textDocument/publishDiagnostics', (p) => p.uri === rcUri && p.diagnostics.length === 0, undefined, since);
    await c.waitForNotification<{ uri: string; diagnostics: { code?: unknown }[] }>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && p.diagnostics.length > 0 && !p.diagnostics.some((d) => d.code === 'text/pinyin-annotation'),
      undefined,
      since,
    );
    assert.equal(c.serverRequests.filter((n) => n.method === 'window/showMessageRequest' && /not in effect/.test(n.params.message)).length, 1, 'told once');
    assert.equal(await c.close(), 0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('ignore here: offered when the client has the command; the recorded entry removes the finding', async () => {
    let settings: Record<string, unknown> = {};
    const c = await start({
      locale: 'zh-cn',
      initializationOptions: { clientCommands: ['workreport.ignoreHere'] },
      settings: (i) => (i.section === 'workreport' ? settings : {}),
    });
    c.open(pastedUri, pastedText);
    const pull = async () => items(await c.request('textDocument/diagnostic', { textDocument: { uri: pastedUri } }));
    // Each place, not a folded paragraph (core/run/present.ts): "ignore here" is for one place.
    const ds = (await pull()).filter((d) => d.code === 'text/pinyin-annotation' && !folded(d));
    const target = ds[5];
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: pastedUri },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    });
    const ignore = actions.find((a) => a.command?.command === 'workreport.ignoreHere');
    assert.ok(ignore, actions.map((a) => a.title).join(' | '));
    assert.match(ignore.title, /忽略/);
    const args = ignore.command!.arguments![0] as { uri: string; rule: string; text: string };
    assert.equal(args.rule, 'text/pinyin-annotation');
    assert.equal(args.uri, pastedUri);

    settings = { ignore: [{ rule: args.rule, text: args.text }] };
    const since = c.serverRequests.length;
    c.notify('workspace/didChangeConfiguration', { settings: null });
    await c.waitForServerRequest('workspace/diagnostic/refresh', undefined, undefined, since);
    const after = (await pull()).filter((d) => d.code === 'text/pinyin-annotation' && !folded(d));
    assert.ok(after.length < ds.length && after.length >= ds.length - 3, `${ds.length} → ${after.length}`);
    assert.ok(!after.some((d) => d.range.start.line === target.range.start.line && d.range.start.character === target.range.start.character));
    assert.equal(await c.close(), 0);

    // Without the client command, no such action (other editors).
    const plain = await start({ locale: 'en' });
    plain.open(pastedUri, pastedText);
    const d2 = items(await plain.request('textDocument/diagnostic', { textDocument: { uri: pastedUri } })).find((d) => d.code === 'text/pinyin-annotation')!;
    const a2 = await plain.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: pastedUri }, range: d2.range, context: { diagnostics: [d2] } });
    assert.ok(!a2.some((a) => a.command?.command === 'workreport.ignoreHere'));
    assert.equal(await plain.close(), 0);
  });
});

function posOf(quote: string, plus = 0): { line: number; character: number } {
  const at = pastedText.indexOf(quote) + plus;
  return { line: pastedText.slice(0, at).split('\n').length - 1, character: at - pastedText.lastIndexOf('\n', at - 1) - 1 };
}
