// The error you need is never hidden: VS Code draws squiggles and hovers for the first few
// hundred problems of a file only, so the server folds many findings of one kind in a
// paragraph into one and sends the most important first (core/run/present.ts). The same
// check on the reference report is in test/reference/editor.test.ts (npm run test:reference).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../../server/src/core/run/check';
import { pasted } from '../reports/pasted';
import { clientStarter, fullItems, LspClient } from './lsp-client';
import { folded, pullDiagnostics } from './order';

const start = clientStarter();

test('the pasted report: the named-count error comes first, hundreds of annotations are folded per paragraph', async () => {
  const r = pasted();
  const text = r.text;
  const uri = 'file:///tmp/pasted.report.txt';
  const findings = check(text).findings;
  const annotations = findings.filter((f) => f.rule === 'text/pinyin-annotation');
  assert.equal(annotations.length, r.annotations);
  // In line order the error comes after hundreds of annotations.
  assert.ok(findings.findIndex((f) => f.rule === 'figures/named-count') > 500);

  const c = await start({ capabilities: LspClient.capabilities({ pull: true }), settings: () => ({ locale: 'zh' }) });
  const diags = await pullDiagnostics(c, uri, text);
  const at = diags.findIndex((d) => d.code === 'figures/named-count');
  assert.ok(at >= 0 && at < 50, `figures/named-count is diagnostic #${at}`);
  assert.equal(diags[0].severity, 1, 'errors first');
  // What the Problems panel lists (hints excepted): dozens, not a thousand.
  const listed = diags.filter((d) => d.severity !== 4);
  assert.ok(listed.length < 150, `${listed.length} listed problems`);
  // Folded: one per paragraph, with every place in its related information.
  const groups = diags.filter((d) => d.code === 'text/pinyin-annotation' && folded(d));
  assert.ok(groups.length >= 10, `${groups.length} folded paragraphs`);
  assert.match(groups[0].message, /^本段有\d+处拼音注音，应删除$/);
  assert.equal(groups[0].relatedInformation?.length, folded(groups[0]));
  const alone = diags.filter((d) => d.code === 'text/pinyin-annotation' && !folded(d) && d.severity !== 4);
  assert.equal(groups.reduce((n, d) => n + folded(d), 0) + alone.length, annotations.length, 'every annotation is in a group or shown alone');
  // Every place is still marked (a hint, faded as unnecessary), after everything else.
  const hints = diags.filter((d) => d.code === 'text/pinyin-annotation' && d.severity === 4);
  assert.ok(hints.length > 0 && hints.every((d) => d.tags?.includes(1)));
  const firstHint = diags.findIndex((d) => d.severity === 4);
  assert.ok(diags.slice(firstHint).every((d) => d.severity === 4), 'the hints come last');

  // One quick fix removes the paragraph's annotations, and only those.
  const g = groups[0];
  const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: g.range,
    context: { diagnostics: [g], only: ['quickfix'] },
  });
  const fix = actions.find((a) => a.title.includes(`本段${folded(g)}处拼音注音`));
  assert.ok(fix, actions.map((a) => a.title).join(', '));
  const edits = fix.edit!.changes![uri];
  assert.equal(edits.length, folded(g));
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'workreport', 1, text), edits);
  assert.equal(check(fixed).findings.filter((f) => f.rule === 'text/pinyin-annotation').length, annotations.length - folded(g));
  assert.ok(!actions.some((a) => a.command?.command === 'workreport.ignoreHere'), 'no "ignore here" for a whole paragraph');
});

test('a short report is not folded: a few findings of a kind in a paragraph each stay a warning', async () => {
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
  const diags: Diagnostic[] = await pullDiagnostics(c, 'file:///tmp/short.report.txt', '关于工作的总结\n\n今年,我们开展了学习活动,效果较好。\n');
  const half = diags.filter((d) => d.code === 'punct/halfwidth');
  assert.equal(half.length, 2);
  assert.ok(half.every((d) => d.severity === 2 && !folded(d)));
});

test('a client that keeps at most so many diagnostics per file (VS Code: 1000) gets that many: the most important, then how many were left out', async () => {
  const text = pasted().text;
  const uri = 'file:///tmp/pasted.report.txt';
  const caps = LspClient.capabilities({ pull: true });
  const all = await pullDiagnostics(await start({ capabilities: caps, settings: () => ({ locale: 'zh' }) }), uri, text);
  const max = 40;
  assert.ok(all.length > max, `${all.length} diagnostics`);
  for (const locale of ['zh', 'en']) {
    const c = await start({ capabilities: caps, settings: () => ({ locale }), initializationOptions: { maxDiagnosticsPerFile: max } });
    const some = await pullDiagnostics(c, uri, text);
    assert.equal(some.length, max);
    // The first ones, as an unlimited client gets them (only the messages' language differs).
    const shape = (d: Diagnostic) => [d.code, d.severity, d.range, d.relatedInformation?.length];
    assert.deepEqual(some.slice(0, max - 1).map(shape), all.slice(0, max - 1).map(shape));
    const last = some[max - 1];
    assert.equal(last.severity, 3);
    assert.equal(last.code, undefined);
    assert.deepEqual(last.range, some[max - 2].range);
    const n = all.length - (max - 1);
    assert.match(last.message, locale === 'zh' ? new RegExp(`^另有 ${n} 处问题未显示（编辑器每个文件显示 ${max} 处：`) : new RegExp(`^${n} more problems not shown`));
  }
  // A limit the client does not need: everything.
  const c = await start({ capabilities: caps, settings: () => ({ locale: 'zh' }), initializationOptions: { maxDiagnosticsPerFile: all.length } });
  assert.equal((await pullDiagnostics(c, uri, text)).length, all.length);
});

test('a client that keeps so many: after an edit, the findings nearest it are among those sent, after the errors', async () => {
  const pastedText = pasted().text;
  const text = `${pastedText}\n\n${pastedText}\n\n${pastedText}\n`;
  const uri = 'file:///tmp/pasted-thrice.report.txt';
  const max = 40;
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }), initializationOptions: { maxDiagnosticsPerFile: max } });
  const before = await pullDiagnostics(c, uri, text);
  assert.equal(before.length, max);
  const lines = text.split('\n').length;
  // A paragraph typed at the end, with a half-width comma.
  c.change(uri, 2, [{ range: { start: { line: lines - 1, character: 0 }, end: { line: lines - 1, character: 0 } }, text: '我们开展了学习,效果较好。' }]);
  const after = fullItems(await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }));
  assert.equal(after.length, max);
  const errors = after.filter((d) => d.severity === 1).length;
  assert.ok(errors > 0 && after.slice(0, errors).every((d) => d.severity === 1), 'errors first');
  const typed = after.findIndex((d) => d.code === 'punct/halfwidth' && d.range.start.line === lines - 1);
  assert.ok(typed >= 0 && typed < max - 1, `the comma just typed is diagnostic #${typed}`);
  assert.ok(!before.some((d) => d.range.start.line === lines - 1));
});
