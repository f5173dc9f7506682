// Plain data shared by the analysis core and everything downstream (CLI, LSP, tests).
// Nothing here knows about LSP or VS Code.

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/** A message in both UI languages; the layer that shows it picks one. */
export interface Msg {
  zh: string;
  en: string;
}

export type Locale = 'zh' | 'en';

/** Half-open range of UTF-16 code units in the ORIGINAL text (never the folded view). */
export interface Span {
  start: number;
  end: number;
}

export interface TextEdit extends Span {
  newText: string;
}

export interface Fix {
  title: Msg;
  edits: TextEdit[];
  /** Safe fixes are applied by "format document", `source.fixAll` and `--fix`. */
  safe: boolean;
}

/**
 * A fix of one edit over its finding's own range, as a finding holds it: the text that
 * replaces the range, no positions. Most fixes are such (every pinyin annotation, half-width
 * mark, stray space…): held this way, findings with the same words share one (a pinyin
 * annotation's finding took 232 bytes with its fix, edit list and edit; it takes 80), and a
 * finding that moves with the text after an edit is one new object, its fix shared.
 * `fixEdits` and `fixOf` give the edits and the whole Fix: what every consumer reads.
 */
export interface OwnRangeFix {
  title: Msg;
  newText: string;
  safe: boolean;
}

/** A finding's fix as held: a Fix, or a fix of its own range (OwnRangeFix). */
export type HeldFix = Fix | OwnRangeFix;

export function isOwnRange(fix: HeldFix): fix is OwnRangeFix {
  return (fix as Partial<Fix>).edits === undefined;
}

/** The edits of a finding's fix (none without one), in positions of its text. */
export function fixEdits(f: Finding): TextEdit[] {
  const fix = f.fix;
  if (!fix) return [];
  return isOwnRange(fix) ? [{ start: f.start, end: f.end, newText: fix.newText }] : fix.edits;
}

/** A finding's fix with its edits (what goes out: the diagnostic's data, a code action), or undefined. */
export function fixOf(f: Finding): Fix | undefined {
  const fix = f.fix;
  if (!fix || !isOwnRange(fix)) return fix;
  return { title: fix.title, edits: fixEdits(f), safe: fix.safe };
}

/** Another place that takes part in a finding (e.g. each quantity of a sum). */
export interface RelatedSpan extends Span {
  message: Msg;
}

export interface Finding extends Span {
  rule: string;
  severity: Severity;
  message: Msg;
  /** Read through fixEdits / fixOf: a fix of the finding's own range holds no edits (OwnRangeFix). */
  fix?: HeldFix;
  related?: RelatedSpan[];
}

/** What a rule hands to `report`; the rule id and severity are filled in by the runner. */
export interface Report extends Span {
  message: Msg;
  /** An OwnRangeFix replaces the reported range (a rule may share one between its findings). */
  fix?: HeldFix;
  related?: RelatedSpan[];
  /** A rule may lower (never raise) its own severity for a less certain finding. */
  severity?: Severity;
}
