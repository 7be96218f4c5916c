// The bundle's entries: run() for the command line (bin/fzcheck.js), serveBatchWorker() for a
// batch worker thread (bin/batch-worker.js).

import { ExitCode } from './exit-codes.js';
import { processIo } from './io.js';
import { main } from './main.js';

/** Runs fzcheck on this process's argv and streams; resolves to the exit code (2 if stdout failed). */
export async function run(): Promise<number> {
  const io = processIo();
  const code = await main(io);
  return io.stdoutFailed() ? ExitCode.Fatal : code;
}

/** Serves a batch worker thread; its modules load only in a worker. */
export async function serveBatchWorker(): Promise<void> {
  const worker = await import('../pipeline/batch-worker.js');
  await worker.serveBatchWorker();
}
