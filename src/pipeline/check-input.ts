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
import { Budget, isSmall, OverBudgetError } from '../shared/budget.js';
import type { DecisionEntry } from '../shared/decisions.js';
import type { DocumentOutline, FileResult } from '../shared/results.js';
import type { SubjectType } from '../shared/subject-types.js';
import { type ParagraphPrints, paragraphPrints } from './compare-batch.js';
import { loadPrevious, type PreviousReports, previousPathFor } from './previous-reports.js';

/** Options of one check run. */
export interface CheckOptions extends Omit<LoadOptions, 'budget'> {
  readonly timeMs?: number | undefined; // the time budget of one document (default DOCUMENT_LIMITS.timeMs)
  readonly year?: number | undefined;
  readonly subjectType?: SubjectType | undefined;
  readonly grades?: GradeScale | undefined;
  readonly decisions?: readonly DecisionEntry[] | undefined; // a reviewer's decisions (all reports)
  readonly keepOriginal?: boolean | undefined; // keep a .docx input's bytes for the annotated copy
  readonly previous?: PreviousReports | undefined; // --previous: last year's reports
  readonly compareBatch?: boolean | undefined; // keep paragraph prints for the batch comparison
}

/** A checked input, with what the batch comparison keeps of it (null when not compared). */
export interface CheckedInput {
  readonly result: FileResult;
  readonly prints: ParagraphPrints | null;
}

/** An input: a path on disk, or bytes read from stdin under a display name. */
export type CheckInput =
  | { readonly path: string; readonly file?: string | Uint8Array } // path as shown; file as read (default: path)
  | { readonly name: string; readonly bytes: Uint8Array };

/** The name an input is shown under. */
export function inputName(input: CheckInput): string {
  return 'path' in input ? input.path : input.name;
}

/**
 * Checks one input against a rule set, within one time budget for reading, parsing and the rules.
 * Never throws: whatever goes wrong with this file becomes its error result, so the batch goes on.
 */
export async function checkInput(
  input: CheckInput,
  ruleSet: RuleSet,
  options: CheckOptions,
): Promise<FileResult> {
  return (await checkInputForBatch(input, ruleSet, options)).result;
}

/** Checks one input, comparing it with last year's report when asked, and keeps the prints of its
 * paragraphs for the batch comparison when asked. Never throws for a bad input file. */
export async function checkInputForBatch(
  input: CheckInput,
  ruleSet: RuleSet,
  options: CheckOptions,
): Promise<CheckedInput> {
  const path = inputName(input);
  const budget = new Budget(options.timeMs);
  try {
    const loadOptions = { ...options, budget };
    const source =
      'path' in input
        ? { ...(await loadFile(input.file ?? input.path, loadOptions)), path }
        : await loadBytes(input.name, input.bytes, loadOptions);
    // A scan's OCR has its own, longer time limit (read-scan.ts); checking its text starts afresh.
    const checkBudget = source.encoding === 'ocr' ? new Budget(options.timeMs) : budget;
    const document = parseSource(source, options, checkBudget);
    let previous: { path: string | null; doc: ReportDocument | null } | null = null;
    if (options.previous) {
      const file = previousPathFor(
        options.previous,
        document.identity.subject,
        'path' in input ? (typeof input.file === 'string' ? input.file : input.path) : path,
      );
      previous = { path: file, doc: file ? await loadPrevious(file, options) : null };
    }
    const result = checkDocument(source, document, ruleSet, options, previous?.doc ?? null, checkBudget);
    checkBudget.step = '段落比对';
    const prints = options.compareBatch
      ? checkBudget.run(() => paragraphPrints(document, ruleSet), !isSmall(source.text.length))
      : null;
    return {
      result: previous ? { ...result, previous: previous.doc ? previous.path : null } : result,
      prints,
    };
  } catch (error) {
    return { result: errorResult(path, error), prints: null };
  }
}

/** The result for a file whose check threw: a load error, a budget, or a bug (named as such). */
export function errorResult(path: string, error: unknown): FileResult {
  if (error instanceof LoadError) return failedInput(path, error.code, error.message);
  if (error instanceof OverBudgetError) return failedInput(path, error.code, error.message);
  // The engine's own limits (call stack, array and string sizes) are resource limits too.
  if (error instanceof RangeError) {
    return failedInput(path, 'over-budget', '资源超限：文件的结构过深或内容过多，超出了检查程序的处理能力');
  }
  const message = error instanceof Error ? error.message : String(error);
  return failedInput(path, 'internal', `检查时出错（内部错误）：${message.split('\n')[0]}`);
}

/** Checks an already loaded source. */
export function checkSource(
  source: SourceFile,
  ruleSet: RuleSet,
  options: CheckOptions,
  previousDoc: ReportDocument | null = null,
  budget?: Budget,
): FileResult {
  return checkDocument(source, parseSource(source, options, budget), ruleSet, options, previousDoc, budget);
}

/** Reads the document's structure, under the time left when there is a budget. */
function parseSource(source: SourceFile, options: CheckOptions, budget?: Budget): ReportDocument {
  const overrides: ParseOverrides = { year: options.year, subjectType: options.subjectType };
  const parse = () => parseDocument(source.text, source.meta, overrides);
  // Each step runs under the time left (not nested: one watchdog at a time).
  if (!budget) return parse();
  budget.step = '文档结构分析';
  return budget.run(parse, !isSmall(source.text.length));
}

function checkDocument(
  source: SourceFile,
  document: ReportDocument,
  ruleSet: RuleSet,
  options: CheckOptions,
  previousDoc: ReportDocument | null,
  budget?: Budget,
): FileResult {
  const results = applyDecisions(runRules(document, ruleSet, previousDoc, budget), options.decisions ?? [], {
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
