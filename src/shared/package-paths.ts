// Where fzcheck's own files are: found by walking up from this module to the package root, so the
// same code works from src/ (tests), dist/ (tsc output) and dist/bundle/ (the bundled CLI).

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'rules'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('fzcheck 安装不完整：找不到 package.json 与 rules/');
    dir = parent;
  }
  return dir;
}

/** The package root (holds package.json, rules/, dist/). */
export const PACKAGE_ROOT = findRoot();

/** Absolute path of a file inside the package. */
export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
