// A kind's answer → the RuleResult every format shows: status and points from the fraction,
// messages filled in, findings positioned in lines and code-point columns.

import type { ReportDocument } from '../../parse/document.js';
import { locate } from '../../parse/locate.js';
import { type Level, lowerOf, oneLevelDown } from '../../shared/levels.js';
import type { Finding, MessageData, RuleResult, RuleStatus } from '../../shared/results.js';
import type { TextRange } from '../../text/text-range.js';
import type { CheckOutcome, CompiledRule, RawFinding } from '../types.js';
import { formatMessage } from './messages.js';

const EXCERPT_LENGTH = 40;

/** The result of a rule that ran. */
export function toResult(
  rule: CompiledRule,
  outcome: CheckOutcome,
  findings: readonly RawFinding[],
  doc: ReportDocument,
): RuleResult {
  // A requirement that is partly met is reported one level lower: the content is there.
  const level: Level =
    statusOf(outcome.fraction).status === 'partial' ? oneLevelDown(rule.spec.level) : rule.spec.level;
  return scoredResult(
    rule,
    outcome,
    findings.map((raw) => toFinding(rule, lowerOf(level, raw.level), raw, doc)),
    (outcome.evidence ?? []).map((item) => ({
      label: item.label,
      line: doc.positions.lineOf(item.start),
      excerpt: excerpt(doc.text.slice(item.start, item.end)),
    })),
  );
}

/** The result of a rule that did not apply; its notes (findings) are kept. */
export function skippedResult(
  rule: CompiledRule,
  messageId: string,
  data: MessageData = {},
  notes: readonly RawFinding[] = [],
  doc: ReportDocument | null = null,
): RuleResult {
  const placed = doc
    ? notes.map((raw) => toFinding(rule, lowerOf(rule.spec.level, raw.level), raw, doc))
    : [];
  return resultOf(rule, 'skip', 0, messageId, data, placed, []);
}

// One object literal in the fields' order (which JSON output keeps): results are made for every
// rule of every report, and spreading partial objects into them cost more than the rules' checks.
function resultOf(
  rule: CompiledRule,
  status: RuleStatus,
  earned: number,
  messageId: string,
  data: MessageData | undefined,
  findings: readonly Finding[],
  evidence: RuleResult['evidence'],
): RuleResult {
  const { spec, kind } = rule;
  const filled = data ?? {};
  return {
    ruleId: spec.id,
    title: spec.title,
    shortTitle: spec.short ?? spec.title,
    category: spec.category,
    level: spec.level,
    nature: kind.nature,
    statutory: spec.statutory === true,
    weight: spec.weight,
    basis: spec.basis,
    hint: spec.hint ?? null,
    status,
    earned,
    messageId,
    data: filled,
    message: formatMessage(rule, messageId, filled),
    findings,
    evidence,
  };
}

/** Where a finding is, as every format shows it: positions, excerpt and location. */
export type FindingPlace = Pick<
  Finding,
  | 'line'
  | 'column'
  | 'endLine'
  | 'endColumn'
  | 'offset'
  | 'endOffset'
  | 'utf16Column'
  | 'utf16EndColumn'
  | 'excerpt'
  | 'location'
>;

/** The place of a range of the document (kept by the batch comparison, which outlives the document). */
export function placeOf(doc: ReportDocument, range: TextRange): FindingPlace {
  const start = doc.positions.at(range.start);
  const end = doc.positions.at(Math.max(range.start, range.end));
  const lineText = doc.lines[start.line - 1]?.text ?? '';
  return {
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: start.offset,
    endOffset: end.offset,
    utf16Column: start.utf16Column,
    utf16EndColumn: end.utf16Column,
    excerpt: excerpt(range.end > range.start ? doc.text.slice(range.start, range.end) : lineText),
    location: locate(doc, range.start),
  };
}

/** A finding of a rule at a place, its message filled. */
export function placedFinding(
  rule: CompiledRule,
  level: Level,
  messageId: string,
  data: MessageData | undefined,
  place: FindingPlace,
  suggestion: string | null = null,
): Finding {
  const filled = data ?? {};
  return {
    ruleId: rule.spec.id,
    level,
    messageId,
    data: filled,
    message: formatMessage(rule, messageId, filled),
    line: place.line,
    column: place.column,
    endLine: place.endLine,
    endColumn: place.endColumn,
    offset: place.offset,
    endOffset: place.endOffset,
    utf16Column: place.utf16Column,
    utf16EndColumn: place.utf16EndColumn,
    excerpt: place.excerpt,
    location: place.location,
    suggestion,
  };
}

/** The result of a rule checked across a batch (its findings already placed). */
export function batchResult(
  rule: CompiledRule,
  outcome: Pick<CheckOutcome, 'fraction' | 'messageId' | 'data'>,
  findings: readonly Finding[],
): RuleResult {
  return scoredResult(rule, outcome, findings, []);
}

/** A result whose status and points come from the outcome's fraction. */
function scoredResult(
  rule: CompiledRule,
  outcome: Pick<CheckOutcome, 'fraction' | 'messageId' | 'data'>,
  findings: readonly Finding[],
  evidence: RuleResult['evidence'],
): RuleResult {
  const { fraction, status } = statusOf(outcome.fraction);
  const earned = round(rule.spec.weight * fraction);
  return resultOf(rule, status, earned, outcome.messageId, outcome.data, findings, evidence);
}

/** Positions a raw finding and fills its message. */
function toFinding(rule: CompiledRule, level: Level, raw: RawFinding, doc: ReportDocument): Finding {
  return placedFinding(rule, level, raw.messageId, raw.data, placeOf(doc, raw), raw.suggestion ?? null);
}

function excerpt(text: string): string {
  // Only the head is needed: a finding on a line of a million characters must not copy the line.
  const start = text.length - text.trimStart().length;
  const head = text.slice(start, start + 4 * EXCERPT_LENGTH);
  const oneLine = head.replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  const more = /\S/.test(text.slice(start + head.length, start + head.length + 4 * EXCERPT_LENGTH));
  return chars.length > EXCERPT_LENGTH || more ? `${chars.slice(0, EXCERPT_LENGTH).join('')}…` : oneLine;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The share met, within [0, 1], and the status it gives. */
function statusOf(share: number): { fraction: number; status: RuleStatus } {
  const fraction = Math.max(0, Math.min(1, share));
  return { fraction, status: fraction >= 1 ? 'pass' : fraction <= 0 ? 'fail' : 'partial' };
}
