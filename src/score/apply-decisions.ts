// A reviewer's decisions applied to one report's rule results, before scoring. A decision on a
// rule (or on every finding a rule has) changes its outcome: 不适用 takes the rule out of the
// applicable weight (status skip), 已核实 counts it as met (status pass, full points); what the
// rules said is kept in `undecided`. A decision on some findings of a rule moves those findings to
// `decided` and leaves the rule's outcome as it was.

import { type DecisionEntry, isAboutReport } from '../shared/decisions.js';
import type { Decision, Finding, RuleResult } from '../shared/results.js';

/** The results with the decisions about this report applied (the same array when none apply). */
export function applyDecisions(
  results: readonly RuleResult[],
  entries: readonly DecisionEntry[],
  report: { readonly path: string; readonly subject: string | null },
): readonly RuleResult[] {
  const mine = entries.filter((entry) => isAboutReport(entry, report.path, report.subject));
  if (mine.length === 0) return results;
  return results.map((result) => {
    const forRule = mine.filter((entry) => entry.rule === result.ruleId);
    return forRule.length === 0 ? result : decide(result, forRule);
  });
}

function decide(result: RuleResult, entries: readonly DecisionEntry[]): RuleResult {
  // Later entries win: a reviewer who changes their mind appends a new line.
  const wholeRule = entries.filter((entry) => entry.excerpt === null).at(-1);
  if (wholeRule) return decideRule(result, decisionOf(wholeRule), result.findings);
  const byExcerpt = new Map(entries.map((entry) => [entry.excerpt, decisionOf(entry)]));
  const decided: Finding[] = [];
  const remaining: Finding[] = [];
  for (const finding of result.findings) {
    const decision = byExcerpt.get(finding.excerpt);
    if (decision) decided.push({ ...finding, decision });
    else remaining.push(finding);
  }
  if (decided.length === 0) return result;
  if (remaining.length === 0 && result.status !== 'pass' && result.status !== 'skip') {
    // Every finding decided: the rule is decided, verified unless all of them do not apply.
    const last = decided.at(-1)?.decision as Decision;
    const allNotApplicable = decided.every((finding) => finding.decision?.kind === 'not-applicable');
    return decideRule(
      result,
      { ...last, kind: allNotApplicable ? 'not-applicable' : 'verified' },
      [],
      decided,
    );
  }
  return { ...result, findings: remaining, decided: [...(result.decided ?? []), ...decided] };
}

function decideRule(
  result: RuleResult,
  decision: Decision,
  findings: readonly Finding[],
  alreadyDecided: readonly Finding[] = [],
): RuleResult {
  const verified = decision.kind === 'verified';
  return {
    ...result,
    status: verified ? 'pass' : 'skip',
    earned: verified ? result.weight : 0,
    findings: [],
    decided: [...alreadyDecided, ...findings.map((finding) => ({ ...finding, decision }))],
    decision,
    undecided: { status: result.status, earned: result.earned },
  };
}

function decisionOf(entry: DecisionEntry): Decision {
  return {
    kind: entry.kind,
    reason: entry.reason,
    date: entry.date,
    by: entry.by,
    file: entry.file,
    line: entry.line,
  };
}
