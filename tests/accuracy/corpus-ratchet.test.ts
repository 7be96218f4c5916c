// fzcheck on the development corpus (../shared/corpus beside the repository, or $FZCHECK_CORPUS),
// through the built CLI: no field may fall below tests/accuracy/ratchet.json, every finding of the
// style/terms/consistency/noise packs must have a hand verdict, and precision may not drop.
// Skipped, with a message, where the corpus is absent. `npm run accuracy` prints the same figures.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { findCorpus } from '../../scripts/lib/accuracy/corpus.js';
import { FIELDS, type Miss } from '../../scripts/lib/accuracy/measure.js';
import { ratchetFailures, ratchetOf, readRatchet } from '../../scripts/lib/accuracy/ratchet.js';
import { type AccuracyRun, RATCHET_FILE, runAccuracy } from '../../scripts/lib/accuracy/run-accuracy.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const present = findCorpus(REPO_ROOT) !== null;
if (!present) console.warn('跳过语料准确率测试：找不到 ../shared/corpus（可用 FZCHECK_CORPUS 指定）');

describe.skipIf(!present)('accuracy on the development corpus', () => {
  let run: AccuracyRun;
  beforeAll(() => {
    run = runAccuracy(REPO_ROOT)!;
  });
  const ratchet = readRatchet(join(REPO_ROOT, RATCHET_FILE));

  it('answers every field at least as often right as the ratchet, with no more false headings', () => {
    const now = ratchetOf(run.measurement, run.precision);
    const failures = ratchetFailures(now, ratchet).filter((line) => !line.includes('精确率'));
    const misses = FIELDS.filter((field) => now.fields[field].right < ratchet.fields[field].right).flatMap(
      (field) => [`${field}:`, ...run.measurement.fields[field].misses.map(showMiss)],
    );
    if (now.falseHeadings.atMost > ratchet.falseHeadings.atMost) {
      misses.push('false headings:', ...run.measurement.falseHeadings.map(showMiss));
    }
    expect(failures, [...failures, ...misses].join('\n')).toEqual([]);
  });

  it('has a verdict for every style, terms, consistency and noise finding', () => {
    const unlabelled = run.precision.unlabelled.map(
      (f) => `${f.id}\t${f.line}\t${f.column}\t${f.ruleId}\t${f.message}`,
    );
    expect(unlabelled, '请在 tests/accuracy/finding-verdicts.tsv 里为这些问题写上结论').toEqual([]);
  });

  it('keeps precision per rule and overall at or above the ratchet', () => {
    const failures = ratchetFailures(ratchetOf(run.measurement, run.precision), ratchet).filter((line) =>
      line.includes('精确率'),
    );
    const falseOnes = run.precision.falseFindings.map(
      ({ finding, reason }) => `${finding.id}:${finding.line}:${finding.column} ${finding.ruleId} ${reason}`,
    );
    expect(failures, [...failures, ...falseOnes].join('\n')).toEqual([]);
  });
});

function showMiss(miss: Miss): string {
  return `  ${miss.id}${miss.line === undefined ? '' : `:${miss.line}`}  应为 ${miss.expected}  实为 ${miss.got}`;
}
