// A CI-sized sample of the hostile-input campaign (scripts/fuzz, `npm run fuzz`): two inputs of
// every class at a fiftieth of the full sizes, through the real bin. Time and memory are the
// campaign's to judge (no timing assertions here); everything else must hold for every input.

import { describe, expect, it } from 'vitest';
import { FUZZ_CLASSES, type InputReport, runFuzz } from '../../scripts/fuzz/fuzz.js';

function problems(report: InputReport): string[] {
  const v = report.verdict;
  return [
    ...(v.crash ? ['crash'] : []),
    ...(v.stackTrace ? ['stack trace'] : []),
    ...(v.modified ? ['input modified'] : []),
    ...(v.goodLost ? ['good files lost'] : []),
    ...v.other,
  ].map((problem) => `#${report.index} ${report.className}/${report.shape}: ${problem} ${report.firstLine}`);
}

describe('fuzz sample', () => {
  it('keeps every promise on two inputs of each class', { timeout: 600_000 }, async () => {
    const reports: InputReport[] = [];
    const stats = await runFuzz({
      count: 2 * FUZZ_CLASSES.length,
      seed: 20261201,
      scale: 0.02,
      onInput: (report) => reports.push(report),
    });
    expect(stats.map((s) => [s.name, s.tried])).toEqual(FUZZ_CLASSES.map((c) => [c.name, 2]));
    expect(reports.flatMap(problems)).toEqual([]);
  });
});
