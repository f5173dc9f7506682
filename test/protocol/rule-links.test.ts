// Rule links: a client that has the command workreport.showRuleDoc (the VS Code clients)
// gets a command link that shows the rendered page; any other client the page's address.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { clientStarter, LspClient } from './lsp-client';
import { pullDiagnostics } from './order';

const start = clientStarter();
const text = '关于工作的总结\n\n今年,我们开展了学习活动。\n';

test('a VS Code client: the rule link is the command that shows the rendered page', async () => {
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }), initializationOptions: { clientCommands: ['workreport.showRuleDoc'] } });
  const d = (await pullDiagnostics(c, 'file:///tmp/links.report.txt', text)).find((x) => x.code === 'punct/halfwidth')!;
  const href = d.codeDescription!.href;
  assert.ok(href.startsWith('command:workreport.showRuleDoc?'), href);
  assert.deepEqual(JSON.parse(decodeURIComponent(href.slice(href.indexOf('?') + 1))), ['punct/halfwidth']);
});

test('another client: the rule link is the page itself (bundled file or web address)', async () => {
  const c = await start({ capabilities: LspClient.capabilities({ pull: true }) });
  const d = (await pullDiagnostics(c, 'file:///tmp/links2.report.txt', text)).find((x) => x.code === 'punct/halfwidth')!;
  assert.match(d.codeDescription!.href, /^(file|https):.*punct\/halfwidth\.md$/);
});
