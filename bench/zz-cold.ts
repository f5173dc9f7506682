import { check } from '../server/src/core/run/check';
import { generatedReport } from './texts';
const size = Number(process.argv[2] ?? 1024 * 1024);
const text = generatedReport(size);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const out: string[] = [];
for (let k = 0; k < 4; k++) {
  const t0 = performance.now(), c0 = cpu();
  check(text);
  out.push(`${(performance.now() - t0).toFixed(0)}/${(cpu() - c0).toFixed(0)}`);
}
console.log(size, 'wall/cpu of checks 1..4:', out.join('  '));
