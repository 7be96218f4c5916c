// Hand verdicts on findings (tests/accuracy/finding-verdicts.tsv) and the precision they give.
// A verdict names a finding by corpus id, line, column and rule id; its reason is written in our
// own words and never quotes the corpus.

import { readFileSync } from 'node:fs';
import type { JudgedFinding } from './measure.js';

/** TRUE: a real defect of the report as published; FALSE: a wrong finding. */
export type Verdict = 'TRUE' | 'FALSE';

/** One labelled finding. */
export interface VerdictRow {
  readonly id: string;
  readonly line: number;
  readonly column: number;
  readonly ruleId: string;
  readonly verdict: Verdict;
  readonly reason: string;
}

/** True findings out of labelled ones. */
export interface PrecisionCount {
  readonly true: number;
  readonly labelled: number;
}

/** Precision per rule and overall, with the findings not labelled yet and verdicts no finding matches. */
export interface Precision {
  readonly overall: PrecisionCount;
  readonly byRule: ReadonlyMap<string, PrecisionCount>;
  readonly falseFindings: ReadonlyArray<{ readonly finding: JudgedFinding; readonly reason: string }>;
  readonly unlabelled: readonly JudgedFinding[];
  readonly stale: readonly VerdictRow[]; // verdicts on findings fzcheck no longer makes
}

export const VERDICTS_HEADER = ['id', 'line', 'column', 'rule', 'verdict', 'reason'] as const;

/** Key of a finding or verdict: id, line, column, rule. */
export function findingKey(finding: { id: string; line: number; column: number; ruleId: string }): string {
  return `${finding.id}:${finding.line}:${finding.column}:${finding.ruleId}`;
}

/** Reads the verdicts file; a malformed row or a duplicate key is an error naming its line. */
export function readVerdicts(path: string): VerdictRow[] {
  const rows: VerdictRow[] = [];
  const seen = new Set<string>();
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((text, i) => {
    if (i === 0 || text.trim() === '') return;
    const [id, line, column, ruleId, verdict, reason] = text.split('\t');
    if (!id || !/^\d+$/.test(line ?? '') || !/^\d+$/.test(column ?? '') || !ruleId) {
      throw new Error(`${path}:${i + 1}：这一行应有 ${VERDICTS_HEADER.join('、')} 六列，以制表符分隔`);
    }
    if (verdict !== 'TRUE' && verdict !== 'FALSE') {
      throw new Error(`${path}:${i + 1}：verdict 应为 TRUE 或 FALSE，而不是“${verdict ?? ''}”`);
    }
    if (!reason?.trim()) throw new Error(`${path}:${i + 1}：缺少理由（reason）`);
    const row = {
      id,
      line: Number(line),
      column: Number(column),
      ruleId,
      verdict,
      reason: reason.trim(),
    } as const;
    const key = findingKey(row);
    if (seen.has(key)) throw new Error(`${path}:${i + 1}：${key} 重复`);
    seen.add(key);
    rows.push(row);
  });
  return rows;
}

/** Precision of the judged findings under the verdicts. */
export function precisionOf(findings: readonly JudgedFinding[], verdicts: readonly VerdictRow[]): Precision {
  const byKey = new Map(verdicts.map((row) => [findingKey(row), row]));
  const used = new Set<string>();
  const byRule = new Map<string, { true: number; labelled: number }>();
  const overall = { true: 0, labelled: 0 };
  const unlabelled: JudgedFinding[] = [];
  const falseFindings: Array<{ finding: JudgedFinding; reason: string }> = [];
  for (const finding of findings) {
    const key = findingKey(finding);
    const row = byKey.get(key);
    if (!row) {
      unlabelled.push(finding);
      continue;
    }
    used.add(key);
    const count = byRule.get(finding.ruleId) ?? { true: 0, labelled: 0 };
    count.labelled++;
    overall.labelled++;
    if (row.verdict === 'TRUE') {
      count.true++;
      overall.true++;
    } else {
      falseFindings.push({ finding, reason: row.reason });
    }
    byRule.set(finding.ruleId, count);
  }
  const stale = verdicts.filter((row) => !used.has(findingKey(row)));
  return { overall, byRule, falseFindings, unlabelled, stale };
}
