// The JSON contract, version 1. Keys are stable; new keys may be added.

import type { Decision, FileResult, Finding, RuleResult, RunResult } from '../shared/results.js';
import type { RunHead, StreamingFormatter } from './formatter.js';

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
  const stream = streamJson(run);
  for (const file of run.files) yield stream.file(file);
  yield* stream.end(run.sharedParagraphs ?? []);
}

/** The document as the files come: the head with the first file, each file, then the summary
 * (from counts kept on the way, and the shared paragraphs one piece each). */
export function streamJson(run: RunHead): StreamingFormatter {
  let files = 0;
  let errors = 0;
  let scored = 0;
  let scoreSum = 0;
  const findings = { error: 0, warning: 0, info: 0 };
  const head = JSON.stringify({ version: 1, tool: run.tool }, null, 2).replace(/\n}$/, '');
  return {
    file(file) {
      const piece = `${files === 0 ? `${head},\n  "files": [` : ','}\n    ${nestedJson(fileJson(file), 2)}`;
      files++;
      if (file.error !== null) errors++;
      if (typeof file.score?.points === 'number') {
        scored++;
        scoreSum += file.score.points;
      }
      for (const result of file.results) for (const f of result.findings) findings[f.level]++;
      return piece;
    },
    *end(sharedParagraphs) {
      yield files === 0 ? `${head},\n  "files": []` : '\n  ]';
      const summary = {
        files,
        errors,
        meanScore: scored > 0 ? Math.round((10 * scoreSum) / scored) / 10 : null,
        findings,
        sharedParagraphs: [],
      };
      const text = indented(JSON.stringify(summary, null, 2), 2);
      if (sharedParagraphs.length === 0) {
        yield `,\n  "summary": ${text}\n}\n`;
        return;
      }
      // The shared paragraphs of a large batch list many places: one piece each.
      yield `,\n  "summary": ${text.slice(0, -'[]\n  }'.length)}[`;
      for (const [i, shared] of sharedParagraphs.entries())
        yield `${i === 0 ? '' : ','}\n      ${indented(JSON.stringify(shared, null, 2), 6)}`;
      yield '\n    ]\n  }\n}\n';
    },
  };
}

// JSON.stringify escapes newlines inside strings, so every newline here is a line break of the layout.
function indented(json: string, spaces: number): string {
  return json.replaceAll('\n', `\n${' '.repeat(spaces)}`);
}

/**
 * A value as JSON.stringify(…, null, 2) lays it out `depth` arrays deep: stringified inside that
 * many arrays and cut out, which indents it in the same pass (re-indenting a file's 40 KB after
 * stringifying it cost a third as much again).
 */
function nestedJson(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  let head = ''; // "[\n  [\n    " for two arrays
  let tail = ''; // "\n  ]\n]"
  for (let level = 1; level <= depth; level++) {
    wrapped = [wrapped];
    head += `[\n${' '.repeat(2 * level)}`;
    tail = `\n${' '.repeat(2 * (level - 1))}]${tail}`;
  }
  const json = JSON.stringify(wrapped, null, 2);
  return json.slice(head.length, json.length - tail.length);
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
