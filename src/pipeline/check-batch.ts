// Checks many inputs and hands each file's result on in input order, as soon as it can, so that
// a batch of any size writes its outputs as it goes and keeps nothing per file in memory but what
// summaries need. A few inputs are checked in this thread; a batch is shared between this thread
// and jobs − 1 worker threads (each compiling the rules once). Measured on 2 cores: two workers
// with this thread only scheduling cost 1.5× the CPU of --jobs 1 (a second start-up and warm-up),
// one worker with this thread checking too 1.25×. Workers send their results serialised (the
// bytes are transferred, not copied), without the rules' fixed texts (compact-result.ts).
// When the reports are compared with each other (compare-batch.ts), a file's result is final
// only after the last file is checked: results wait on disk (result-spill.ts), serialised as the
// workers sent them (the first few checked in this thread as they are), and are handed on after
// the comparison.

import { availableParallelism } from 'node:os';
import type { RuleSet } from '../rules/engine/compile-rules.js';
import { packagePath } from '../shared/package-paths.js';
import type { FileResult, SharedParagraph } from '../shared/results.js';
import {
  type CheckInput,
  type CheckOptions,
  checkInputForBatch,
  failedInput,
  inputName,
} from './check-input.js';
import { RuleTextTable } from './compact-result.js';
import { BatchComparison, batchRule } from './compare-batch.js';
import { RecordSpill } from './result-spill.js';
import {
  type BatchItem,
  type BatchRecord,
  batchItem,
  recordFrom,
  serialisedRecord,
  type WorkerAnswer,
  type WorkerSetup,
} from './worker-protocol.js';

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
const TASKS_IN_FLIGHT = 4; // per worker, so that none waits while this thread checks a file
/** Files checked ahead of the first one not yet back (a slow file holds the others in memory). */
const MAX_AHEAD = 256;
const WORKER_HEAP_MB = 1024;

/** The result for a file whose worker thread died while checking it. */
function workerLost(path: string, error: unknown): FileResult {
  if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return failedInput(path, 'over-budget', '资源超限：检查该文件时内存用量超过上限，已中止');
  }
  return failedInput(path, 'internal', '检查时出错（内部错误）：工作线程意外退出');
}

/** What a batch gives: each file's result, and the paragraphs several units share. */
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
  const files: FileResult[] = [];
  const shared = await streamBatch(inputs, ruleSet, options, batch, (file) => {
    files.push(file);
  });
  return { files, shared };
}

/**
 * Checks every input and calls `onFile` with each final result in input order (after the batch
 * comparison, when there is one); returns the paragraphs several units share.
 */
export async function streamBatch(
  inputs: readonly CheckInput[],
  ruleSet: RuleSet,
  options: CheckOptions,
  batch: BatchOptions,
  onFile: (file: FileResult, index: number) => void,
): Promise<SharedParagraph[]> {
  const rule = inputs.length > 1 ? batchRule(ruleSet) : null;
  const comparison = rule ? new BatchComparison(rule, options.grades, options.decisions) : null;
  const spill = comparison ? new RecordSpill<BatchRecord>() : null;
  const texts = new RuleTextTable(ruleSet);
  try {
    await checkInOrder(
      inputs,
      ruleSet,
      { ...options, compareBatch: comparison !== null },
      batch,
      (item, index) => {
        if (comparison && spill) {
          if (item.record)
            spill.addLive(item.record, () => serialisedRecord(item.record as BatchRecord, texts));
          else spill.add(item.bytes as Uint8Array);
          comparison.add(item.path, item.unit, item.prints);
        } else onFile((item.record ?? recordFrom(item.bytes as Uint8Array, texts)).result, index);
      },
    );
    if (!comparison || !spill) return [];
    comparison.finish();
    let index = 0;
    for (const stored of spill.entries()) {
      const record = stored instanceof Uint8Array ? recordFrom(stored, texts) : stored.live;
      onFile(comparison.apply(index, record.result, record.places), index);
      index++;
    }
    return comparison.shared();
  } finally {
    spill?.close();
  }
}

/** Checks the inputs (here or in workers) and hands each item on in input order. */
async function checkInOrder(
  inputs: readonly CheckInput[],
  ruleSet: RuleSet,
  options: CheckOptions,
  batch: BatchOptions,
  deliver: (item: BatchItem, index: number) => void,
): Promise<void> {
  const jobs = Math.min(batch.jobs ?? availableParallelism(), inputs.length);
  const single = inputs.length === 1;
  if (jobs <= 1 || (batch.jobs === undefined && inputs.length < MIN_INPUTS_FOR_WORKERS)) {
    for (const [index, input] of inputs.entries()) {
      const checked = await checkInputForBatch(input, ruleSet, options);
      // A single file keeps its text: its formatters run in this thread.
      deliver(batchItem(checked, batch.keepText || single, null), index);
      batch.onProgress?.(index + 1, inputs.length);
    }
    return;
  }
  await checkInWorkers(inputs, ruleSet, options, batch, jobs, deliver);
}

async function checkInWorkers(
  inputs: readonly CheckInput[],
  ruleSet: RuleSet,
  options: CheckOptions,
  batch: BatchOptions,
  jobs: number,
  deliver: (item: BatchItem, index: number) => void,
): Promise<void> {
  const { Worker } = await import('node:worker_threads');
  type Thread = InstanceType<typeof Worker>;
  const setup: WorkerSetup = {
    rules: batch.rules,
    config: batch.config,
    cwd: batch.cwd,
    options,
    keepText: batch.keepText,
  };
  const total = inputs.length;
  const waiting = new Map<number, BatchItem>(); // back, not yet handed on (an earlier one is out)
  let next = 0; // the next input to send
  let delivered = 0; // inputs handed on, in order
  let failure: unknown = null;
  let wake: () => void = () => {};
  const changed = () => wake();
  const finish = (index: number, item: BatchItem) => {
    if (index < delivered || waiting.has(index)) return;
    waiting.set(index, item);
    try {
      for (let head = waiting.get(delivered); head; head = waiting.get(delivered)) {
        waiting.delete(delivered);
        deliver(head, delivered);
        delivered++;
        batch.onProgress?.(delivered, total);
      }
    } catch (error) {
      failure ??= error;
    }
    changed();
  };
  // This thread checks files too, between the workers' messages, and all of them if every worker
  // died. A worker's heap is capped, so that a file which exhausts it loses that worker, not the run.
  const workers = Array.from(
    { length: jobs - 1 },
    () =>
      new Worker(packagePath('bin', 'batch-worker.js'), {
        workerData: setup,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      }),
  );
  const inFlight = new Map<Thread, Set<number>>();
  const send = (worker: Thread) => {
    const tasks = inFlight.get(worker);
    while (tasks && tasks.size < TASKS_IN_FLIGHT && next < total && next - delivered < MAX_AHEAD) {
      const index = next++;
      tasks.add(index);
      worker.postMessage({ index, input: inputs[index]! });
    }
  };
  // A worker that dies takes only the files it was checking; the others go on elsewhere.
  const lost = (worker: Thread, error: unknown) => {
    const indexes = inFlight.get(worker);
    if (!indexes) return;
    inFlight.delete(worker);
    for (const index of indexes) {
      const failed = { result: workerLost(inputName(inputs[index]!), error), prints: null };
      finish(index, batchItem(failed, false, null));
    }
    changed();
  };
  try {
    for (const worker of workers) {
      inFlight.set(worker, new Set());
      worker.on('error', (error) => lost(worker, error));
      worker.on('exit', (code) => lost(worker, new Error(`exit ${code}`)));
      worker.on('message', (message: WorkerAnswer | 'ready') => {
        if (message === 'ready') return;
        inFlight.get(worker)?.delete(message.index);
        finish(message.index, message.item);
        for (const each of inFlight.keys()) send(each);
      });
      // Sent now, queued until the worker listens.
      send(worker);
    }
    while (delivered < total && failure === null) {
      if (next < total && next - delivered < MAX_AHEAD) {
        const index = next++;
        const checked = await checkInputForBatch(inputs[index]!, ruleSet, options);
        finish(index, batchItem(checked, batch.keepText, null));
        // Let the workers' messages in between two files.
        await new Promise((resume) => setImmediate(resume));
        continue;
      }
      await new Promise<void>((resume) => {
        wake = resume;
      });
    }
    if (failure !== null) throw failure;
  } finally {
    for (const worker of workers) worker.removeAllListeners('exit');
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
