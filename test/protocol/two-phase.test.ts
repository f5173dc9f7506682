// Diagnostics in two phases (lsp/context.ts, lsp/features/diagnostics.ts): a large document's
// edit is answered first with the quick analysis (the per-line rules fresh, the whole-document
// rules' findings of the last full analysis carried over the edit), then with the full one.
// The server is told to treat every document as large (WORKREPORT_TWO_PHASE_MIN_CHARS=1, with
// WORKREPORT_TEST_FAULTS=1, which also serves workreport/test/hold: a held analysis waits
// before each whole-document rule, so that a test can edit while one is under way). The full
// diagnostics are compared with those of a server that analyses in one phase.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { Health } from '../../server/src/lsp/protocol';
import { clientStarter, fullItems, LspClient } from './lsp-client';

const start = clientStarter();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Quick answers to pulls are off unless the client asks (lsp/context.ts quickPull). */
const QUICK_PULL = { quickPullDiagnostics: true };
const TWO_PHASE = { WORKREPORT_TEST_FAULTS: '1', WORKREPORT_TWO_PHASE_MIN_CHARS: '1' };
const PUSH = LspClient.capabilities({ pull: false });
const uri = 'file:///tmp/two-phase.report.txt';

// Our own report: the outline skips 二、 (a whole-document finding, outline/numbering-sequence,
// on line 9 with a related place on line 5).
const V1 = [
  '关于2025年度社区服务工作的总结',
  '',
  '今年以来，我们围绕群众关心的事情，扎实推进各项工作。',
  '',
  '一、主要做法',
  '（一）完善服务网络。全年新建服务站3个。',
  '（二）加强队伍建设。组织培训12次。',
  '',
  '三、存在问题',
  '一是人手不足。二是经费紧张。',
  '',
].join('\n');
const LINE = 6; // 0-based: （二）加强队伍建设。
const OLD = '（二）加强队伍建设。';
// The edit on that line: （四） skips two items (a new whole-document finding on this line) and a
// half-width comma (a per-line finding, punct/halfwidth).
const NEW = '（四）加强队伍建设,';
const V2 = V1.replace(OLD, NEW);
const V3 = V2.replace('组织培训12次', '组织培训,12次');
const edit = { range: { start: { line: LINE, character: 0 }, end: { line: LINE, character: OLD.length } }, text: NEW };
const edit3 = { range: { start: { line: LINE, character: NEW.length + 4 }, end: { line: LINE, character: NEW.length + 4 } }, text: ',' };

const on = (ds: Diagnostic[], rule: string, line: number) => ds.filter((d) => d.code === rule && d.range.start.line === line);

/** What a server analysing in one phase publishes for `text`. */
async function onePhase(text: string, version: number): Promise<Diagnostic[]> {
  const c = await start({ capabilities: PUSH });
  c.open(uri, text, 'workreport', version);
  const p = await c.waitForDiagnostics(uri, { version });
  await c.close();
  return p.diagnostics;
}

/** What a server analysing in one phase answers to each request on `text`. */
async function onePhaseAnswers(text: string, version: number, asks: [string, object][]): Promise<unknown[]> {
  const c = await start({ capabilities: PUSH });
  c.open(uri, text, 'workreport', version);
  const out: unknown[] = [];
  for (const [m, p] of asks) out.push(await c.request(m, p));
  await c.close();
  return out;
}

/** The publications for `version` so far. */
const published = (c: LspClient, version: number): PublishDiagnosticsParams[] =>
  c.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && n.params.uri === uri && n.params.version === version).map((n) => n.params);

/** The n-th (1-based) publication for `version`. */
async function nth(c: LspClient, version: number, n: number): Promise<PublishDiagnosticsParams> {
  let since = 0;
  for (let k = 1; ; k++) {
    const p = await c.waitForDiagnostics(uri, { version, since });
    since = c.notifications.findIndex((x) => x.params === p) + 1;
    if (k === n) return p;
  }
}

/** The quick diagnostics of V2: the per-line finding of the edited line, the outline finding carried over (moved nowhere: the edit keeps lengths), not yet the new outline finding. */
function assertQuick(ds: Diagnostic[]): void {
  assert.equal(on(ds, 'punct/halfwidth', LINE).length, 1, 'the per-line rules read the edited line');
  assert.equal(on(ds, 'outline/numbering-sequence', 8).length, 1, 'the outline finding elsewhere is carried over');
  assert.equal(on(ds, 'outline/numbering-sequence', LINE).length, 0, 'the whole-document rules have not read the edit yet');
}

test('push: an edit publishes the quick diagnostics, then the full ones of the same version (those of a one-phase analysis)', async () => {
  const want = await onePhase(V2, 2);
  assert.equal(on(want, 'outline/numbering-sequence', LINE).length, 1, 'the full analysis finds the new outline finding');
  const c = await start({ capabilities: PUSH, env: TWO_PHASE });
  c.open(uri, V1, 'workreport', 1);
  const first = await c.waitForDiagnostics(uri, { version: 1 });
  assert.deepEqual(first.diagnostics, await onePhase(V1, 1), 'the first version is analysed whole');
  c.change(uri, 2, [edit]);
  const quick = await nth(c, 2, 1);
  assertQuick(quick.diagnostics);
  const full = await nth(c, 2, 2);
  assert.deepEqual(full.diagnostics, want);
  const h = await c.request<Health>('workreport/health', null);
  assert.equal(h.lastAnalysis?.phase, 'full');
  assert.equal(h.lastAnalysis?.version, 2);
  assert.equal(typeof h.lastAnalysis?.quickMs, 'number', 'the full analysis came after a quick one');
  // Node says how many pages the analysis touched afresh (the bench reports them).
  assert.ok(Number.isInteger(h.lastAnalysis?.faults) && h.lastAnalysis!.faults! >= 0, `page faults ${h.lastAnalysis?.faults}`);
});

/** A client that takes quick pull answers: V1 opened and pulled, the edit, its quick answer pulled and checked, the server's first refresh awaited. */
async function quickPullAfterEdit(): Promise<{ c: LspClient; pull: () => Promise<Diagnostic[]> }> {
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }), env: TWO_PHASE, initializationOptions: QUICK_PULL });
  const pull = async () => fullItems(await c.request('textDocument/diagnostic', { textDocument: { uri } }));
  c.open(uri, V1, 'workreport', 1);
  await pull();
  const asked = c.serverRequests.length;
  c.change(uri, 2, [edit]);
  assertQuick(await pull());
  await c.waitForServerRequest('workspace/diagnostic/refresh', () => true, undefined, asked);
  return { c, pull };
}

test('pull: the pull is answered with the quick diagnostics, then the server asks for a pull again, answered with the full ones', async () => {
  const want = await onePhase(V2, 2);
  const { pull } = await quickPullAfterEdit();
  assert.deepEqual(await pull(), want);
});

test('pull, quick answers: a client that does not pull after the refresh is asked again, and gets the full diagnostics when it pulls', async () => {
  const want = await onePhase(V2, 2);
  const { c, pull } = await quickPullAfterEdit();
  // This client takes no notice of the refresh: it is asked again.
  const again = c.serverRequests.length;
  await c.waitForServerRequest('workspace/diagnostic/refresh', () => true, undefined, again);
  assert.deepEqual(await pull(), want);
  const h = await c.request<Health>('workreport/health', null);
  assert.deepEqual(h.refreshes, { sent: 2, again: 1 });
});

/** A pull client that gets no quick answer: the full diagnostics at once, and no refresh. */
async function fullAtOnce(capabilities: ReturnType<typeof LspClient.capabilities>, initializationOptions?: object): Promise<void> {
  const want = await onePhase(V2, 2);
  const c = await start({ capabilities, env: TWO_PHASE, initializationOptions });
  const pull = async () => fullItems(await c.request('textDocument/diagnostic', { textDocument: { uri } }));
  c.open(uri, V1, 'workreport', 1);
  await pull();
  c.change(uri, 2, [edit]);
  assert.deepEqual(await pull(), want);
  assert.equal(c.serverRequests.filter((r) => r.method === 'workspace/diagnostic/refresh').length, 0);
  const h = await c.request<Health>('workreport/health', null);
  assert.equal(h.lastAnalysis?.version, 2);
  assert.equal(h.lastAnalysis?.phase, 'full');
  assert.equal(h.lastAnalysis?.quickMs, undefined, 'no quick result was made: nobody would have read it');
}

test('pull from a client that asks for quick answers but cannot be asked to pull again: the full diagnostics at once', async () => {
  const caps = LspClient.capabilities({ pull: true });
  delete caps.workspace!.diagnostics;
  await fullAtOnce(caps, QUICK_PULL);
});

test('pull from a client that did not ask for quick answers (VS Code): the full diagnostics at once, no refresh', async () => {
  await fullAtOnce(LspClient.capabilities({ pull: true }));
});

test('an edit during a full analysis drops it; the last diagnostics are those of the latest version', async () => {
  const want = await onePhase(V3, 3);
  const c = await start({ capabilities: PUSH, env: TWO_PHASE });
  c.open(uri, V1, 'workreport', 1);
  await c.waitForDiagnostics(uri, { version: 1 });
  assert.equal(await c.request('workreport/test/hold', { hold: true }), true);
  c.change(uri, 2, [edit]);
  assertQuick((await nth(c, 2, 1)).diagnostics);
  // Version 2's full analysis is held; version 3 arrives.
  c.change(uri, 3, [edit3]);
  const quick3 = await nth(c, 3, 1);
  assert.equal(on(quick3.diagnostics, 'punct/halfwidth', LINE).length, 2);
  assert.equal(await c.request('workreport/test/hold', { hold: false }), false);
  const full3 = await nth(c, 3, 2);
  assert.deepEqual(full3.diagnostics, want);
  const h = await c.request<Health>('workreport/health', null);
  assert.ok((h.abandoned ?? 0) >= 1, 'version 2\'s analysis was dropped');
  assert.equal(h.lastAnalysis?.version, 3);
  assert.equal(published(c, 2).length, 1, 'version 2 never had full diagnostics');
});

test('completion reads the model of the current version: answered while the full analysis is held, as a one-phase server answers it', async () => {
  const at = { textDocument: { uri }, position: { line: LINE + 1, character: 0 } };
  const [want] = (await onePhaseAnswers(V2, 2, [['textDocument/completion', at]])) as { items: unknown[] }[];
  assert.ok(want?.items?.length > 0, 'heading completions at the blank line');
  const c = await start({ capabilities: PUSH, env: TWO_PHASE });
  c.open(uri, V1, 'workreport', 1);
  await c.waitForDiagnostics(uri, { version: 1 });
  assert.equal(await c.request('workreport/test/hold', { hold: true }), true);
  c.change(uri, 2, [edit]);
  assert.deepEqual(await c.request('textDocument/completion', at), want);
  assertQuick((await nth(c, 2, 1)).diagnostics);
  const h = await c.request<Health>('workreport/health', null);
  assert.equal(h.lastAnalysis?.version, 2);
  assert.equal(h.lastAnalysis?.phase, 'quick', 'the full analysis is still held');
  await c.request('workreport/test/hold', { hold: false });
  const last = await nth(c, 2, 2);
  assert.deepEqual(last.diagnostics, await onePhase(V2, 2));
});

/** A client that takes only full diagnostics (VS Code): V1 opened and pulled, the analysis held, the edit made and its pull sent (answered once the hold is released). */
async function heldEdit(): Promise<{ c: LspClient; pulled: Promise<Diagnostic[]> }> {
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }), env: TWO_PHASE });
  const pull = async () => fullItems(await c.request('textDocument/diagnostic', { textDocument: { uri } }));
  c.open(uri, V1, 'workreport', 1);
  await pull();
  assert.equal(await c.request('workreport/test/hold', { hold: true }), true);
  c.change(uri, 2, [edit]);
  return { c, pulled: pull() };
}

test('a client that takes only full diagnostics (VS Code): completion during the full analysis is answered from the model, before the full analysis, no quick result made', async () => {
  const at = { textDocument: { uri }, position: { line: LINE + 1, character: 0 } };
  const [want] = (await onePhaseAnswers(V2, 2, [['textDocument/completion', at]])) as { items: unknown[] }[];
  const { c, pulled } = await heldEdit();
  assert.deepEqual(await c.request('textDocument/completion', at), want);
  const h = await c.request<Health>('workreport/health', null);
  assert.equal(h.lastAnalysis?.version, 1, 'no analysis of version 2 has ended: the full one is held, and completion made no quick one (it read the model)');
  await c.request('workreport/test/hold', { hold: false });
  assert.deepEqual(await pulled, await onePhase(V2, 2));
});

test('completion in body text (a 、 typed in a paragraph) is answered as a one-phase server answers it while the full analysis is held, and a marker typed after it from the new model', async () => {
  // After 组织培训 on the edited line, and after the 、 typed there in version 3.
  const inBody = { textDocument: { uri }, position: { line: LINE, character: '（二）加强队伍建设。组织培训'.length } };
  assert.deepEqual(await onePhaseAnswers(V1, 1, [['textDocument/completion', inBody]]), [{ isIncomplete: false, items: [] }], 'a one-phase server offers nothing there');
  const { c, pulled } = await heldEdit();
  assert.deepEqual(await c.request('textDocument/completion', inBody), { isIncomplete: false, items: [] });
  c.change(uri, 3, [{ range: { start: inBody.position, end: inBody.position }, text: '、' }]);
  const after = { ...inBody, position: { line: LINE, character: inBody.position.character + 1 } };
  assert.deepEqual(await c.request('textDocument/completion', after), { isIncomplete: false, items: [] });
  await c.request('workreport/test/hold', { hold: false });
  await pulled;
  // A marker typed at a line start (the blank line after it): the model's completions.
  const lineStart = { line: LINE + 1, character: 0 };
  c.change(uri, 4, [{ range: { start: lineStart, end: lineStart }, text: '（' }]);
  const marker = await c.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: { line: LINE + 1, character: 1 } });
  assert.ok(marker.items.some((i) => i.label === '（五）'), JSON.stringify(marker.items.map((i) => i.label)));
});

test('completion in body text is answered from the line alone: before the document has any analysis or model (its settings not yet answered)', async () => {
  let answer!: () => void;
  const settingsHeld = new Promise<void>((resolve) => (answer = resolve));
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }), env: TWO_PHASE, settingsHeld });
  c.open(uri, V1, 'workreport', 1);
  // Every analysis of the document waits for its settings: the completion in a paragraph does not.
  const inBody = { textDocument: { uri }, position: { line: LINE, character: '（二）加强队伍建设。组织培训'.length } };
  assert.deepEqual(await c.request('textDocument/completion', inBody), { isIncomplete: false, items: [] });
  const atLineStart = c.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: { line: LINE + 1, character: 0 } });
  answer();
  assert.ok((await atLineStart).items.some((i) => i.label === '（三）'), 'the completion at a line start waited for the model');
});

test('completion right after a heading marker typed on a line of its own is answered from the last full analysis and the changes since, as a one-phase server answers it', async () => {
  // The blank line after the run-in heading （二）…: 三 typed, then 、, then 、 taken back and typed again, in changes of every kind on that line.
  const at = (character: number) => ({ textDocument: { uri }, position: { line: LINE + 1, character } });
  const typed = (text: string) => V1.split('\n').map((l, i) => (i === LINE + 1 ? text : l)).join('\n');
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }), env: TWO_PHASE });
  c.open(uri, V1, 'workreport', 1);
  await c.request('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(await c.request('workreport/test/hold', { hold: true }), true);
  const steps: [number, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[], string, number][] = [
    [2, [{ range: { start: { line: LINE + 1, character: 0 }, end: { line: LINE + 1, character: 0 } }, text: '三' }], '三', 1],
    [3, [{ range: { start: { line: LINE + 1, character: 1 }, end: { line: LINE + 1, character: 1 } }, text: '、' }], '三、', 2],
    // Two changes in one notification: 、 taken back, then typed again past the line's end (the editor's document takes it at the end).
    [4, [{ range: { start: { line: LINE + 1, character: 1 }, end: { line: LINE + 1, character: 2 } }, text: '' }, { range: { start: { line: LINE + 1, character: 9 }, end: { line: LINE + 1, character: 9 } }, text: '、' }], '三、', 2],
  ];
  for (const [version, changes, text, character] of steps) {
    c.change(uri, version, changes);
    const [want] = await onePhaseAnswers(typed(text), version, [['textDocument/completion', at(character)]]);
    assert.deepEqual(await c.request('textDocument/completion', at(character)), want, `after ${JSON.stringify(text)}`);
  }
  const h = await c.request<Health>('workreport/health', null);
  assert.equal(h.completionsFromAnalysis, 3, 'each answered from the analysis of version 1 and the line typed since');
  assert.equal(h.lastAnalysis?.version, 1, 'no later analysis has ended (the full one is held)');
  // A change beyond the line (a line break added above it): the new version's model answers, the same as a one-phase server.
  c.change(uri, 5, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
  const moved = { textDocument: { uri }, position: { line: LINE + 2, character: 2 } };
  const [want] = await onePhaseAnswers('\n' + typed('三、'), 5, [['textDocument/completion', moved]]);
  assert.ok((want as { items: unknown[] }).items.length > 0, 'the titles of the missing sections are offered');
  assert.deepEqual(await c.request('textDocument/completion', moved), want);
  assert.equal((await c.request<Health>('workreport/health', null)).completionsFromAnalysis, 3, 'not from the analysis: the lines moved');
  await c.request('workreport/test/hold', { hold: false });
});

test('hover, symbols, folding and code lenses read the model of the current version: answered while the full analysis is held, as a one-phase server answers them', async () => {
  const figureLine = V2.split('\n')[5];
  const asks: [string, object][] = [
    ['textDocument/hover', { textDocument: { uri }, position: { line: 5, character: figureLine.indexOf('3') } }],
    ['textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 1 } }],
    ['textDocument/documentSymbol', { textDocument: { uri } }],
    ['textDocument/foldingRange', { textDocument: { uri } }],
    ['textDocument/codeLens', { textDocument: { uri } }],
  ];
  const want = await onePhaseAnswers(V2, 2, asks);
  assert.ok((want[0] as { contents?: unknown })?.contents, 'a hover on the figure');
  assert.ok((want[2] as unknown[]).length > 0, 'symbols');
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }), env: TWO_PHASE });
  c.open(uri, V1, 'workreport', 1);
  await c.request('textDocument/diagnostic', { textDocument: { uri } });
  assert.equal(await c.request('workreport/test/hold', { hold: true }), true);
  c.change(uri, 2, [edit]);
  for (const [k, [m, p]] of asks.entries()) assert.deepEqual(await c.request(m, p), want[k], m);
  const h = await c.request<Health>('workreport/health', null);
  assert.equal(h.lastAnalysis?.version, 1, 'no analysis of version 2 has ended: the full one is held, and no quick one was made (they read the model)');
  await c.request('workreport/test/hold', { hold: false });
  // The full analysis then ends as it would have.
  assert.deepEqual(fullItems(await c.request('textDocument/diagnostic', { textDocument: { uri } })), await onePhase(V2, 2));
});

test('resultId: a pull that names the analysis the client holds is answered Unchanged; the full analysis after the quick one is not', async () => {
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }), env: TWO_PHASE, initializationOptions: QUICK_PULL });
  const pull = (previousResultId?: string) => c.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
  c.open(uri, V1, 'workreport', 1);
  const first = await pull();
  assert.equal(first.kind, 'full');
  assert.equal(typeof first.resultId, 'string');
  assert.deepEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
  // Another server process (a restart) names its analyses otherwise: an id kept from before never matches.
  const other = await start({ capabilities: LspClient.capabilities({ pull: true }) });
  other.open(uri, V1, 'workreport', 1);
  assert.equal((await other.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId })).kind, 'full');
  await other.close();
  const asked = c.serverRequests.length;
  c.change(uri, 2, [edit]);
  const quick = await pull(first.resultId);
  assert.equal(quick.kind, 'full', 'a new version: its diagnostics');
  assertQuick(quick.items);
  await c.waitForServerRequest('workspace/diagnostic/refresh', () => true, undefined, asked);
  const full = await pull(quick.resultId);
  assert.equal(full.kind, 'full', 'the full analysis is not the quick one');
  assert.deepEqual(full.items, await onePhase(V2, 2));
  assert.equal((await pull(full.resultId)).kind, 'unchanged');
});

// Edits that change no whole-document finding: the full analysis finds what the quick one
// showed (lsp/context.ts Analysis.shownAs), so its diagnostics are not sent again. Each on V1:
// a half-width comma typed in the last paragraph (a new per-line finding), a word typed in the
// first paragraph (no finding), and a figure changed.
const SAME: [string, string, string][] = [
  ['a half-width comma typed in the last paragraph', '一是人手不足。二是经费紧张。', '一是人手不足,二是经费紧张。'],
  ['a word typed in the opening paragraph', '扎实推进各项工作。', '扎实有序推进各项工作。'],
  ['a figure changed', '全年新建服务站3个', '全年新建服务站5个'],
];

/** The LSP edit that turns `from` into `to` in V1 (one line). */
function lineEdit(from: string, to: string): { range: object; text: string } {
  const lines = V1.split('\n');
  const line = lines.findIndex((l) => l.includes(from));
  assert.ok(line >= 0, `V1 has ${from}`);
  const character = lines[line].indexOf(from);
  return { range: { start: { line, character }, end: { line, character: character + from.length } }, text: to };
}

/** Health once version `v`'s full analysis has ended. */
async function fullDone(c: LspClient, v: number): Promise<Health> {
  for (;;) {
    const h = await c.request<Health>('workreport/health', null);
    if (h.lastAnalysis?.version === v && h.lastAnalysis.phase === 'full') return h;
    await sleep(10);
  }
}

for (const [name, from, to] of SAME) {
  test(`push, ${name}: the quick diagnostics are the full ones, published once`, async () => {
    const text = V1.replace(from, to);
    const want = await onePhase(text, 2);
    const c = await start({ capabilities: PUSH, env: TWO_PHASE });
    c.open(uri, V1, 'workreport', 1);
    await c.waitForDiagnostics(uri, { version: 1 });
    c.change(uri, 2, [lineEdit(from, to)]);
    assert.deepEqual((await nth(c, 2, 1)).diagnostics, want);
    const h = await fullDone(c, 2);
    assert.equal(typeof h.lastAnalysis?.quickMs, 'number', 'a quick result was made');
    assert.equal(h.lastAnalysis?.asQuick, true, 'the full analysis found the same');
    // A later version's publication comes after anything version 2 still had to publish.
    c.change(uri, 3, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    await c.waitForDiagnostics(uri, { version: 3 });
    assert.equal(published(c, 2).length, 1, 'version 2 was published once');
  });

  test(`pull, ${name}: the quick answer is the full one; no refresh, and a pull that names it is answered Unchanged`, async () => {
    const text = V1.replace(from, to);
    const want = await onePhase(text, 2);
    const c = await start({ capabilities: LspClient.capabilities({ pull: true }), env: TWO_PHASE, initializationOptions: QUICK_PULL });
    const pull = (previousResultId?: string) => c.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
    c.open(uri, V1, 'workreport', 1);
    await pull();
    const asked = c.serverRequests.length;
    c.change(uri, 2, [lineEdit(from, to)]);
    const quick = await pull();
    assert.deepEqual(quick.items, want);
    const h = await fullDone(c, 2);
    assert.equal(h.lastAnalysis?.asQuick, true, 'the full analysis found the same');
    assert.deepEqual(await pull(quick.resultId), { kind: 'unchanged', resultId: quick.resultId });
    assert.equal(c.serverRequests.slice(asked).filter((r) => r.method === 'workspace/diagnostic/refresh').length, 0, 'no refresh');
    assert.deepEqual(h.refreshes, { sent: 0, again: 0 });
  });
}

test('idle: after a large document\'s analysis the server collects its young generation once it is idle, never while an analysis is under way', async () => {
  const c = await start({ capabilities: PUSH, env: TWO_PHASE });
  const idle = async () => (await c.request<Health>('workreport/health', null)).idleCollections ?? 0;
  c.open(uri, V1, 'workreport', 1);
  await c.waitForDiagnostics(uri, { version: 1 });
  // At once, an edit whose full analysis is held: under way for as long as it is held, when the
  // collection due after the first analysis comes.
  assert.equal(await c.request('workreport/test/hold', { hold: true }), true);
  c.change(uri, 2, [edit]);
  assertQuick((await nth(c, 2, 1)).diagnostics);
  await sleep(500);
  assert.equal(await idle(), 0, 'no collection while an analysis is under way');
  await c.request('workreport/test/hold', { hold: false });
  await nth(c, 2, 2);
  await sleep(500);
  assert.equal(await idle(), 1, 'one collection once the analysis has ended and the server is idle');
  await c.close();
});
