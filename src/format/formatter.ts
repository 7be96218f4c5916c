// The shape of an output format: a pure function from a run's results to text.

import type { Level } from '../shared/levels.js';
import type { FileResult, RunResult, SharedParagraph } from '../shared/results.js';

/** Options every formatter receives. */
export interface FormatOptions {
  readonly color: boolean;
  readonly verbose: boolean;
  readonly width: number; // terminal columns for text formats
  readonly summaryOnly?: boolean; // batch: only the one-row-per-file summary
  readonly now?: Date; // the time written into files that record one (Word comments); default now
  readonly minLevel?: Level | undefined; // --quiet / --level: text formats hide findings below it
}

/**
 * A formatter turns a run into text, text in pieces (for runs too large for one string), or the
 * bytes of a binary file; it never writes anything itself.
 */
export type FormatterOutput = string | Uint8Array | Iterable<string>;
export type Formatter = (
  run: RunResult,
  options: FormatOptions,
) => FormatterOutput | Promise<FormatterOutput>;

/** What a run is before its files come: the tool and the rules. */
export type RunHead = Omit<RunResult, 'files' | 'sharedParagraphs'>;

/**
 * A format written as the run goes: each file's text as soon as it is checked (input order), then
 * the end (summaries, totals). The texts joined are exactly what the format's Formatter makes.
 */
export interface StreamingFormatter {
  file(file: FileResult): string;
  end(sharedParagraphs: readonly SharedParagraph[]): Iterable<string>;
}
export type StreamFormatter = (run: RunHead, options: FormatOptions) => StreamingFormatter;
