// Hover: each provider looks at an offset and may explain what is there (a heading's
// section stats, how a number was read…). The first provider that answers wins; the
// LSP layer only renders the Markdown. Add a provider = one function + one array entry.
import type { Config } from '../config/config';
import type { ReportDocument } from '../model/document';
import { sectionAtHeading, sectionHoverMarkdown, sectionInfo } from '../outline/heading-info';
import { figureHover } from './figure-hover';
import { figuresIn } from './figures-table';
import type { Locale, Span } from '../types';

export interface HoverResult extends Span {
  markdown: string;
}

export interface HoverContext {
  config: Config;
  locale: Locale;
}

export type HoverProvider = (doc: ReportDocument, offset: number, ctx: HoverContext) => HoverResult | undefined;

/** A heading: the section's 字数, sub-items and figures. */
export const headingHover: HoverProvider = (doc, offset, ctx) => {
  const s = sectionAtHeading(doc, offset);
  if (!s) return undefined;
  const info = sectionInfo(doc, s, figuresIn(doc, s));
  return { start: s.heading.span.start, end: s.heading.span.end, markdown: sectionHoverMarkdown(doc, info, ctx.locale) };
};

export const HOVER_PROVIDERS: HoverProvider[] = [headingHover, figureHover];

export function hoverAt(doc: ReportDocument, offset: number, ctx: HoverContext): HoverResult | undefined {
  for (const p of HOVER_PROVIDERS) {
    const r = p(doc, offset, ctx);
    if (r) return r;
  }
  return undefined;
}
