// What the main thread and a batch worker say to each other. Both sides import this module; neither
// imports the other.

import type { FileResult } from '../shared/results.js';
import type { CheckInput, CheckOptions } from './check-input.js';
import type { ParagraphPrint } from './compare-batch.js';

/** What the main thread hands a worker when it starts it. */
export interface WorkerSetup {
  readonly rules: readonly string[] | undefined; // --rules entries, as given
  readonly config: string | null; // absolute path of the config file, or null for none
  readonly cwd: string;
  readonly options: CheckOptions;
  readonly keepText: boolean; // whether formatters need the document text
}

/** A task and its answer, matched by the input's index. */
export type WorkerTask = { readonly index: number; readonly input: CheckInput };
export type WorkerAnswer = {
  readonly index: number;
  readonly result: FileResult;
  readonly prints: ParagraphPrint[] | null;
};

/** Drops what need not outlive its file or cross a thread: the text, unless a formatter shows it. */
export function portableResult(result: FileResult, keepText: boolean): FileResult {
  return keepText ? result : { ...result, text: null };
}
