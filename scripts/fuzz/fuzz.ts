// The fuzz campaign: for input i of a seed, pick a class (round robin) and a shape (at random),
// let the shape's generator write the input into a fresh temporary folder, run the real CLI on
// it, judge the run, and count per class. Everything an input is depends on (seed, i) only.

import { createHash } from 'node:crypto';
import {
  chmodSync,
  type Dirent,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { judge, type Targets, type Verdict } from './checks.js';
import { batchClass } from './classes/batch.js';
import { docxClass } from './classes/docx.js';
import { fileSystemClass } from './classes/file-system.js';
import { htmlClass } from './classes/html.js';
import { imageClass } from './classes/image.js';
import { ofdDocClass } from './classes/ofd-doc.js';
import { outputClass } from './classes/output.js';
import { packsClass } from './classes/packs.js';
import { pdfClass } from './classes/pdf.js';
import { textClass } from './classes/text.js';
import { zipClass } from './classes/zip.js';
import type { FuzzCase, FuzzClass, RunOutcome } from './fuzz-case.js';
import { Random } from './random.js';
import { runInput } from './run-input.js';

/** Every class, in table order. */
export const FUZZ_CLASSES: readonly FuzzClass[] = [
  htmlClass,
  docxClass,
  pdfClass,
  ofdDocClass,
  imageClass,
  zipClass,
  textClass,
  fileSystemClass,
  batchClass,
  packsClass,
  outputClass,
];

/** What to run. */
export interface FuzzOptions {
  readonly count: number;
  readonly seed: number;
  readonly classes?: readonly string[]; // names; default all
  readonly shape?: string; // only this shape
  readonly index?: number; // only this input
  readonly shard?: { readonly part: number; readonly parts: number }; // inputs i with i % parts = part - 1
  readonly skip?: ReadonlySet<number>; // inputs already run (a campaign resumed)
  readonly scale?: number; // ≤ 1 shrinks the sizes (CI samples)
  readonly keep?: boolean; // keep the folders of failing inputs
  readonly targets?: Targets;
  readonly onInput?: (report: InputReport) => void;
}

/** The outcome of one input. */
export interface InputReport {
  readonly index: number;
  readonly className: string;
  readonly shape: string;
  readonly verdict: Verdict;
  readonly wallMs: number; // the fzcheck runs
  readonly generatedMs: number; // writing the input
  readonly totalMs: number; // everything, judging and clean-up included
  readonly peakKb: number;
  readonly failed: boolean;
  readonly firstLine: string; // first stderr line, for a failure
  readonly dir: string | null; // kept folder
}

/** Counts of one class. */
export interface ClassStats {
  readonly name: string;
  tried: number;
  crashes: number;
  stackTraces: number;
  overTime: number;
  overMemory: number;
  peakKb: number;
  slowestMs: number;
  slowestShape: string;
  modified: number;
  goodLost: number;
  other: number;
  readonly failures: InputReport[];
}

const DEFAULT_TARGETS: Targets = { timeMs: 10_000, memoryKb: 1024 * 1024 };
const KILL_KB = 2 * 1024 * 1024;
const REPORT = '.fuzz/report.json';

/** Runs the campaign; returns the per-class counts. */
export async function runFuzz(options: FuzzOptions): Promise<ClassStats[]> {
  const targets = options.targets ?? DEFAULT_TARGETS;
  const classes = FUZZ_CLASSES.filter((c) => !options.classes || options.classes.includes(c.name));
  const stats = emptyStats(classes.map((c) => c.name));
  for (let index = 0; index < options.count; index++) {
    if (options.index !== undefined && index !== options.index) continue;
    if (options.shard && index % options.shard.parts !== options.shard.part - 1) continue;
    if (options.skip?.has(index)) continue;
    const classIndex = index % classes.length;
    const fuzzClass = classes[classIndex] as FuzzClass;
    const random = new Random(options.seed, index);
    const shapes = Object.keys(fuzzClass.shapes).sort();
    const shape = options.shape ?? random.pick(shapes);
    const generator = fuzzClass.shapes[shape];
    if (!generator) continue;
    const report = await runOne(fuzzClass.name, shape, index, random, options, targets, generator);
    const counts = stats[classIndex] as ClassStats;
    add(counts, report);
    options.onInput?.(report);
  }
  return stats;
}

/** Per-class counts rebuilt from input reports (the pieces of a campaign run in parts). */
export function summarise(reports: readonly InputReport[]): ClassStats[] {
  const stats = emptyStats(FUZZ_CLASSES.map((c) => c.name));
  for (const report of [...reports].sort((a, b) => a.index - b.index)) {
    const counts = stats.find((s) => s.name === report.className);
    if (counts) add(counts, report);
  }
  return stats.filter((s) => s.tried > 0);
}

function emptyStats(names: readonly string[]): ClassStats[] {
  return names.map(
    (name): ClassStats => ({
      name,
      tried: 0,
      crashes: 0,
      stackTraces: 0,
      overTime: 0,
      overMemory: 0,
      peakKb: 0,
      slowestMs: 0,
      slowestShape: '',
      modified: 0,
      goodLost: 0,
      other: 0,
      failures: [],
    }),
  );
}

async function runOne(
  className: string,
  shape: string,
  index: number,
  random: Random,
  options: FuzzOptions,
  targets: Targets,
  generator: NonNullable<FuzzClass['shapes'][string]>,
): Promise<InputReport> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'fzcheck-fuzz-'));
  mkdirSync(join(dir, '.fuzz'));
  let verdict: Verdict;
  let first: RunOutcome | null = null;
  let generatedMs = 0;
  try {
    let fuzzCase = await generator(random, dir, options.scale ?? 1);
    generatedMs = performance.now() - started;
    if (fuzzCase.asNobody) {
      chmodSync(dir, 0o777);
      chmodSync(join(dir, '.fuzz'), 0o777);
    }
    const before = snapshot(dir, fuzzCase);
    let run = await runCase(fuzzCase, dir, targets);
    first = run;
    verdict = judge(fuzzCase, run, false, targetsOf(fuzzCase, targets), fuzzCase.check?.(run, dir) ?? []);
    while (fuzzCase.followUp) {
      fuzzCase = fuzzCase.followUp(run);
      run = await runCase(fuzzCase, dir, targets);
      const judged = judge(
        fuzzCase,
        run,
        false,
        targetsOf(fuzzCase, targets),
        fuzzCase.check?.(run, dir) ?? [],
      );
      verdict = merge(verdict, judged);
      first = {
        ...run,
        wallMs: Math.max(run.wallMs, first.wallMs),
        peakKb: Math.max(run.peakKb, first.peakKb),
      };
    }
    verdict.modified = changed(before, snapshot(dir, fuzzCase));
  } catch (error) {
    verdict = {
      crash: false,
      stackTrace: false,
      overTime: false,
      overMemory: false,
      modified: false,
      goodLost: false,
      other: [`generator failed: ${(error as Error).message}`],
    };
  }
  const failed =
    verdict.crash ||
    verdict.stackTrace ||
    verdict.overTime ||
    verdict.overMemory ||
    verdict.modified ||
    verdict.goodLost ||
    verdict.other.length > 0;
  const keep = failed && options.keep === true;
  if (!keep) remove(dir);
  return {
    generatedMs,
    totalMs: performance.now() - started,
    index,
    className,
    shape,
    verdict,
    wallMs: first?.wallMs ?? 0,
    peakKb: first?.peakKb ?? 0,
    failed,
    firstLine: firstProblemLine(first),
    dir: keep ? dir : null,
  };
}

async function runCase(fuzzCase: FuzzCase, dir: string, overall: Targets): Promise<RunOutcome> {
  const targets = targetsOf(fuzzCase, overall);
  const args = [...fuzzCase.args];
  const wantsReport = fuzzCase.addJsonReport ?? args[0] === 'check';
  if (wantsReport) {
    // Options go before a "--" that ends them.
    const end = args.includes('--') ? args.indexOf('--') : args.length;
    const added = args.slice(0, end).some((arg) => arg === '-f' || arg.startsWith('--format'))
      ? []
      : ['-f', 'table'];
    args.splice(end, 0, ...added, '-f', `json=${REPORT}`);
    rmSync(join(dir, REPORT), { force: true });
  }
  return runInput(fuzzCase, dir, args, wantsReport ? join(dir, REPORT) : null, {
    timeMs: targets.timeMs,
    killKb: KILL_KB,
  });
}

function targetsOf(fuzzCase: FuzzCase, targets: Targets): Targets {
  return fuzzCase.timeLimitMs ? { ...targets, timeMs: fuzzCase.timeLimitMs } : targets;
}

function merge(a: Verdict, b: Verdict): Verdict {
  return {
    crash: a.crash || b.crash,
    stackTrace: a.stackTrace || b.stackTrace,
    overTime: a.overTime || b.overTime,
    overMemory: a.overMemory || b.overMemory,
    modified: a.modified || b.modified,
    goodLost: a.goodLost || b.goodLost,
    other: [...a.other, ...b.other],
  };
}

function add(counts: ClassStats, report: InputReport): void {
  const { verdict } = report;
  counts.tried++;
  if (verdict.crash) counts.crashes++;
  if (verdict.stackTrace) counts.stackTraces++;
  if (verdict.overTime) counts.overTime++;
  if (verdict.overMemory) counts.overMemory++;
  if (verdict.modified) counts.modified++;
  if (verdict.goodLost) counts.goodLost++;
  if (verdict.other.length > 0) counts.other++;
  counts.peakKb = Math.max(counts.peakKb, report.peakKb);
  if (report.wallMs > counts.slowestMs) {
    counts.slowestMs = report.wallMs;
    counts.slowestShape = report.shape;
  }
  if (report.failed) counts.failures.push(report);
}

/** Hashes of everything in the case folder except the runner's own files and declared outputs. */
function snapshot(dir: string, fuzzCase: FuzzCase): Map<string, string> {
  const skip = new Set(['.fuzz', ...(fuzzCase.outputs ?? [])].map((name) => join(dir, name)));
  const hashes = new Map<string, string>();
  const visit = (path: Buffer) => {
    const key = path.toString('latin1');
    if (skip.has(path.toString())) return;
    const info = lstatSync(path);
    if (info.isSymbolicLink()) hashes.set(key, `link:${readlinkSync(path).toString()}`);
    else if (info.isFile()) hashes.set(key, createHash('sha1').update(readFileSync(path)).digest('hex'));
    else if (info.isDirectory()) {
      hashes.set(key, `dir:${info.mode}`);
      for (const entry of readdirSync(path, {
        encoding: 'buffer',
        withFileTypes: true,
      }) as Dirent<Buffer>[]) {
        visit(Buffer.concat([path, Buffer.from('/'), entry.name]));
      }
    } else hashes.set(key, `special:${info.mode}`);
  };
  visit(Buffer.from(dir));
  return hashes;
}

function changed(before: Map<string, string>, after: Map<string, string>): boolean {
  for (const [path, hash] of before) if (after.get(path) !== hash) return true;
  return false;
}

function remove(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // a folder left behind in tmp is not worth failing the campaign for
  }
}

function firstProblemLine(run: RunOutcome | null): string {
  if (!run) return '';
  const line = run.stderr.split('\n').find((text) => text.trim() !== '') ?? '';
  return line.slice(0, 160);
}
