// Runs compiled rules over one document: applicability, scope, the check, and turning raw
// findings into positioned Findings.

import type { ReportDocument } from '../../parse/document.js';
import { WordIndex } from '../../segment/word-index.js';
import { type Level, lowerOf, oneLevelDown } from '../../shared/levels.js';
import type { Finding, RuleResult, RuleStatus } from '../../shared/results.js';
import { inYearSpan } from '../../shared/year-span.js';
import type { TextRange } from '../../text/text-range.js';
import type {
  CheckContext,
  CheckOutcome,
  CompiledRule,
  LocatedSection,
  RawFinding,
  RuleSpec,
} from '../types.js';
import type { RuleSet } from './compile-rules.js';
import { CheckTimeoutError, runGuarded } from './run-guarded.js';

const EXCERPT_LENGTH = 40;

/** Checks one document against a rule set. Results keep the rule set's declaration order. */
export function runRules(doc: ReportDocument, ruleSet: RuleSet): RuleResult[] {
  const words = new WordIndex(doc.folded.text);
  const located = new Map<string, LocatedSection>();
  const bodyRanges = doc.lines
    .filter((line) => line.role === 'body')
    .map(({ start, end }) => ({ start, end }));
  const results: RuleResult[] = new Array(ruleSet.rules.length);
  for (const index of ruleSet.runOrder) {
    const rule = ruleSet.rules[index] as CompiledRule;
    const skipReason = notApplicable(rule.spec, doc);
    if (skipReason) {
      results[index] = skipped(rule, skipReason);
      continue;
    }
    const ranges = scopeRanges(rule.spec, doc, bodyRanges, located);
    if (ranges === 'skip') {
      results[index] = skipped(rule, '所需的部分不存在，本规则不适用');
      continue;
    }
    const context: CheckContext = {
      doc,
      words,
      ranges: ranges === 'fail' ? [] : ranges,
      sections: located,
      message: (id, data) => formatMessage(rule, id, data),
    };
    const outcome: CheckOutcome =
      ranges === 'fail' ? missingScope(rule, ruleSet, context) : checkRule(rule, context);
    if (outcome.located) located.set(rule.spec.id, outcome.located);
    results[index] =
      rule.spec.disabled === true
        ? skipped(rule, '已在配置文件中关闭')
        : outcome.skip
          ? skipped(
              rule,
              outcome.message,
              outcome.findings.map((raw) =>
                toFinding(rule.spec.id, lowerOf(rule.spec.level, raw.level), raw, doc),
              ),
            )
          : toResult(rule, outcome, doc);
  }
  return results;
}

function notApplicable(spec: RuleSpec, doc: ReportDocument): string | null {
  const { year, subjectType, kind } = doc.identity;
  if (!(spec.applies?.kinds ?? ['annual-report']).includes(kind))
    return '文件不是法治政府建设年度报告，未检查本项';
  const years = spec.applies?.years;
  if (years && year !== null && !inYearSpan(years, year)) {
    return years.from !== undefined && year < years.from
      ? `只适用于${years.from}年度及以后的报告`
      : `只适用于${years.to}年度及以前的报告`;
  }
  const subjects = spec.applies?.subjects;
  if (subjects && subjectType !== null && !subjects.includes(subjectType)) return '不适用于本类报告主体';
  return null;
}

function scopeRanges(
  spec: RuleSpec,
  doc: ReportDocument,
  bodyRanges: readonly TextRange[],
  located: ReadonlyMap<string, LocatedSection>,
): readonly TextRange[] | 'skip' | 'fail' {
  const scope = spec.scope ?? 'document';
  if (scope === 'document') return bodyRanges;
  if (scope === 'headings') return doc.headings.map(({ start, end }) => ({ start, end }));
  if (scope === 'paragraphs') return doc.paragraphs.map(({ start, end }) => ({ start, end }));
  const section = located.get(scope.section);
  if (section) return clip(bodyRanges, section);
  const fallback = scope.fallback ?? 'fail';
  return fallback === 'document' ? bodyRanges : fallback;
}

function clip(ranges: readonly TextRange[], window: TextRange): TextRange[] {
  return ranges
    .map((range) => ({ start: Math.max(range.start, window.start), end: Math.min(range.end, window.end) }))
    .filter((range) => range.end > range.start);
}

/** Runs a rule's check; a user rule under a time limit, turned into an error finding when it runs out. */
function checkRule(rule: CompiledRule, context: CheckContext): CheckOutcome {
  if (!rule.guarded) return rule.check.check(context);
  try {
    return runGuarded(() => rule.check.check(context));
  } catch (error) {
    if (!(error instanceof CheckTimeoutError)) throw error;
    const message = `规则“${rule.spec.id}”的正则表达式运行超过 ${error.limitMs} 毫秒，已中止；请简化其中的模式（避免 (a+)+ 这类嵌套重复）`;
    const at = context.doc.body.start;
    return { fraction: 0, message, findings: [{ start: at, end: at, message, level: 'error' }] };
  }
}

function missingScope(rule: CompiledRule, ruleSet: RuleSet, context: CheckContext): CheckOutcome {
  const scope = rule.spec.scope as { section: string };
  const section = ruleSet.rules.find((other) => other.spec.id === scope.section)?.spec.title ?? scope.section;
  const message = `未找到“${section}”部分，无法检查“${rule.spec.title}”`;
  const at = context.doc.body.start;
  return { fraction: 0, message, findings: [{ start: at, end: at, message }] };
}

function skipped(rule: CompiledRule, message: string, findings: readonly Finding[] = []): RuleResult {
  return { ...ruleFields(rule), status: 'skip', earned: 0, message, findings, evidence: [] };
}

function ruleFields(rule: CompiledRule) {
  const { spec, kind } = rule;
  return {
    ruleId: spec.id,
    title: spec.title,
    category: spec.category,
    level: spec.level,
    nature: kind.nature,
    weight: spec.weight,
    basis: spec.basis,
    hint: spec.hint ?? null,
  };
}

function toResult(rule: CompiledRule, outcome: CheckOutcome, doc: ReportDocument): RuleResult {
  const fraction = Math.max(0, Math.min(1, outcome.fraction));
  const status: RuleStatus = fraction >= 1 ? 'pass' : fraction <= 0 ? 'fail' : 'partial';
  // A requirement that is partly met is reported one level lower: the content is there.
  const level: Level = status === 'partial' ? oneLevelDown(rule.spec.level) : rule.spec.level;
  return {
    ...ruleFields(rule),
    status,
    earned: round(rule.spec.weight * fraction),
    message: outcome.message,
    // Findings in document order, whatever order the kind found them in.
    findings: [...outcome.findings]
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .map((raw) => toFinding(rule.spec.id, lowerOf(level, raw.level), raw, doc)),
    evidence: (outcome.evidence ?? []).map((item) => ({
      label: item.label,
      line: doc.positions.lineOf(item.start),
      excerpt: excerpt(doc.text.slice(item.start, item.end)),
    })),
  };
}

/** Positions a raw finding; exported for tests of kinds. */
export function toFinding(ruleId: string, level: Level, raw: RawFinding, doc: ReportDocument): Finding {
  const start = doc.positions.at(raw.start);
  const end = doc.positions.at(Math.max(raw.start, raw.end));
  const lineText = doc.lines[start.line - 1]?.text ?? '';
  return {
    ruleId,
    level,
    message: raw.message,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: start.offset,
    endOffset: end.offset,
    utf16Column: start.utf16Column,
    utf16EndColumn: end.utf16Column,
    excerpt: excerpt(raw.end > raw.start ? doc.text.slice(raw.start, raw.end) : lineText),
    suggestion: raw.suggestion ?? null,
  };
}

function formatMessage(
  rule: CompiledRule,
  id: string,
  data: Readonly<Record<string, string | number>> = {},
): string {
  const template =
    rule.spec.messages?.[id] ??
    (id === (rule.kind.primaryMessage ?? 'missing') ? rule.spec.message : undefined) ??
    rule.kind.messages[id] ??
    id;
  const values: Record<string, string | number> = { title: rule.spec.title, ...data };
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}

function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH).join('')}…` : oneLine;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
