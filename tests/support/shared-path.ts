// Where ../shared (other people's texts, read in place, never copied) lies: beside the repository,
// or, in a git worktree, beside the main working tree that the worktree's .git file points into.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The absolute path of `relative` inside shared/, or null when shared/ is not there. */
export function sharedPath(relative: string): string | null {
  for (const shared of candidates()) {
    const path = join(shared, relative);
    if (existsSync(path)) return path;
  }
  return null;
}

function candidates(): string[] {
  const found = [resolve(ROOT, '../shared')];
  const dotGit = join(ROOT, '.git');
  if (existsSync(dotGit) && statSync(dotGit).isFile()) {
    // "gitdir: /repo/.git/worktrees/<name>" → /repo/../shared
    const gitDir = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    if (gitDir) found.push(resolve(dirname(dirname(dirname(resolve(ROOT, gitDir)))), '../shared'));
  }
  return found;
}
