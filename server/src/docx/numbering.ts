// Word's automatic numbering (word/numbering.xml) rendered to the text Word shows, so that
// `一、` `（一）` `1.` typed by Word's list feature read like typed ones. Counters follow
// Word: one sequence per abstract list, deeper levels restart when a shallower one advances,
// a `w:startOverride` restarts its list the first time its `w:num` is used.
import { child, elements, val, type XmlElement } from './xml';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  legal: boolean;
}

interface NumDef {
  abstractId: string;
  overrides: Map<number, number>;
}

export class Numbering {
  private abstracts = new Map<string, Map<number, Level>>();
  private nums = new Map<string, NumDef>();
  private counters = new Map<string, number[]>();
  private started = new Set<string>();
  /** Abstract lists that only name a list style (`w:numStyleLink`). */
  private links = new Map<string, string>();

  constructor(root: XmlElement | undefined, private styleNum: (styleId: string) => string | undefined) {
    if (!root) return;
    for (const a of elements(root, 'abstractNum')) {
      const levels = new Map<number, Level>();
      for (const l of elements(a, 'lvl')) {
        levels.set(Number(l.attrs.ilvl ?? 0), {
          start: Number(val(l, 'start') ?? 1),
          format: val(l, 'numFmt') ?? 'decimal',
          text: val(l, 'lvlText') ?? '',
          suffix: val(l, 'suff') ?? 'tab',
          legal: child(l, 'isLgl') !== undefined && val(l, 'isLgl') !== '0',
        });
      }
      const id = a.attrs.abstractNumId;
      // A list style's abstract list only points at the style that holds the definition.
      const link = val(a, 'numStyleLink');
      if (link && !levels.size) this.links.set(id, link);
      this.abstracts.set(id, levels);
    }
    for (const n of elements(root, 'num')) {
      const overrides = new Map<number, number>();
      for (const o of elements(n, 'lvlOverride')) {
        const s = val(o, 'startOverride');
        if (s !== undefined) overrides.set(Number(o.attrs.ilvl ?? 0), Number(s));
      }
      this.nums.set(n.attrs.numId, { abstractId: val(n, 'abstractNumId') ?? '', overrides });
    }
  }

  private resolve(numId: string, depth = 0): { abstractId: string; levels: Map<number, Level>; num: NumDef } | undefined {
    const num = this.nums.get(numId);
    if (!num) return undefined;
    const link = this.links.get(num.abstractId);
    if (link && depth < 4) {
      const viaStyle = this.styleNum(link);
      return viaStyle ? this.resolve(viaStyle, depth + 1) : undefined;
    }
    const levels = this.abstracts.get(num.abstractId);
    return levels ? { abstractId: num.abstractId, levels, num } : undefined;
  }

  /** The label Word shows for the next paragraph of list `numId` at level `ilvl` ('' for none). */
  next(numId: string, ilvl: number): string {
    if (numId === '0') return '';
    const r = this.resolve(numId);
    if (!r) return '';
    const { abstractId, levels, num } = r;
    let counts = this.counters.get(abstractId);
    if (!counts || (num.overrides.size && !this.started.has(numId))) {
      counts = [];
      this.counters.set(abstractId, counts);
    }
    if (num.overrides.size && !this.started.has(numId)) {
      for (const [l, s] of num.overrides) counts[l] = s - 1;
    }
    this.started.add(numId);
    const startOf = (l: number) => num.overrides.get(l) ?? levels.get(l)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? startOf(ilvl) : counts[ilvl] + 1;
    counts.length = ilvl + 1; // deeper levels restart
    const lvl = levels.get(ilvl);
    if (!lvl || lvl.format === 'none') return '';
    let label = lvl.format === 'bullet' ? lvl.text : lvl.text.replace(/%([1-9])/g, (_m, d: string) => {
      const l = Number(d) - 1;
      const n = counts![l] ?? startOf(l);
      return formatNumber(n, lvl.legal && l < ilvl ? 'decimal' : levels.get(l)?.format ?? 'decimal');
    });
    // Word separates the label from the text by a tab, a space or nothing; a label that ends
    // in its own mark (、 ． ） .) reads as typed text without the gap.
    if (lvl.suffix !== 'nothing' && label && !/[、.．）)：:]$/.test(label)) label += lvl.suffix === 'space' ? ' ' : '\t';
    return label;
  }
}

const CN_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百零五 (Word's chineseCounting). */
export function chineseCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i];
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : CN_DIGITS[d]) + unit;
  });
  return out;
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of table) {
    while (n >= v) {
      s += r;
      n -= v;
    }
  }
  return s;
}

function letters(n: number): string {
  // Word repeats the letter: a … z, aa … zz.
  const c = String.fromCharCode(97 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalZero':
      return n < 10 ? '0' + n : String(n);
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n).replace(/[一二三四五六七八九十百千零]/g, (c) => '壹贰叁肆伍陆柒捌玖拾佰仟零'['一二三四五六七八九十百千零'.indexOf(c)]);
    default:
      return String(n);
  }
}
