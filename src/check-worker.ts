// Worker-thread entry for batch runs: compiles the rules once, then checks the inputs it is sent
// and posts back each FileResult in a form that survives structured cloning (no ReportDocument).

import { parentPort, workerData } from 'node:worker_threads';
import { portableResult } from './check-batch.js';
import {
  type CheckInput,
  type CheckOptions,
  checkInput,
  type FileResult,
  failedInput,
} from './check-files.js';
import { EMPTY_CONFIG, loadConfig } from './config/load-config.js';
import { loadRules } from './config/load-packs.js';

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
export type WorkerAnswer = { readonly index: number; readonly result: FileResult };

if (parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  const config = setup.config ? await loadConfig(setup.cwd, setup.config) : EMPTY_CONFIG;
  const { ruleSet } = await loadRules(setup.rules, setup.cwd, config);
  port.on('message', async (task: WorkerTask) => {
    let result: FileResult;
    try {
      result = portableResult(await checkInput(task.input, ruleSet, setup.options), setup.keepText);
    } catch (error) {
      const path = 'path' in task.input ? task.input.path : task.input.name;
      result = failedInput(path, 'internal', `检查时出错：${(error as Error).message}`);
    }
    port.postMessage({ index: task.index, result } satisfies WorkerAnswer);
  });
  port.postMessage('ready');
}
