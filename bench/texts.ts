// The texts `npm run bench` measures, shared with the findings dump (bench/findings.ts) and
// the profile driver (bench/profile.ts): the pasted report, the 12 corpus reports, and
// generated long reports (the corpus and the pasted report repeated, cut at a line).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORPUS } from '../test/paths';
import { PASTED_FILE } from '../test/reports/pasted';

export function benchParts(): { pasted: string; corpus: string[] } {
  const pasted = fs.readFileSync(PASTED_FILE, 'utf8');
  const corpus = fs
    .readdirSync(CORPUS)
    .filter((n) => /^P\d+\.(txt|md)$/.test(n))
    .sort()
    .map((n) => fs.readFileSync(path.join(CORPUS, n), 'utf8'));
  return { pasted, corpus };
}

/** A long report of about `size` UTF-16 units: the parts over and over, cut at a line. */
export function generatedReport(size: number, parts?: string[]): string {
  if (!parts) {
    const { pasted, corpus } = benchParts();
    parts = [...corpus, pasted];
  }
  let out = '';
  for (let i = 0; out.length < size; i++) out += parts[i % parts.length] + '\n\n';
  const cut = out.lastIndexOf('\n', size);
  return out.slice(0, cut > size / 2 ? cut : size);
}

/**
 * Places to type at, as a writer moves about: a seeded sequence (the same places every run),
 * each a fraction of the text it is asked for, never between a CR and its LF.
 */
export function seededPlaces(seed: number): (text: string) => number {
  return (text) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const at = Math.floor((seed / 0x80000000) * text.length);
    return text.charCodeAt(at - 1) === 13 ? at - 1 : at;
  };
}
