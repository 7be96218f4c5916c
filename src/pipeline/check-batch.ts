// Checks many inputs: in this thread for a few, across worker threads (one per core, each
// compiling the rules once) for a batch. Results always come back in input order; then the
// reports are compared with each other (compare-batch.ts).

import { availableParallelism } from 'node:os';
import type { RuleSet } from '../rules/engine/compile-rules.js';
import type { FileResult, SharedParagraph } from '../shared/results.js';
import { type CheckInput, type CheckOptions, checkInputForBatch } from './check-input.js';
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
  // This thread checks files too, so `jobs` threads in all: jobs − 1 workers plus this one.
  const workers = Array.from(
    { length: jobs - 1 },
    () => new Worker(new URL('./batch-worker.js', import.meta.url), { workerData: setup }),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const finish = (index: number, result: FileResult, print: ParagraphPrint[] | null) => {
        results[index] = result;
        prints[index] = print;
        done++;
        batch.onProgress?.(done, inputs.length);
        if (done === inputs.length) resolve();
      };
      const send = (worker: InstanceType<typeof Worker>) => {
        if (next >= inputs.length) return;
        const index = next++;
        worker.postMessage({ index, input: inputs[index]! } satisfies WorkerTask);
      };
      for (const worker of workers) {
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (done < inputs.length) reject(new Error(`工作线程意外退出（退出码 ${code}）`));
        });
        worker.on('message', (message: WorkerAnswer | 'ready') => {
          if (message === 'ready') {
            for (let i = 0; i < TASKS_IN_FLIGHT; i++) send(worker);
            return;
          }
          finish(message.index, message.result, message.prints);
          send(worker);
        });
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
