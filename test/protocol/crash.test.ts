// The crash policy (server/src/lsp/crash-policy.ts), with faults injected through
// `workreport/test/fault` (served when WORKREPORT_TEST_FAULTS=1): an exception inside a
// request handler answers that request with an error and is logged, and the server keeps
// serving; an exception anywhere else ends the process with exit code 1, so that the
// client restarts it (client/src/recovery.ts, tested in robustness.test.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { alive, clientStarter } from './lsp-client';

const start = clientStarter();
const withFaults = () => start({ env: { WORKREPORT_TEST_FAULTS: '1' } });

test('an exception in a request handler: that request gets an error, the stack is logged, the server serves on', async () => {
  const c = await withFaults();
  const mark = c.mark();
  const err = await c.request('workreport/test/fault', { where: 'request' }).then(
    () => assert.fail('the request succeeded'),
    (e: { code?: number; message: string }) => e,
  );
  assert.equal(err.code, -32603, 'InternalError');
  assert.match(err.message, /injected fault \(request\)/);
  const logged = await c.waitForNotification<{ type: number; message: string }>('window/logMessage', (p) => /injected fault \(request\)/.test(p.message), undefined, mark);
  assert.equal(logged.type, 1, 'logged as an error');
  assert.match(logged.message, /workreport\/test\/fault/, 'names the request');
  assert.match(logged.message, /\n\s+at fault /, 'with the stack');
  await alive(c);
  assert.equal(await c.close(), 0);
});

for (const where of ['notification', 'timer', 'rejection']) {
  test(`an exception outside a request handler (${where}) ends the process with exit code 1`, async () => {
    const c = await withFaults();
    await alive(c);
    if (where === 'notification') c.notify('workreport/test/fault', { where });
    else assert.equal(await c.request('workreport/test/fault', { where }), where, 'the request itself is answered');
    assert.equal(await c.exit(), 1);
    assert.match(c.stderr, new RegExp(`the server stops; the editor restarts it\\): Error: injected fault \\(${where}\\)`), 'stderr says why');
  });
}

test('malformed document notifications are dropped with a log line, not fatal', async () => {
  const c = await withFaults();
  const mark = c.mark();
  c.notify('textDocument/didOpen', { textDocument: null });
  c.notify('textDocument/didOpen', { textDocument: { uri: 'file:///x.report', languageId: 'workreport', version: 1 } });
  c.notify('textDocument/didChange', { textDocument: { uri: 'file:///x.report' }, contentChanges: [{ text: 'x' }] });
  c.notify('textDocument/didChange', { textDocument: { uri: 'file:///x.report', version: 2 }, contentChanges: null });
  await c.waitForNotification('window/logMessage', (p: { message: string }) => /malformed message dropped/.test(p.message), undefined, mark);
  await alive(c);
  assert.equal(await c.close(), 0);
});

test('without WORKREPORT_TEST_FAULTS the fault request does not exist', async () => {
  const c = await start();
  await assert.rejects(c.request('workreport/test/fault', { where: 'request' }), (e: { code?: number }) => e.code === -32601);
  assert.equal(await c.close(), 0);
});
