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

/** Another place that takes part in a finding (e.g. each quantity of a sum). */
export interface RelatedSpan extends Span {
  message: Msg;
}

export interface Finding extends Span {
  rule: string;
  severity: Severity;
  message: Msg;
  fix?: Fix;
  related?: RelatedSpan[];
}

/** What a rule hands to `report`; the rule id and severity are filled in by the runner. */
export interface Report extends Span {
  message: Msg;
  fix?: Fix;
  related?: RelatedSpan[];
  /** A rule may lower (never raise) its own severity for a less certain finding. */
  severity?: Severity;
}
