// The rule fixture format (see ARCHITECTURE.md), shared by the fixture test and the
// message checks (test/unit/messages.test.ts), which read the same cases.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES as ROOT } from './paths';

export interface Expect {
  rule: string;
  quote: string;
  overlap: boolean;
  words?: string;
  severity?: string;
}
export interface Case {
  name: string;
  text: string;
  expects: Expect[];
  fixed?: string;
  config?: Record<string, unknown>;
}

const EXPECT = /^>>>\s+(?:([a-z]+\/[a-z0-9-]+)\s+)?(~)?"(.*)"(?:\s+@(error|warning|information|hint))?(?:\s*\|\s*(.+))?$/;

export function parseFixture(src: string, rule: string): Case[] {
  const cases: Case[] = [];
  let cur: Case | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (cur) {
      cur.text = lines.join('\n');
      cases.push(cur);
    }
    lines = [];
  };
  for (const line of src.split('\n')) {
    if (line.startsWith('=== ')) {
      flush();
      cur = { name: line.slice(4).trim(), text: '', expects: [] };
      continue;
    }
    if (!cur) continue;
    if (line.startsWith('>>> fixed:')) {
      cur.fixed = line.slice('>>> fixed:'.length).trim().replace(/\\n/g, '\n');
      continue;
    }
    if (line.startsWith('>>> config:')) {
      cur.config = JSON.parse(line.slice('>>> config:'.length));
      continue;
    }
    const m = EXPECT.exec(line);
    if (m) {
      cur.expects.push({ rule: m[1] ?? rule, overlap: !!m[2], quote: m[3], severity: m[4], words: m[5]?.trim() });
      continue;
    }
    if (line.startsWith('>>>')) throw new Error(`bad expectation line: ${line}`);
    lines.push(line);
  }
  flush();
  // Trailing blank lines separate cases in the file; they are not part of the text.
  for (const c of cases) c.text = c.text.replace(/\n+$/, '');
  return cases;
}

/** Every fixture file with the rule it belongs to (`<family>/<name>`). */
export function fixtureFiles(): { rule: string; file: string }[] {
  const out: { rule: string; file: string }[] = [];
  if (!fs.existsSync(ROOT)) return out;
  for (const fam of fs.readdirSync(ROOT)) {
    const dir = path.join(ROOT, fam);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const f of fs.readdirSync(dir)) if (f.endsWith('.txt')) out.push({ rule: `${fam}/${f.slice(0, -4)}`, file: path.join(dir, f) });
  }
  return out;
}
