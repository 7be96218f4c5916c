// Golden text files for formatter output: compared byte for byte; FZCHECK_UPDATE_GOLDEN=1
// (npm run test:update) rewrites them, and a missing one is written and fails once for review.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Expects `actual` to equal the golden file at `url` byte for byte. */
export function expectGoldenText(url: URL, actual: string): void {
  const path = fileURLToPath(url);
  if (process.env.FZCHECK_UPDATE_GOLDEN || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    if (!process.env.FZCHECK_UPDATE_GOLDEN)
      throw new Error(`golden file ${path} was missing and has been written; review it`);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
