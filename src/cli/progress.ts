// A one-line progress bar on stderr for batch runs, shown only on a terminal and outside CI.

import type { CliIo } from './io.js';

const BAR_WIDTH = 30;

/** Whether to show progress: stderr is a terminal, CI is not set, and --no-progress was not given. */
export function shouldShowProgress(io: CliIo, flag: boolean | undefined): boolean {
  return flag !== false && io.stderr.isTTY === true && !io.env.CI;
}

/** A progress reporter: call with (done, total); `finish` clears the line. */
export function progressBar(io: CliIo): { update(done: number, total: number): void; finish(): void } {
  let shown = false;
  let last = -1;
  return {
    update(done, total) {
      const filled = Math.round((BAR_WIDTH * done) / total);
      if (filled === last && done !== total) return;
      last = filled;
      shown = true;
      io.stderr.write(`\r检查中 [${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`);
    },
    finish() {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}
