// Checks many inputs: in this thread for a few, across worker threads (one per core, each
// compiling the rules once) for a batch. Results always come back in input order; then the
// reports are compared with each other (compare-batch.ts).

import { availableParallelism } from 'node:os';
import type { RuleSet } from '../rules/engine/compile-rules.js';
import type { FileResult, SharedParagraph } from '../shared/results.js';
import {
  type CheckInput,
  type CheckOptions,
  checkInputForBatch,
  failedInput,
  inputName,
} from './check-input.js';
import { batchRule, compareBatch, type ParagraphPrint } from './compare-batch.js';
import { portableResult, type WorkerAnswer, type WorkerSetup, type WorkerTask } from './worker-protocol.js';

/** How to spread a batch. */
export interface BatchOptions {
  readonly jobs?: number | undefined; // worker threads; 1 = this thread; default: one per core
  readonly keepText: boolean; // keep the document text for formatters that show it (html)
  readonly rules: readonly string[] | undefined; // --rules entries, for the workers to load
  readonly config: string | null; // the config file the run uses, for the workers to load
  readonly cwd: string;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Below this many inputs a worker would barely be ready (≈0.2 s to load the modules and rules)
 * before this thread has checked them all (≈2 ms per 15 KB text report), so none are started.
 */
export const MIN_INPUTS_FOR_WORKERS = 8;
const TASKS_IN_FLIGHT = 2; // per worker, so that none waits for the next message
const WORKER_HEAP_MB = 1024;

/** The result for a file whose worker thread died while checking it. */
function workerLost(path: string, error: unknown): FileResult {
  if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return failedInput(path, 'over-budget', '资源超限：检查该文件时内存用量超过上限，已中止');
  }
  return failedInput(path, 'internal', '检查时出错（内部错误）：工作线程意外退出');
}

/** What a batch gives: each file's result, and the paragraphs several units' reports share. */
export interface BatchOutcome {
  readonly files: FileResult[];
  readonly shared: SharedParagraph[];
}

/** Checks every input, then compares them with each other; never throws for a bad input file. */
export async function checkBatch(
  inputs: readonly CheckInput[],
  ruleSet: RuleSet,
  options: CheckOptions,
  batch: BatchOptions,
): Promise<BatchOutcome> {
  const compare = inputs.length > 1 && batchRule(ruleSet) !== null;
  const withPrints = { ...options, compareBatch: compare };
  const jobs = Math.min(batch.jobs ?? availableParallelism(), inputs.length);
  let checked: Checked;
  if (jobs <= 1 || (batch.jobs === undefined && inputs.length < MIN_INPUTS_FOR_WORKERS)) {
    checked = { results: [], prints: [] };
    for (const input of inputs) {
      const { result, prints } = await checkInputForBatch(input, ruleSet, withPrints);
      checked.results.push(inputs.length > 1 ? portableResult(result, batch.keepText) : result);
      checked.prints.push(prints);
      batch.onProgress?.(checked.results.length, inputs.length);
    }
  } else checked = await checkInWorkers(inputs, ruleSet, withPrints, batch, jobs);
  if (!compare) return { files: checked.results, shared: [] };
  return compareBatch(checked.results, checked.prints, ruleSet, options.grades, options.decisions);
}

interface Checked {
  readonly results: FileResult[];
  readonly prints: (ParagraphPrint[] | null)[];
}

async function checkInWorkers(
  inputs: readonly CheckInput[],
  ruleSet: RuleSet,
  options: CheckOptions,
  batch: BatchOptions,
  jobs: number,
): Promise<Checked> {
  const { Worker } = await import('node:worker_threads');
  const setup: WorkerSetup = {
    rules: batch.rules,
    config: batch.config,
    cwd: batch.cwd,
    options,
    keepText: batch.keepText,
  };
  const results: (FileResult | undefined)[] = new Array(inputs.length);
  const prints: (ParagraphPrint[] | null)[] = new Array(inputs.length).fill(null);
  let next = 0;
  let done = 0;
  // This thread checks files too, so `jobs` threads in all: jobs − 1 workers plus this one. A
  // worker's heap is capped, so that a file which exhausts it loses that worker, not the run.
  const workers = Array.from(
    { length: jobs - 1 },
    () =>
      new Worker(new URL('./batch-worker.js', import.meta.url), {
        workerData: setup,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const inFlight = new Map<InstanceType<typeof Worker>, Set<number>>();
      const finish = (index: number, result: FileResult, print: ParagraphPrint[] | null) => {
        if (results[index] !== undefined) return;
        results[index] = result;
        prints[index] = print;
        done++;
        batch.onProgress?.(done, inputs.length);
        if (done === inputs.length) resolve();
      };
      const send = (worker: InstanceType<typeof Worker>) => {
        if (next >= inputs.length) return;
        const index = next++;
        inFlight.get(worker)?.add(index);
        worker.postMessage({ index, input: inputs[index]! } satisfies WorkerTask);
      };
      // A worker that dies takes only the files it was checking; the others go on elsewhere.
      const lost = (worker: InstanceType<typeof Worker>, error: unknown) => {
        const indexes = inFlight.get(worker) ?? new Set<number>();
        inFlight.delete(worker);
        for (const index of indexes) finish(index, workerLost(inputName(inputs[index]!), error), null);
      };
      for (const worker of workers) {
        inFlight.set(worker, new Set());
        worker.on('error', (error) => lost(worker, error));
        worker.on('exit', (code) => {
          if (done < inputs.length) lost(worker, new Error(`exit ${code}`));
        });
        worker.on('message', (message: WorkerAnswer | 'ready') => {
          if (message === 'ready') return;
          inFlight.get(worker)?.delete(message.index);
          finish(message.index, message.result, message.prints);
          send(worker);
        });
        // Sent now, queued until the worker listens: a file that keeps this thread busy (up to its
        // time budget) must not keep the workers waiting for their first task.
        for (let i = 0; i < TASKS_IN_FLIGHT; i++) send(worker);
      }
      const checkHere = async () => {
        while (next < inputs.length) {
          const index = next++;
          const here = await checkInputForBatch(inputs[index]!, ruleSet, options);
          finish(index, portableResult(here.result, batch.keepText), here.prints);
          // Let the workers' messages in between two files.
          await new Promise((resume) => setImmediate(resume));
        }
      };
      checkHere().catch(reject);
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { results: results as FileResult[], prints };
}
