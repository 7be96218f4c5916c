// The pipeline for one input, top to bottom: load → parse → run rules → score. A file that cannot
// be loaded gets an error result and the run goes on.

import { type LoadOptions, loadBytes, loadFile } from '../load/load-source.js';
import { LoadError, type SourceFile } from '../load/source-file.js';
import type { ReportDocument } from '../parse/document.js';
import { type ParseOverrides, parseDocument } from '../parse/parse-document.js';
import type { RuleSet } from '../rules/engine/compile-rules.js';
import { runRules } from '../rules/engine/run-rules.js';
import { applyDecisions } from '../score/apply-decisions.js';
import { type GradeScale, scoreResults } from '../score/score.js';
import type { DecisionEntry } from '../shared/decisions.js';
import type { DocumentOutline, FileResult } from '../shared/results.js';
import type { SubjectType } from '../shared/subject-types.js';

/** Options of one check run. */
export interface CheckOptions extends LoadOptions {
  readonly year?: number | undefined;
  readonly subjectType?: SubjectType | undefined;
  readonly grades?: GradeScale | undefined;
  readonly decisions?: readonly DecisionEntry[] | undefined; // a reviewer's decisions (all reports)
  readonly keepOriginal?: boolean | undefined; // keep a .docx input's bytes for the annotated copy
}

/** An input: a path on disk, or bytes read from stdin under a display name. */
export type CheckInput =
  | { readonly path: string; readonly file?: string } // path as shown; file as read (defaults to path)
  | { readonly name: string; readonly bytes: Uint8Array };

/** The name an input is shown under. */
export function inputName(input: CheckInput): string {
  return 'path' in input ? input.path : input.name;
}

/** Checks one input against a rule set. Never throws for a bad input file. */
export async function checkInput(
  input: CheckInput,
  ruleSet: RuleSet,
  options: CheckOptions,
): Promise<FileResult> {
  const path = inputName(input);
  let source: SourceFile;
  try {
    source =
      'path' in input
        ? { ...(await loadFile(input.file ?? input.path, options)), path }
        : await loadBytes(input.name, input.bytes, options);
  } catch (error) {
    if (error instanceof LoadError) return failedInput(path, error.code, error.message);
    return failedInput(path, 'unreadable', `无法读取：${(error as Error).message}`);
  }
  return checkSource(source, ruleSet, options);
}

/** Checks an already loaded source. */
export function checkSource(source: SourceFile, ruleSet: RuleSet, options: CheckOptions): FileResult {
  const overrides: ParseOverrides = { year: options.year, subjectType: options.subjectType };
  const document = parseDocument(source.text, source.meta, overrides);
  const results = applyDecisions(runRules(document, ruleSet), options.decisions ?? [], {
    path: source.path,
    subject: document.identity.subject,
  });
  const lineOrigins = source.meta.lineOrigins;
  return {
    path: source.path,
    error: null,
    source: { format: source.format, encoding: source.encoding, publisher: document.identity.publisher },
    identity: document.identity,
    document: outlineOf(document),
    text: document.text,
    original:
      options.keepOriginal && source.original && lineOrigins ? { bytes: source.original, lineOrigins } : null,
    results,
    score: scoreResults(results, options.grades),
  };
}

/** How a document was read, in a form that outlives it: headings and chrome lines. */
export function outlineOf(document: ReportDocument): DocumentOutline {
  return {
    headings: document.headings.map((heading) => ({
      line: heading.line,
      level: heading.level,
      text: `${heading.marker}${heading.title}`,
    })),
    chromeLines: document.lines
      .filter((line) => line.role === 'chrome' || line.role === 'meta')
      .map((line) => line.number),
  };
}

/** The result for an input that could not be checked at all. */
export function failedInput(path: string, code: string, message: string): FileResult {
  return {
    path,
    error: { code, message },
    source: null,
    identity: null,
    document: null,
    text: null,
    results: [],
    score: null,
  };
}
