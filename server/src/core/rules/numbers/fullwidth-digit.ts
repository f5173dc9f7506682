// numbers/fullwidth-digit — Arabic numerals are written half-width: `１８` → `18`,
// `３．５％` → `3.5%` (GB/T 15835—2011 uses the half-width digits; full-width ones are a typing slip).
import type { Rule } from '../../rule';
import { FULL_DIGIT, scope, capped, MAX_FINDINGS } from '../../model/scope';

export const RUN = /[０-９][０-９．，％]*/g;

export const fullwidthDigit: Rule = {
  id: 'numbers/fullwidth-digit',
  description: { zh: '阿拉伯数字用半角：“１８”应为“18”', en: 'Arabic numerals are half-width: “１８” → “18”' },
  severity: 'warning',
  fixable: true,
  perLine: { cap: MAX_FINDINGS },
  fold: { noun: { zh: '全角数字', en: 'full-width numbers' }, action: { zh: '应为半角', en: 'write them half-width' } },
  check(doc, ctx) {
    const report = capped(ctx);
    const text = doc.text;
    const s = scope(doc);
    // From each full-width digit (the scope's index of them), the run that starts there: what RUN.exec would find next.
    const digitFrom = s.finder(FULL_DIGIT);
    RUN.lastIndex = 0;
    for (let at = digitFrom(0); at < text.length; at = digitFrom(RUN.lastIndex)) {
      RUN.lastIndex = at;
      const m = RUN.exec(text)!;
      let run = m[0];
      // A trailing `．` or `，` is punctuation, not part of the number.
      while (/[．，]$/.test(run)) run = run.slice(0, -1);
      const start = m.index;
      if (s.skip(start)) continue;
      let out = '';
      for (const ch of run) {
        const c = ch.charCodeAt(0);
        out += c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xfee0) : ch === '．' ? '.' : ch === '％' ? '%' : ch === '，' ? ',' : ch;
      }
      // `１，２` is a list, not a thousands separator: keep the comma full-width.
      if (run.includes('，') && !/^[０-９]{1,3}(?:，[０-９]{3})+(?:．[０-９]+)?％?$/.test(run)) {
        const cut = run.indexOf('，');
        run = run.slice(0, cut);
        out = out.slice(0, cut);
      }
      report({
        start,
        end: start + run.length,
        message: { zh: `全角数字“${run}”应为半角“${out}”`, en: `Full-width digits “${run}”: write “${out}”` },
        fix: { title: { zh: `改为“${out}”`, en: `Write “${out}”` }, edits: [{ start, end: start + run.length, newText: out }], safe: true },
      });
    }
  },
};
