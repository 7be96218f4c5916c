// Golden files: compare a value with a committed JSON file; FZCHECK_UPDATE_GOLDEN=1 rewrites it
// (npm run test:update), and the diff is then reviewed like code.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

/** Asserts `value` equals the golden JSON at `path` (or writes it when updating). */
export function expectGolden(path: string, value: unknown): void {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (process.env.FZCHECK_UPDATE_GOLDEN || !existsSync(path)) {
    writeFileSync(path, text);
    if (!process.env.FZCHECK_UPDATE_GOLDEN)
      throw new Error(`golden file ${path} was missing and has been written; review it`);
    return;
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}
