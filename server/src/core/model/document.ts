// The report model: built once per text version and shared by every rule.
// Expensive parts are computed on first use and kept.
import type { Span } from '../types';
import { findGarbled } from './garbled';
import { buildSections, finishHeadings, readHeadingLines, type Heading, type Section } from './headings';
import { lineIndexAt, splitLines, type Line, type PackedLines } from './lines';
import { findPinyinAnnotations, type PinyinAnnotations } from './pinyin';
import { isBoilerplateLine } from './boilerplate';
import { buildView, viewLinesOf, viewToOrig, type TextView } from './view';
import type { Derivation } from './derive';

export class ReportDocument {
  readonly lines: Line[];
  private cache = new Map<string, unknown>();

  /** `lines`: the text's lines when the caller has them (model/derive.ts takes a previous version's over). */
  constructor(
    readonly text: string,
    lines?: Line[],
  ) {
    this.lines = lines ?? splitLines(text);
  }

  /** The document's line break (that of its first line), for fixes that insert lines. */
  get eol(): '\n' | '\r\n' | '\r' {
    if (this.lines.length < 2) return '\n';
    const br = this.text.slice(this.lines[0].end, this.lines[1].start);
    return br === '\r\n' ? '\r\n' : br === '\r' ? '\r' : '\n';
  }

  /** Memoise a derived structure on this document version (for model parts and rules). */
  memo<T>(key: string, make: () => T): T {
    // One lookup on the common path (a hit); `has` only for a value that is undefined.
    const v = this.cache.get(key);
    if (v !== undefined || this.cache.has(key)) return v as T;
    const made = make();
    this.cache.set(key, made);
    return made;
  }

  // The model's own parts are fields, not memo entries: they are read hundreds of thousands
  // of times on a long report (every toOrig reads the view), a Map lookup each.
  private _annotations?: PinyinAnnotations;
  private _garbled?: Span[];
  private _view?: TextView;
  private _viewLines?: PackedLines;
  private _boilerplate?: Set<number>;
  private _headings?: Heading[];
  /** The headings before the pass over the whole document (headings.ts readHeadingLines): what a derived version takes over. */
  private _headingCandidates?: Heading[];
  private _sections?: Section[];

  /**
   * The version this one was made from and the lines that differ (model/derive.ts): a part
   * that version has built is spliced — its parts before and after those lines taken over —
   * instead of read again. Dropped once this version's parts are built.
   */
  derivation?: Derivation;

  /** The parts this version has built (undefined: not built), never building one: what a version derived from it may take over. */
  get built(): { annotations?: PinyinAnnotations; garbled?: Span[]; view?: TextView; viewLines?: PackedLines; boilerplate?: Set<number>; headingCandidates?: Heading[]; headings?: Heading[]; sections?: Section[] } {
    return {
      annotations: this._annotations,
      garbled: this._garbled,
      view: this._view,
      viewLines: this._viewLines,
      boilerplate: this._boilerplate,
      headingCandidates: this._headingCandidates,
      headings: this._headings,
      sections: this._sections,
    };
  }

  /**
   * A memo entry handed down from version to version: the entry of the version this one was
   * derived from when there is one (and `keep` accepts it), else made. For what depends on
   * nothing of a version's text — a rule's words, made once per distinct value and added to —
   * so that the findings of consecutive versions hold the same objects (the checker compares
   * a version's carried and fresh findings: core/run/present.ts sameFindings). Such an entry must
   * never hold a slice of a version's text: it outlives the version.
   */
  handedDown<T>(key: string, make: () => T, keep: (prev: T) => boolean = () => true): T {
    return this.memo(key, () => {
      const prev = this.derivation?.prev.memoed(key) as T | undefined;
      return prev !== undefined && keep(prev) ? prev : make();
    });
  }

  /** A memo entry if it has been made (never makes it). */
  memoed(key: string): unknown {
    return this.cache.get(key);
  }

  /** Drops a memo entry (made again if it is asked for): what no later reader of the version needs (run/incremental.ts RUN_ONLY). */
  forget(key: string): void {
    this.cache.delete(key);
  }

  get annotations(): PinyinAnnotations {
    return (this._annotations ??= this.derivation?.annotations() ?? findPinyinAnnotations(this.text));
  }

  get garbled(): Span[] {
    return (this._garbled ??= this.derivation?.garbled() ?? findGarbled(this.text));
  }

  get view(): TextView {
    return (this._view ??= this.derivation?.view() ?? buildView(this.text, this.annotations, this.garbled));
  }

  /** View lines: same indices as `lines`, offsets in the view (packed). */
  get viewLines(): PackedLines {
    return (this._viewLines ??= this.derivation?.viewLines() ?? viewLinesOf(this.lines, this.view));
  }

  /** Line indices that are page boilerplate (当前位置, 发布时间, 放大…). */
  get boilerplate(): Set<number> {
    if (this._boilerplate) return this._boilerplate;
    const derived = this.derivation?.boilerplate();
    if (derived) return (this._boilerplate = derived);
    const s = new Set<number>();
    for (let i = 0; i < this.viewLines.length; i++) if (isBoilerplateLine(this.viewLine(i))) s.add(i);
    return (this._boilerplate = s);
  }

  get headings(): Heading[] {
    if (this._headings) return this._headings;
    const boilerplate = this.boilerplate;
    const skip = (i: number) => boilerplate.has(i);
    let candidates = this.derivation?.headingCandidates();
    if (!candidates) readHeadingLines(this.text, this.view, this.viewLines, skip, 0, this.viewLines.length, (candidates = []));
    this._headingCandidates = candidates;
    return (this._headings = finishHeadings(candidates, this.view, this.viewLines, skip));
  }

  /** Top-level sections (level 1 and their children). */
  get sections(): Section[] {
    return (this._sections ??= buildSections(
      this.headings,
      this.lines,
      this.text.length,
      (h) => (h.runIn ? h.spanEnd : this.lines[h.line].end),
      this.derivation?.keptSections(),
    ));
  }

  /** Text of a view line (folded, simplified). */
  viewLine(index: number): string {
    const l = this.viewLines;
    return this.view.text.slice(l.start(index), l.end(index));
  }

  lineAt(offset: number): Line {
    return this.lines[lineIndexAt(this.lines, offset)];
  }

  /** Original span of a view range. */
  toOrig(viewStart: number, viewEnd: number): Span {
    return viewToOrig(this.view, viewStart, viewEnd);
  }

  /** View index of an original offset (first view char at or after it). */
  toView(offset: number): number {
    return this.view.toOrig.indexOf(offset);
  }
}
