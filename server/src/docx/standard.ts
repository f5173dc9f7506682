// The numbers and names of GB/T 9704-2012 the layout uses (page, margins, grid, sizes, fonts),
// and the shape of a laid-out report (blocks of runs). No import: the writer and the preview
// (docx/io.ts, loaded lazily by the Node server) use them without the report model.

/** Page and type area in millimetres, GB/T 9704-2012 §5.2: A4, 版心 156 × 225 mm. */
export const PAGE = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 } as const;
/** 22 lines of 28 characters on a page (§5.2.2). */
export const GRID = { lines: 22, chars: 28 } as const;
/** Font sizes in points: 二号 22, 三号 16, 四号 14. */
export const SIZE = { title: 22, body: 16, pageNumber: 14 } as const;
/** Page numbers sit 7 mm below the type area (§7.5). */
export const PAGE_NUMBER_GAP_MM = 7;

/** Which font a run is set in. */
export type FontRole = 'title' | 'heading1' | 'heading2' | 'body' | 'pageNumber';
export type Fonts = Record<FontRole, string>;

/** The fonts GB/T 9704 names. */
export const STANDARD_FONTS: Fonts = {
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  body: '仿宋_GB2312',
  pageNumber: '宋体',
};

/**
 * What to use on a machine without the 方正 and GB2312 fonts (Windows has these; macOS and
 * Linux map them through their own names, see docs/docx.md). Written into the .docx as each
 * font's alternative (`w:altName`), and selectable as the fonts themselves.
 */
export const FALLBACK_FONTS: Fonts = {
  title: '华文中宋',
  heading1: '黑体',
  heading2: '楷体',
  body: '仿宋',
  pageNumber: '宋体',
};

/** Latin names of the fonts, for the font table and CSS. */
export const FONT_FAMILIES: Record<string, string[]> = {
  方正小标宋简体: ['FZXiaoBiaoSong-B05S', '方正小标宋_GBK', '华文中宋', 'STZhongsong', '宋体', 'SimSun', 'Noto Serif CJK SC', 'serif'],
  华文中宋: ['STZhongsong', '宋体', 'SimSun', 'Noto Serif CJK SC', 'serif'],
  黑体: ['SimHei', 'STHeiti', 'Noto Sans CJK SC', 'sans-serif'],
  楷体_GB2312: ['KaiTi_GB2312', '楷体', 'KaiTi', 'STKaiti', 'AR PL UKai CN', 'serif'],
  楷体: ['KaiTi', 'STKaiti', 'AR PL UKai CN', 'serif'],
  仿宋_GB2312: ['FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', 'serif'],
  仿宋: ['FangSong', 'STFangsong', 'Noto Serif CJK SC', 'serif'],
  宋体: ['SimSun', 'STSong', 'Noto Serif CJK SC', 'serif'],
};

export function resolveFonts(choice?: 'standard' | 'fallback', overrides?: Partial<Record<string, unknown>>): Fonts {
  const fonts: Fonts = { ...(choice === 'fallback' ? FALLBACK_FONTS : STANDARD_FONTS) };
  for (const role of Object.keys(fonts) as FontRole[]) {
    const v = overrides?.[role];
    if (typeof v === 'string' && v.trim() && v.length <= 64) fonts[role] = v.trim();
  }
  return fonts;
}

export type BlockKind = 'title' | 'subtitle' | 'heading' | 'body' | 'signature' | 'date' | 'blank';

export interface Run {
  text: string;
  role: FontRole;
  bold?: boolean;
}

export interface Block {
  kind: BlockKind;
  /** 1–4 for a heading. */
  level?: number;
  runs: Run[];
  align: 'left' | 'center' | 'right' | 'both';
  /** First-line indent in characters (two for body text and headings; none when the text carries its own). */
  indent: number;
  /** Right indent in characters (the date stands four characters in from the right). */
  rightIndent: number;
  /** 0-based line of the source text. */
  line: number;
}

/** Width in grid cells: CJK and full-width characters take one, others half. */
export function cells(s: string): number {
  let n = 0;
  for (const ch of s) n += charCells(ch);
  return n;
}

export function charCells(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c === 0x09) return 2;
  return c < 0x1100 || (c >= 0xff61 && c <= 0xffdc) ? 0.5 : 1;
}

/** Characters XML 1.0 cannot hold (C0 controls but tab/newline, lone surrogates, U+FFFE/F): left out, so the file always opens. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
export const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
