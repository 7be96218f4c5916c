import { describe, expect, it } from 'vitest';
import { formatTable } from '../../src/format/table.js';
import type { ReportIdentity, RunResult } from '../../src/shared/results.js';
import { FORMAT_OPTIONS, singleRun } from '../support/sample-run.js';

/** The single sample run with its identity's publication date replaced. */
function runWithDate(publishedAt: string | null, source: ReportIdentity['publishedAtSource']): RunResult {
  const run = singleRun();
  const file = run.files[0]!;
  const identity = { ...file.identity!, publishedAt, publishedAtSource: source };
  return { ...run, files: [{ ...file, identity }] };
}

describe('table header: where the publication date came from', () => {
  it.each([
    ['2024-03-02', 'page', '发布 2024-03-02（网页）'],
    ['2024-02-20', 'signature', '发布 2024-02-20（落款）'],
    ['2024-06-10', 'repost', '发布 2024-06-10（转载页面，不计）'],
    [null, null, '发布 未注明'],
  ] as const)('%s from %s', (date, source, expected) => {
    const header = formatTable(runWithDate(date, source), FORMAT_OPTIONS).split('\n')[2] ?? '';
    expect(header.slice(header.indexOf('发布'))).toBe(expected);
  });
});
