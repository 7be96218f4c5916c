// Runs the built CLI (bin/fzcheck.js) as a real process; `npm test` builds dist/ first.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/fzcheck.js', import.meta.url));

/** The outcome of one CLI run. */
export interface BinResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node bin/fzcheck.js …args` in `cwd`, without a terminal and with CI unset. */
export function runBin(
  args: readonly string[],
  cwd = REPO_ROOT,
  env: Record<string, string> = {},
): BinResult {
  const { CI: _ci, FORCE_COLOR: _force, ...base } = process.env;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...base, NO_COLOR: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
