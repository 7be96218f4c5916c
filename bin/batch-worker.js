// Entry of a batch worker thread (started by src/pipeline/check-batch.ts): the same bundle and
// code cache as the command line (load-cli.js), serving the files the main thread sends.
const { loadCli } = require('./load-cli.js');

loadCli().cli.serveBatchWorker();
