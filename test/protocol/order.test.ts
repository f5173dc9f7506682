// The error you need is never hidden: VS Code draws squiggles and hovers for the first few
// hundred problems of a file only, so the server folds many findings of one kind in a
// paragraph into one and sends the most important first (core/run/present.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check } from '../../server/src/core/run/check';
import { pastedReport } from '../pasted-report';
import { SEED } from '../paths';
import { clientStarter, fullItems, LspClient } from './lsp-client';

const start = clientStarter();
const folded = (d: Diagnostic) => (d.data as { folded?: number } | undefined)?.folded ?? 0;

async function pull(text: string, uri = 'file:///tmp/pasted.report.txt', locale = 'zh'): Promise<{ c: LspClient; diags: Diagnostic[] }> {
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }), settings: () => ({ locale }) });
  c.open(uri, text, 'workreport');
  const diags = fullItems(await c.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }));
  return { c, diags };
}

test('a pasted report: the named-count error comes first, hundreds of annotations are folded per paragraph', async () => {
  const text = pastedReport({ paragraphs: 40 });
  const findings = check(text).findings;
  const annotations = findings.filter((f) => f.rule === 'text/pinyin-annotation');
  assert.ok(annotations.length > 1500, `the text has ${annotations.length} annotations`);
  // In line order the error would come after every annotation.
  assert.ok(findings.findIndex((f) => f.rule === 'figures/named-count') > 1500);

  const { c, diags } = await pull(text);
  const at = diags.findIndex((d) => d.code === 'figures/named-count');
  assert.ok(at >= 0 && at < 50, `figures/named-count is diagnostic #${at}`);
  assert.equal(diags[0].severity, 1, 'errors first');
  // What the Problems panel lists (hints excepted): a few dozen, not two thousand.
  const listed = diags.filter((d) => d.severity !== 4);
  assert.ok(listed.length < 200, `${listed.length} listed problems`);
  // Folded: one per paragraph, with every place in its related information.
  const groups = diags.filter((d) => d.code === 'text/pinyin-annotation' && folded(d));
  assert.ok(groups.length >= 40, `${groups.length} folded paragraphs`);
  assert.match(groups[0].message, /^本段有\d+处拼音注音，应删除$/);
  assert.equal(groups[0].relatedInformation?.length, folded(groups[0]));
  const places = groups.reduce((n, d) => n + folded(d), 0) + diags.filter((d) => d.code === 'text/pinyin-annotation' && !folded(d) && d.severity !== 4).length;
  assert.equal(places, annotations.length, 'every annotation is in a folded group or shown alone');
  // Every place is still marked (a hint, faded as unnecessary), after everything else.
  const hints = diags.filter((d) => d.code === 'text/pinyin-annotation' && d.severity === 4);
  assert.ok(hints.every((d) => d.tags?.includes(1)));
  const firstHint = diags.findIndex((d) => d.severity === 4);
  assert.ok(diags.slice(firstHint).every((d) => d.severity === 4), 'the hints come last');

  // One quick fix removes the paragraph's annotations, and only those.
  const g = groups[0];
  const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: 'file:///tmp/pasted.report.txt' },
    range: g.range,
    context: { diagnostics: [g], only: ['quickfix'] },
  });
  const fix = actions.find((a) => a.title.includes(`本段${folded(g)}处拼音注音`));
  assert.ok(fix, actions.map((a) => a.title).join(', '));
  const edits = fix.edit!.changes!['file:///tmp/pasted.report.txt'];
  assert.equal(edits.length, folded(g));
  const doc = TextDocument.create('u', 'workreport', 1, text);
  const fixed = TextDocument.applyEdits(doc, edits);
  assert.equal(check(fixed).findings.filter((f) => f.rule === 'text/pinyin-annotation').length, annotations.length - folded(g));
  assert.ok(!actions.some((a) => a.command?.command === 'workreport.ignoreHere'), 'no "ignore here" for a whole paragraph');
});

test('a short report is not folded: a few findings of a kind in a paragraph each stay a warning', async () => {
  const text = '关于工作的总结\n\n今年,我们开展了学习活动,效果较好。\n';
  const { diags } = await pull(text, 'file:///tmp/short.report.txt', 'en');
  const half = diags.filter((d) => d.code === 'punct/halfwidth');
  assert.equal(half.length, 2);
  assert.ok(half.every((d) => d.severity === 2 && !folded(d)));
});

test('the reference report: its named-count error is within the first 50 diagnostics', { skip: !fs.existsSync(SEED) && 'no ../shared/seeds (the reference report is not in the repository)' }, async () => {
  const { diags } = await pull(fs.readFileSync(SEED, 'utf8'), 'file:///tmp/seed.report.txt');
  const at = diags.findIndex((d) => d.code === 'figures/named-count');
  assert.ok(at >= 0 && at < 50, `figures/named-count is diagnostic #${at}`);
});
