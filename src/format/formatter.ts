// The shape of an output format: a pure function from a run's results to text.

import type { Level } from '../shared/levels.js';
import type { RunResult } from '../shared/results.js';

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
