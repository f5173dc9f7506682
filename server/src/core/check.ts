// Run the rules over one document: text → model → rules → findings.
import { withDefaults, type Config } from './config';
import { ReportDocument } from './model/document';
import type { Rule } from './rule';
import { RULES } from './rules';
import { withoutIgnored } from './ignore';
import type { Finding, Report, Severity, Span } from './types';

export interface CheckResult {
  doc: ReportDocument;
  findings: Finding[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/** The severity a rule runs at under `config`, or undefined when it is off. */
export function effectiveSeverity(rule: Rule, config: Config): Severity | undefined {
  const set = config.rules[rule.id] ?? config.rules[rule.id.split('/')[0] + '/*'];
  if (set === 'off') return undefined;
  return set ?? rule.severity;
}

export function check(text: string, partial?: Partial<Config>, rules: readonly Rule[] = RULES): CheckResult {
  const config = withDefaults(partial);
  const doc = new ReportDocument(text);
  const findings: Finding[] = [];
  if (text.length > config.maxDocumentSize) {
    findings.push({
      rule: 'text/too-large',
      severity: 'information',
      start: 0,
      end: 0,
      message: {
        zh: `文档过大（${text.length} 字符，上限 ${config.maxDocumentSize}），未检查`,
        en: `Document too large (${text.length} characters, limit ${config.maxDocumentSize}); not checked`,
      },
    });
    return { doc, findings };
  }
  for (const rule of rules) {
    const severity = effectiveSeverity(rule, config);
    if (!severity) continue;
    const report = (r: Report) => {
      const start = Math.max(0, Math.min(r.start, text.length));
      const end = Math.max(start, Math.min(r.end, text.length));
      // A rule may lower its severity for a less certain finding, never raise it
      // above what the user set.
      const sev = r.severity && RANK[r.severity] > RANK[severity] ? r.severity : severity;
      // No fix edits a garbled run: the lost words are the writer's to restore.
      const fix = r.fix && touchesGarbled(r.fix.edits, doc.garbled) ? undefined : r.fix;
      findings.push({ ...r, fix, start, end, rule: rule.id, severity: sev });
    };
    try {
      rule.check(doc, { config, report });
    } catch (e) {
      // One broken rule must not take the others down; surface it as a finding.
      findings.push({
        rule: rule.id,
        severity: 'information',
        start: 0,
        end: 0,
        message: { zh: `规则内部错误：${String(e)}`, en: `Internal error in rule: ${String(e)}` },
      });
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { doc, findings: withoutIgnored(text, doc.lines, findings, config.ignore) };
}

/** Does any edit overlap (or insert strictly inside) a garbled span? */
function touchesGarbled(edits: readonly Span[], garbled: readonly Span[]): boolean {
  if (!garbled.length) return false;
  return edits.some((e) => garbled.some((g) => (e.start < g.end && e.end > g.start) || (e.start === e.end && e.start > g.start && e.start < g.end)));
}
