// One accuracy run, shared by `npm run accuracy` and the ratchet test: read the corpus, check it
// through the built CLI, measure, and apply the finding verdicts.

import { join } from 'node:path';
import { type CorpusEntry, findCorpus, readCorpus } from './corpus.js';
import { type Measurement, measure } from './measure.js';
import { runFzcheck } from './run-fzcheck.js';
import { type Precision, precisionOf, readVerdicts } from './verdicts.js';

/** Where the committed accuracy files live, relative to the repository root. */
export const RATCHET_FILE = join('tests', 'accuracy', 'ratchet.json');
export const VERDICTS_FILE = join('tests', 'accuracy', 'finding-verdicts.tsv');

/** A finished run. */
export interface AccuracyRun {
  readonly corpus: string;
  readonly entries: readonly CorpusEntry[];
  readonly measurement: Measurement;
  readonly precision: Precision;
}

/** Runs the measurement, or returns null when the corpus is not beside the repository. */
export function runAccuracy(repoRoot: string): AccuracyRun | null {
  const corpus = findCorpus(repoRoot);
  if (!corpus) return null;
  const entries = readCorpus(corpus);
  const checked = runFzcheck(
    repoRoot,
    entries.map((entry) => entry.path),
  );
  const measurement = measure(entries, checked);
  const precision = precisionOf(measurement.judgedFindings, readVerdicts(join(repoRoot, VERDICTS_FILE)));
  return { corpus, entries, measurement, precision };
}
