// Whether a program is on PATH, for tests that need LibreOffice or the like (they skip without it).

import { execFileSync } from 'node:child_process';

/** Whether `name` is a command on PATH. */
export function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
