import { check } from '../server/src/core/run/check';
import { Phrases } from '../server/src/core/figures/phrases';
import { generatedReport } from './texts';
const text = generatedReport(1024 * 1024);
const counts = new Map<string, number>();
const orig = Phrases.prototype.at;
Phrases.prototype.at = function (k: number) {
  const line = (new Error().stack ?? '').split('\n')[2]?.trim().replace(/\(.*\/(out\/bench\/)?/, '(') ?? '';
  counts.set(line, (counts.get(line) ?? 0) + 1);
  return orig.call(this, k);
};
check(text);
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String(v).padStart(8), k);
