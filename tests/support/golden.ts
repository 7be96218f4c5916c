// Golden files for formatter output: compared byte for byte; `npm run test:update` rewrites them.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

/** Expects `actual` to equal the golden file at `url` (or writes it when updating). */
export function expectGolden(url: URL, actual: string): void {
  if (process.env.FZCHECK_UPDATE_GOLDEN === '1' || !existsSync(url)) {
    mkdirSync(dirname(url.pathname), { recursive: true });
    writeFileSync(url, actual);
  }
  expect(actual).toBe(readFileSync(url, 'utf8'));
}
