// A batch worker thread (started by check-batch.ts through bin/batch-worker.js, from the same
// bundle as the command line): compiles the rules once, then checks the inputs it is sent and
// posts back each as a serialised batch item (without the text unless a formatter needs it), its
// buffers transferred rather than copied.

import { parentPort, workerData } from 'node:worker_threads';
import { EMPTY_CONFIG, loadConfig } from '../config/load-config.js';
import { loadRules } from '../config/load-packs.js';
import { checkInputForBatch, errorResult, inputName } from './check-input.js';
import { RuleTextTable } from './compact-result.js';
import {
  batchItem,
  transferables,
  type WorkerAnswer,
  type WorkerSetup,
  type WorkerTask,
} from './worker-protocol.js';

/** Serves this worker thread: compiles the rules once, then checks each file the batch sends. */
export async function serveBatchWorker(): Promise<void> {
  if (!parentPort) throw new Error('serveBatchWorker runs in a worker thread');
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  const config = setup.config ? await loadConfig(setup.cwd, setup.config) : EMPTY_CONFIG;
  const { ruleSet } = await loadRules(setup.rules, setup.cwd, config);
  const texts = new RuleTextTable(ruleSet);
  const check = async (task: WorkerTask) => {
    let answer: WorkerAnswer;
    try {
      const checked = await checkInputForBatch(task.input, ruleSet, setup.options);
      answer = { index: task.index, item: batchItem(checked, setup.keepText, texts) };
    } catch (error) {
      const failed = { result: errorResult(inputName(task.input), error), prints: null };
      answer = { index: task.index, item: batchItem(failed, setup.keepText, texts) };
    }
    port.postMessage(answer, transferables(answer.item));
  };
  // One file at a time, in the order sent. A file's time budget runs from its start: checks that
  // interleaved at their awaits (a Word file's unzip) spent each other's time, and a good report
  // beside a slow one ran out of its budget.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (task: WorkerTask) => {
    // A check that throws past its own boundary (a result that cannot be posted) ends this worker,
    // as it did before the queue: the main thread marks the worker's files as lost.
    queue = queue
      .then(() => check(task))
      .catch((error: unknown) => {
        setImmediate(() => {
          throw error;
        });
      });
  });
  port.postMessage('ready');
}
