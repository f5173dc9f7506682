// The print preview: the GB/T 9704 layout (layout.ts) as HTML pages of 22 lines × 28
// characters, for the editor's side panel. Lines are broken here, on the grid, with the line-start
// and line-end rules of Chinese typesetting (no 。 at a line start, no “ at a line end), so
// the preview shows the pages and page numbers the printed report will have. Sizes are in
// `cqw` (a hundredth of the page's width): the page scales with the panel.
import { charCells, FONT_FAMILIES, GRID, PAGE, SIZE, type Block, type FontRole, type Fonts } from './standard';

/** Characters that may not begin a line (they stay at the end of the one before). */
const NO_START = new Set('，。、；：？！）》」』】〕”’…—％%·,.;:?!)]}');
/** Characters that may not end a line (they move to the next). */
const NO_END = new Set('（《「『【〔“‘([{');
/** Characters of a number or a Latin word, which Word keeps on one line. */
const WORD = /[0-9A-Za-z.%]/;

interface Piece {
  text: string;
  role: FontRole;
  bold?: boolean;
}

export interface PreviewLine {
  pieces: Piece[];
  align: Block['align'];
  /** Offset from the left of the type area, and the right indent, in cells. */
  left: number;
  right: number;
  /** 0-based source line this line shows. */
  source: number;
}

export interface PreviewPage {
  lines: PreviewLine[];
}

const cellsOf = (ch: string, role: FontRole) => charCells(ch) * (role === 'title' ? SIZE.title / SIZE.body : 1);

/** Breaks the blocks into grid lines and the lines into pages of 22. */
export function paginate(blocks: Block[]): PreviewPage[] {
  const lines: PreviewLine[] = [];
  for (const b of blocks) {
    const chars: { ch: string; role: FontRole; bold?: boolean }[] = [];
    for (const r of b.runs) for (const ch of r.text.replace(/\r/g, '')) chars.push({ ch, role: r.role, bold: r.bold });
    let i = 0;
    let first = true;
    do {
      const left = first ? b.indent : 0;
      const width = GRID.chars - left - b.rightIndent;
      let used = 0;
      let j = i;
      while (j < chars.length && used + cellsOf(chars[j].ch, chars[j].role) <= width + 1e-9) {
        used += cellsOf(chars[j].ch, chars[j].role);
        j++;
      }
      if (j < chars.length) {
        // A number or a Latin word is not split (it moves to the next line whole, when it fits one).
        let k = j;
        while (k > i && WORD.test(chars[k - 1].ch) && WORD.test(chars[j].ch)) k--;
        if (k > i) j = k;
        // A closing mark hangs at the end of the line; an opening mark goes to the next line.
        if (NO_START.has(chars[j].ch)) j++;
        else if (j - 1 > i && NO_END.has(chars[j - 1].ch)) j--;
      }
      if (j === i && i < chars.length) j = i + 1;
      const pieces: Piece[] = [];
      for (const c of chars.slice(i, j)) {
        const last = pieces[pieces.length - 1];
        if (last && last.role === c.role && last.bold === c.bold) last.text += c.ch;
        else pieces.push({ text: c.ch, role: c.role, bold: c.bold });
      }
      lines.push({ pieces, align: b.align, left, right: b.rightIndent, source: b.line });
      i = j;
      first = false;
    } while (i < chars.length);
  }
  const pages: PreviewPage[] = [];
  for (let k = 0; k < lines.length; k += GRID.lines) pages.push({ lines: lines.slice(k, k + GRID.lines) });
  if (!pages.length) pages.push({ lines: [] });
  return pages;
}

const html = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const family = (name: string) => [name, ...(FONT_FAMILIES[name] ?? ['serif'])].map((f) => (/^[a-z-]+$/.test(f) ? f : `"${f}"`)).join(', ');

/** Page geometry in cqw (hundredths of the page width). */
const cqw = (mm: number) => +((mm / PAGE.width) * 100).toFixed(4);

/** The style sheet of the preview pages (fonts by role). */
export function previewCss(fonts: Fonts): string {
  const textW = PAGE.width - PAGE.left - PAGE.right;
  const textH = PAGE.height - PAGE.top - PAGE.bottom;
  const cell = textW / GRID.chars;
  const pitch = textH / GRID.lines;
  const pt = 25.4 / 72;
  return `
.wr-pages { display: flex; flex-direction: column; align-items: center; gap: 16px; padding: 16px 0; }
.wr-page { container-type: inline-size; position: relative; width: min(100%, 210mm); aspect-ratio: ${PAGE.width} / ${PAGE.height}; background: #fff; color: #000; box-shadow: 0 1px 4px #0006; }
.wr-page > .wr-area { position: absolute; left: ${cqw(PAGE.left)}cqw; top: ${cqw(PAGE.top)}cqw; width: ${cqw(textW)}cqw; height: ${cqw(textH)}cqw; }
.wr-line { position: absolute; white-space: pre; height: ${cqw(pitch)}cqw; line-height: ${cqw(pitch)}cqw; font-size: ${cqw(SIZE.body * pt)}cqw; letter-spacing: ${cqw(cell - SIZE.body * pt)}cqw; font-family: ${family(fonts.body)}; }
.wr-line .title { font-size: ${cqw(SIZE.title * pt)}cqw; letter-spacing: 0; font-family: ${family(fonts.title)}; }
.wr-line .heading1 { font-family: ${family(fonts.heading1)}; }
.wr-line .heading2 { font-family: ${family(fonts.heading2)}; }
.wr-line .bold { font-weight: bold; }
.wr-number { position: absolute; top: ${cqw(PAGE.height - PAGE.bottom + 7)}cqw; font-size: ${cqw(SIZE.pageNumber * pt)}cqw; font-family: ${family(fonts.pageNumber)}; white-space: pre; }
.wr-number.odd { right: ${cqw(PAGE.right + cell)}cqw; }
.wr-number.even { left: ${cqw(PAGE.left + cell)}cqw; }
.wr-grid .wr-area { background-image: repeating-linear-gradient(to bottom, transparent 0, transparent calc(${cqw(pitch)}cqw - 1px), #c8d8f0 calc(${cqw(pitch)}cqw - 1px), #c8d8f0 ${cqw(pitch)}cqw); }
`;
}

/** The pages as HTML (inside `.wr-pages`); each line carries `data-line`, its source line. */
export function previewHtml(blocks: Block[]): { html: string; pages: number } {
  const textW = PAGE.width - PAGE.left - PAGE.right;
  const textH = PAGE.height - PAGE.top - PAGE.bottom;
  const cell = cqw(textW / GRID.chars);
  const pitch = textH / GRID.lines;
  const pages = paginate(blocks);
  const out = pages.map((p, n) => {
    const lines = p.lines
      .map((l, k) => {
        const spans = l.pieces.map((s) => `<span class="${s.role}${s.bold ? ' bold' : ''}">${html(s.text)}</span>`).join('');
        const pos =
          l.align === 'center'
            ? `left:0;right:0;text-align:center`
            : l.align === 'right'
              ? `right:${+(l.right * cell).toFixed(4)}cqw;text-align:right`
              : `left:${+(l.left * cell).toFixed(4)}cqw`;
        return `<div class="wr-line" data-line="${l.source}" style="top:${cqw(k * pitch)}cqw;${pos}">${spans}</div>`;
      })
      .join('');
    const side = (n + 1) % 2 ? 'odd' : 'even';
    return `<section class="wr-page" aria-label="${n + 1}"><div class="wr-area">${lines}</div><div class="wr-number ${side}">— ${n + 1} —</div></section>`;
  });
  return { html: out.join(''), pages: pages.length };
}
