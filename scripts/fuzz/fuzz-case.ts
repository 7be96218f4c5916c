// What a generator hands the runner: one hostile input (files already written into the case
// folder), how to run fzcheck on it, and what must hold afterwards beyond the common checks.

import type { Random } from './random.js';

/** How the run's stdout is connected. */
export type StdoutMode =
  | 'collect' // a pipe the runner reads to the end
  | 'closed' // a pipe whose reading end is closed before fzcheck writes (EPIPE)
  | 'first-chunk' // a pipe closed after the first chunk, like `| head -1`
  | 'dev-full'; // /dev/full (ENOSPC)

/** What a finished run looked like. */
export interface RunOutcome {
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly killedBy: 'time' | 'memory' | 'case' | null; // the runner stopped it
  readonly wallMs: number;
  readonly peakKb: number; // maximum resident set size
  readonly stdout: string;
  readonly stderr: string;
  readonly report: JsonReport | null; // the JSON report the runner asked for, if it was written
}

/** The parts of fzcheck's JSON output the checks read. */
export interface JsonReport {
  readonly files: ReadonlyArray<{
    readonly path: string;
    readonly error: { readonly code: string; readonly message: string } | null;
    readonly score: number | null;
    readonly results: readonly unknown[];
  }>;
}

/** One input to run. Paths in `args` are relative to the case folder, which is the cwd. */
export interface FuzzCase {
  readonly args: readonly string[];
  readonly stdin?: Buffer | 'dev-zero' | { readonly endless: string }; // default: empty
  readonly stdout?: StdoutMode; // default 'collect'
  readonly asNobody?: boolean; // run as an unprivileged user (permission shapes; root reads everything)
  readonly addJsonReport?: boolean; // default true for `check`: the runner adds -f json=<its file>
  readonly good?: readonly string[]; // display paths that must come back checked (no error, results)
  readonly expectExit?: readonly number[]; // beyond 0/1/2 being required
  readonly outputs?: readonly string[]; // files the run may create or replace: not inputs
  readonly killWhenChanged?: string; // stop the run the moment this file changes (atomic writes)
  readonly check?: (run: RunOutcome, dir: string) => string[]; // more checks: labels of what failed
  readonly paths?: readonly string[]; // names the output may legitimately contain (for the English check)
  readonly followUp?: (first: RunOutcome) => FuzzCase; // a second command in the same folder, judged too
  readonly timeLimitMs?: number; // instead of the target (only batches of thousands of files)
}

/** Makes one input of a shape in `dir` (an empty folder); `scale` ≤ 1 shrinks sizes (CI samples). */
export type Generator = (random: Random, dir: string, scale: number) => FuzzCase | Promise<FuzzCase>;

/** A class of hostile inputs: one generator per shape. */
export interface FuzzClass {
  readonly name: string;
  readonly shapes: Readonly<Record<string, Generator>>;
}
