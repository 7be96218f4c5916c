// Entry of a batch worker thread (started by src/pipeline/check-batch.ts): the same bundle and
// code cache as the command line (load-cli.js), serving the files the main thread sends.
import { loadCli } from './load-cli.js';

await loadCli().cli.serveBatchWorker();
