// The reference report in the editor (npm run test:reference): its one figure error is within
// the first 50 diagnostics the server sends, though the report has hundreds of annotations.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { clientStarter, LspClient } from '../protocol/lsp-client';
import { pullDiagnostics } from '../protocol/order';
import { reference } from './reference';

const start = clientStarter();

test('reference report: the named-count error is within the first 50 diagnostics', async () => {
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
  const diags = await pullDiagnostics(c, 'file:///tmp/reference.report.txt', reference().text);
  const at = diags.findIndex((d) => d.code === 'figures/named-count');
  assert.ok(at >= 0 && at < 50, `figures/named-count is diagnostic #${at}`);
  assert.ok(diags.filter((d) => d.severity !== 4).length < 150, 'the annotations are folded per paragraph');
});
