// Where things are, for tests bundled into out/ (so __dirname is not the source folder).
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRoot(): string {
  let d = __dirname;
  while (!fs.existsSync(path.join(d, 'package.json')) || !fs.existsSync(path.join(d, 'esbuild.mjs'))) {
    const up = path.dirname(d);
    if (up === d) throw new Error('project root not found');
    d = up;
  }
  return d;
}

export const ROOT = findRoot();
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
/** The public sample corpus: 12 reports and their answer key (test/corpus/README.md). */
export const CORPUS = path.join(ROOT, 'test', 'corpus');
export const DIST = path.join(ROOT, 'dist');
