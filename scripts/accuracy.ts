// `npm run accuracy [-- --update-ratchet] [-- --brief]`: measures fzcheck on the development corpus
// (../shared/corpus beside the repository, or $FZCHECK_CORPUS) through the built CLI, and prints
// per field the share right and every miss, the precision of style/terms/consistency/noise
// findings under the hand verdicts, and the findings that still need a verdict.
//
// Comparison rules (the same in docs/accuracy.md; code in scripts/lib/accuracy/):
// - Text is compared after NFKC folding (full-width → half-width) with all whitespace removed.
// - title: equal, or the label is the first line of a split title and the detected title is that
//   line joined with the start of the following lines. A label of "no title" wants null.
// - year, subjectType, publishedAt: exactly equal; an empty label wants null (a year guessed from
//   the publication date where the page states none is a miss).
// - subject: equal after dropping a generic suffix (人民政府, 政府, 街道办事处 → 街道, 办事处), or one is
//   the other with a higher-level place in front; a joint label (党委 and 政府) matches either body.
// - kind: reports must be annual-report, negatives anything else (confusion by negative_type).
// - headings: each labelled heading must be detected on its line at its level (`u`: any level);
//   detected headings no label accounts for are false headings (a wrong level is a miss, not false).
// - chrome lines: each labelled chrome line must be read as chrome/metadata (so not title, heading
//   or body) and no finding may point at it.
// - Findings on the last line of an excerpt cut mid-sentence (last_line_cut) are left out everywhere.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatAccuracy } from './lib/accuracy/print-accuracy.js';
import { raiseRatchet, ratchetFailures, ratchetOf, readRatchet } from './lib/accuracy/ratchet.js';
import { RATCHET_FILE, runAccuracy } from './lib/accuracy/run-accuracy.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const args = new Set(process.argv.slice(2));
try {
  const run = runAccuracy(repoRoot);
  if (!run) {
    console.log('跳过：找不到语料（应在仓库旁的 ../shared/corpus，或用 FZCHECK_CORPUS 指定其目录）');
    process.exit(0);
  }
  process.stdout.write(formatAccuracy(run, { misses: !args.has('--brief') }));
  const ratchetPath = join(repoRoot, RATCHET_FILE);
  const ratchet = existsSync(ratchetPath) ? readRatchet(ratchetPath) : null;
  const now = ratchetOf(run.measurement, run.precision);
  if (args.has('--update-ratchet')) {
    if (run.precision.unlabelled.length > 0) {
      console.error(`\n没有更新棘轮：还有 ${run.precision.unlabelled.length} 个问题没有结论，请先标注`);
      process.exit(1);
    }
    const refused = raiseRatchet(ratchetPath, now, ratchet);
    if (refused.length > 0) {
      console.error(`\n没有更新棘轮：棘轮只升不降，以下几项低于它：\n  ${refused.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`\n已更新棘轮 ${RATCHET_FILE}`);
  } else if (ratchet) {
    const failures = ratchetFailures(now, ratchet);
    if (failures.length > 0) {
      console.error(`\n低于棘轮（${RATCHET_FILE}）：\n  ${failures.join('\n  ')}`);
      process.exitCode = 1;
    }
  }
} catch (error) {
  console.error(`accuracy：${(error as Error).message}`);
  process.exit(2);
}
