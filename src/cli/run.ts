// The process entry bin/fzcheck.js calls: main() on the real process.

import { ExitCode } from './exit-codes.js';
import { processIo } from './io.js';
import { main } from './main.js';

/** Runs fzcheck on this process's argv and streams; resolves to the exit code (2 if stdout failed). */
export async function run(): Promise<number> {
  const io = processIo();
  const code = await main(io);
  return io.stdoutFailed() ? ExitCode.Fatal : code;
}
