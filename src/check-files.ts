// The pipeline, top to bottom: load → parse → run rules → score. One FileResult per input;
// a file that cannot be loaded gets an error result and the run goes on.

import { type LoadOptions, loadBytes, loadFile } from './load/load-source.js';
import { LoadError, type SourceFile, type SourceFormat } from './load/source-file.js';
import type { ReportDocument, ReportIdentity, SubjectType } from './parse/document.js';
import { type ParseOverrides, parseDocument } from './parse/parse-document.js';
import type { RuleSet } from './rules/engine/compile-rules.js';
import { runRules } from './rules/engine/run-rules.js';
import type { RuleResult } from './rules/types.js';
import { type GradeScale, type Score, scoreResults } from './score/score.js';

/** Options of one check run. */
export interface CheckOptions extends LoadOptions {
  readonly year?: number | undefined;
  readonly subjectType?: SubjectType | undefined;
  readonly grades?: GradeScale | undefined;
}

/** The result for one input file. */
export interface FileResult {
  readonly path: string;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly source: {
    readonly format: SourceFormat;
    readonly encoding: string;
    readonly publisher: string | null;
  } | null;
  readonly document: ReportDocument | null; // in-process runs only; null after a worker thread
  readonly identity: ReportIdentity | null; // what formatters show about the report
  readonly text: string | null; // the document text that findings point into (null when not kept)
  readonly results: readonly RuleResult[];
  readonly score: Score | null;
}

/** An input: a path on disk, or bytes read from stdin under a display name. */
export type CheckInput =
  | { readonly path: string; readonly file?: string } // path as shown; file as read (defaults to path)
  | { readonly name: string; readonly bytes: Uint8Array };

/** Checks one input against a rule set. Never throws for a bad input file. */
export async function checkInput(
  input: CheckInput,
  ruleSet: RuleSet,
  options: CheckOptions,
): Promise<FileResult> {
  const path = 'path' in input ? input.path : input.name;
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
  const results = runRules(document, ruleSet);
  return {
    path: source.path,
    error: null,
    source: { format: source.format, encoding: source.encoding, publisher: document.identity.publisher },
    document,
    identity: document.identity,
    text: document.text,
    results,
    score: scoreResults(results, options.grades),
  };
}

/** The result for an input that could not be checked at all. */
export function failedInput(path: string, code: string, message: string): FileResult {
  return {
    path,
    error: { code, message },
    source: null,
    document: null,
    identity: null,
    text: null,
    results: [],
    score: null,
  };
}
