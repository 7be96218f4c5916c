// The words and marks output formats show for ids used everywhere else: levels, subject types,
// where the year came from, and the gap status of a rule. Code keys on the ids; only formatters
// turn them into words.

import type { Level } from '../shared/levels.js';
import type { Decision, Finding, FindingLocation, ReportIdentity, RuleResult } from '../shared/results.js';
import type { SubjectType } from '../shared/subject-types.js';

/** Chinese words for levels. */
export const LEVEL_LABELS: Readonly<Record<Level, string>> = { error: '错误', warning: '警告', info: '提示' };

/** Chinese words for subject types. */
export const SUBJECT_TYPE_LABELS: Readonly<Record<SubjectType, string>> = {
  province: '省级',
  government: '市县区政府',
  township: '乡镇街道',
  department: '政府部门',
};

/** Where the report year came from, in words. */
export const YEAR_SOURCE_LABELS: Readonly<Record<NonNullable<ReportIdentity['yearSource']>, string>> = {
  override: '命令行指定',
  title: '据标题',
  body: '据正文',
  published: '据发布日期推断',
};

/** Where the publication date came from, in words (a repost's page date does not count for 逾期). */
export const PUBLISHED_SOURCE_LABELS: Readonly<
  Record<NonNullable<ReportIdentity['publishedAtSource']>, string>
> = {
  page: '网页',
  signature: '落款',
  repost: '转载页面，不计',
};

/** How a rule came out, as a gap table shows it. */
export type GapStatus = 'met' | 'missing' | 'partial' | 'problem' | 'advice' | 'skipped';

/** Gap statuses in the order footers count them. */
export const GAP_STATUSES: readonly GapStatus[] = ['missing', 'partial', 'problem', 'advice'];

/** The gap status of a rule's result. Info-level rules advise (其他需要报告的情况 may be left
 * out): they are never shown as missing. */
export function gapStatusOf(result: RuleResult): GapStatus {
  if (result.status === 'skip') return 'skipped';
  if (result.status === 'pass') return 'met';
  if (result.level === 'info') return 'advice';
  if (result.nature === 'problem') return 'problem';
  return result.status === 'fail' ? 'missing' : 'partial';
}

/** Chinese words for gap statuses. */
export const GAP_STATUS_LABELS: Readonly<Record<GapStatus, string>> = {
  met: '满足',
  missing: '缺失',
  partial: '部分',
  problem: '问题',
  advice: '提示',
  skipped: '不适用',
};

/** One-character marks for gap statuses. */
export const GAP_STATUS_ICONS: Readonly<Record<GapStatus, string>> = {
  met: '✓',
  missing: '✗',
  partial: '◐',
  problem: '!',
  advice: 'i',
  skipped: '·',
};

/** A finding's suggestion when its message does not already name it, else null. */
export function extraSuggestion(finding: Pick<Finding, 'message' | 'suggestion'>): string | null {
  return finding.suggestion && !finding.message.includes(finding.suggestion) ? finding.suggestion : null;
}

/** A finding's message, with its suggestion unless the message already names it. */
export function findingText(finding: Pick<Finding, 'message' | 'suggestion'>): string {
  const suggestion = extraSuggestion(finding);
  return suggestion ? `${finding.message}（建议：${suggestion}）` : finding.message;
}

/** Where a finding sits, as a Word user finds it: the part and heading above it, the paragraph's
 * number under that heading and its first words (“二、存在的不足 › 第2段「执法力量不足…」”). */
export function locationText(location: FindingLocation): string {
  const trail = [location.part, location.heading !== location.part ? location.heading : null].filter(
    (name): name is string => name !== null,
  );
  if (location.paragraph === null) {
    // A heading line, or the title and head above the body.
    if (trail.length > 0) return `${trail.join(' › ')}（标题行）`;
    return location.firstWords ? `「${location.firstWords}」` : '文首（标题部分）';
  }
  const paragraph = `第${location.paragraph}段「${location.firstWords ?? ''}」`;
  return `${trail.length > 0 ? trail.join(' › ') : '正文开头'} › ${paragraph}`;
}

/** A finding's location with its line number: “二、存在的不足 › 第2段「…」（第15行）”. */
export function whereText(finding: Pick<Finding, 'location' | 'line'>): string {
  return `${locationText(finding.location)}（第${finding.line}行）`;
}

/** Chinese words for decision kinds. */
export const DECISION_LABELS: Readonly<Record<Decision['kind'], string>> = {
  'not-applicable': '不适用',
  verified: '已核实',
};

/** A decision in one line: “不适用：本镇无行政执法权（2024-03-01，张三）”. */
export function decisionText(decision: Decision): string {
  const when = [decision.date, decision.by].filter((part) => part).join('，');
  return `${DECISION_LABELS[decision.kind]}：${decision.reason}（${when}）`;
}
