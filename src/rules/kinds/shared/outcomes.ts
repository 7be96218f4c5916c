// Outcomes shared by kinds: a rule that reports problems is met when it found none.

import type { CheckContext, CheckOutcome, RawFinding } from '../../types.js';

/** The outcome of a rule that reports problems: met when there are none besides those inside the
 * rule's exceptions. Kinds that use it define the messages `clean` and `summary` ({count}). */
export function problemOutcome(context: CheckContext, found: readonly RawFinding[]): CheckOutcome {
  const findings = found.filter((finding) => !context.isExcepted(finding));
  if (findings.length === 0) return { fraction: 1, messageId: 'clean', findings: [] };
  return { fraction: 0, messageId: 'summary', data: { count: findings.length }, findings };
}

/** The list joined the Chinese way: 甲、乙、丙. */
export function listText(items: readonly string[]): string {
  return items.join('、');
}

/** The outcome of a rule whose findings speak for themselves: clean, or the first finding's
 * message as the rule's. */
export function findingsOutcome(
  context: CheckContext,
  found: readonly RawFinding[],
  clean: Pick<CheckOutcome, 'messageId' | 'data'>,
  evidence: CheckOutcome['evidence'] = [],
  fractionWithFindings = 0,
): CheckOutcome {
  const findings = found.filter((finding) => !context.isExcepted(finding));
  const first = findings[0];
  if (!first) return { fraction: 1, ...clean, findings: [], evidence };
  return {
    fraction: fractionWithFindings,
    messageId: first.messageId,
    ...(first.data ? { data: first.data } : {}),
    findings,
    evidence,
  };
}
