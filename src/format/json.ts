// The JSON contract, version 1. Keys are stable; new keys may be added.

import type { Decision, FileResult, Finding, RuleResult, RunResult } from '../shared/results.js';

/** Formats a run as the versioned JSON document. */
export function formatJson(run: RunResult): string {
  return [...jsonPieces(run)].join('');
}

/**
 * The same document in pieces, one per file, made as they are written: a batch of thousands of
 * files makes more JSON than one JavaScript string (or the memory) can hold. The pieces joined are
 * exactly JSON.stringify(document, null, 2).
 */
export function* jsonPieces(run: RunResult): Generator<string> {
  const scores = run.files
    .map((file) => file.score?.points)
    .filter((points): points is number => typeof points === 'number');
  const findings = { error: 0, warning: 0, info: 0 };
  for (const file of run.files)
    for (const result of file.results) for (const f of result.findings) findings[f.level]++;
  const summary = {
    files: run.files.length,
    errors: run.files.filter((file) => file.error !== null).length,
    meanScore:
      scores.length > 0 ? Math.round((10 * scores.reduce((a, b) => a + b, 0)) / scores.length) / 10 : null,
    findings,
    sharedParagraphs: run.sharedParagraphs ?? [],
  };
  const head = JSON.stringify({ version: 1, tool: run.tool }, null, 2).replace(/\n}$/, '');
  yield `${head},\n  "files": [`;
  for (const [i, file] of run.files.entries()) {
    yield `${i === 0 ? '' : ','}\n    ${indented(JSON.stringify(fileJson(file), null, 2), 4)}`;
  }
  const files = run.files.length === 0 ? ']' : '\n  ]';
  yield `${files},\n  "summary": ${indented(JSON.stringify(summary, null, 2), 2)}\n}\n`;
}

// JSON.stringify escapes newlines inside strings, so every newline here is a line break of the layout.
function indented(json: string, spaces: number): string {
  return json.replaceAll('\n', `\n${' '.repeat(spaces)}`);
}

function fileJson(file: FileResult) {
  const identity = file.identity;
  return {
    path: file.path,
    error: file.error,
    source: file.source,
    report: identity
      ? {
          kind: identity.kind,
          kindReason: identity.kindReason,
          title: identity.title,
          year: identity.year,
          yearSource: identity.yearSource,
          subject: identity.subject,
          subjectType: identity.subjectType,
          publishedAt: identity.publishedAt,
          publishedAtSource: identity.publishedAtSource,
        }
      : null,
    document: file.document ? { ...file.document, titleLine: identity?.titleLine ?? null } : null,
    score: file.score?.points ?? null,
    grade: file.score?.grade ?? null,
    // Set when the statutory gate lowered the grade: reason, the grade the points give, the cap, the parts.
    gradeCap: file.score?.gradeCap ?? null,
    scoreByCategory: file.score?.byCategory ?? [],
    results: file.results.map(resultJson),
  };
}

function resultJson(result: RuleResult) {
  return {
    ruleId: result.ruleId,
    title: result.title,
    category: result.category,
    level: result.level,
    status: result.status,
    weight: result.weight,
    earned: result.earned,
    statutory: result.statutory,
    messageId: result.messageId,
    data: result.data,
    message: result.message,
    basis: result.basis,
    hint: result.hint,
    findings: result.findings.map(findingJson),
    evidence: result.evidence,
    // Only with a decisions file: what was decided, and what the rules said before.
    ...(result.decision
      ? { decision: decisionJson(result.decision), undecided: result.undecided ?? null }
      : {}),
    ...(result.decided && result.decided.length > 0
      ? {
          decided: result.decided.map((finding) => ({
            ...findingJson(finding),
            decision: finding.decision ? decisionJson(finding.decision) : null,
          })),
        }
      : {}),
  };
}

function findingJson(finding: Finding) {
  return {
    ruleId: finding.ruleId,
    level: finding.level,
    messageId: finding.messageId,
    data: finding.data,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    offset: finding.offset,
    excerpt: finding.excerpt,
    suggestion: finding.suggestion,
    location: finding.location,
    baseline: finding.baseline ?? null,
  };
}

function decisionJson(decision: Decision) {
  return {
    kind: decision.kind,
    reason: decision.reason,
    date: decision.date,
    by: decision.by,
    source: { file: decision.file, line: decision.line },
  };
}
