// The process entry bin/fzcheck.js calls: main() on the real process.

import { processIo } from './io.js';
import { main } from './main.js';

/** Runs fzcheck on this process's argv and streams; resolves to the exit code. */
export function run(): Promise<number> {
  return main(processIo());
}
