// Worker-thread entry for batch runs: compiles the rules once, then checks the inputs it is sent
// and posts back each FileResult (without the text unless a formatter needs it).

import { parentPort, workerData } from 'node:worker_threads';
import { EMPTY_CONFIG, loadConfig } from '../config/load-config.js';
import { loadRules } from '../config/load-packs.js';
import type { FileResult } from '../shared/results.js';
import { checkInput, errorResult, inputName } from './check-input.js';
import { portableResult, type WorkerAnswer, type WorkerSetup, type WorkerTask } from './worker-protocol.js';

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
      result = errorResult(inputName(task.input), error);
    }
    port.postMessage({ index: task.index, result } satisfies WorkerAnswer);
  });
  port.postMessage('ready');
}
