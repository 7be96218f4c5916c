import type { FileResult } from '../check-files.js';
import type { LoadedPack } from '../config/load-packs.js';

/** Everything a formatter needs: the files checked and what the run used. */
export interface RunResult {
  readonly tool: { readonly name: string; readonly version: string };
  readonly files: readonly FileResult[];
  readonly packs: readonly LoadedPack[];
}

/** Options every formatter receives. */
export interface FormatOptions {
  readonly color: boolean;
  readonly verbose: boolean;
  readonly width: number; // terminal columns for text formats
  readonly summaryOnly?: boolean; // batch: only the one-row-per-file summary
}

/** A formatter turns a run into text; it never writes anything itself. */
export type Formatter = (run: RunResult, options: FormatOptions) => string;
