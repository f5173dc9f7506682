import { check } from '../server/src/core/run/check';
import { generatedReport } from './texts';
const text = generatedReport(Number(process.argv[2] ?? 6500));
const t0 = performance.now();
check(text);
console.log('first check', (performance.now() - t0).toFixed(1));
