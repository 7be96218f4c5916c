// Reads the development corpus (../shared/corpus beside the repository, see its README.md): the
// hand labels in openings.tsv and the text of each opening. The corpus is other people's text: it is
// read where it lies and never copied into the project.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A heading level as labelled: 1–4, or `u` for an unnumbered heading. */
export type LabelledLevel = 1 | 2 | 3 | 4 | 'u';

/** One labelled heading: its 1-based line, level and text as written. */
export interface LabelledHeading {
  readonly line: number;
  readonly level: LabelledLevel;
  readonly text: string;
}

/** One corpus file with its hand labels; empty labels are null. */
export interface CorpusEntry {
  readonly id: string; // D001…, X001…
  readonly path: string; // absolute path of openings/ID.txt
  readonly isReport: boolean;
  readonly title: string | null;
  readonly reportYear: number | null;
  readonly publishedAt: string | null;
  readonly subject: string | null;
  readonly subjectType: string | null;
  readonly negativeType: string | null;
  readonly titleLine: number | null;
  readonly chromeLines: readonly number[];
  readonly headings: readonly LabelledHeading[];
  readonly lastLineCut: boolean;
  readonly traditional: boolean;
  readonly lines: readonly string[]; // the file's text split on \n
}

/**
 * Where the corpus is: $FZCHECK_CORPUS if set (for clones or worktrees that do not sit beside
 * `shared/`), else ../shared/corpus next to the repository root. Null when it is not there.
 */
export function findCorpus(repoRoot: string): string | null {
  const dir = process.env.FZCHECK_CORPUS
    ? resolve(process.env.FZCHECK_CORPUS)
    : join(repoRoot, '..', 'shared', 'corpus');
  return existsSync(join(dir, 'openings.tsv')) ? dir : null;
}

/** Reads every labelled row and its text, in the order of openings.tsv. */
export function readCorpus(dir: string): CorpusEntry[] {
  const [header, ...rows] = readFileSync(join(dir, 'openings.tsv'), 'utf8')
    .split('\n')
    .filter((row) => row.trim() !== '');
  const columns = (header ?? '').split('\t');
  return rows.map((row) => {
    const cells = row.split('\t');
    const cell = (name: string): string | null => {
      const value = (cells[columns.indexOf(name)] ?? '').trim();
      return value === '' ? null : value;
    };
    const id = cell('id') ?? '';
    const path = join(dir, 'openings', `${id}.txt`);
    return {
      id,
      path,
      isReport: cell('kind') === 'report',
      title: cell('title'),
      reportYear: numberOrNull(cell('report_year')),
      publishedAt: cell('published_at'),
      subject: cell('subject'),
      subjectType: cell('subject_type'),
      negativeType: cell('negative_type'),
      titleLine: numberOrNull(cell('title_line')),
      chromeLines: (cell('chrome_lines') ?? '').split(',').filter(Boolean).map(Number),
      headings: parseHeadings(cell('headings') ?? ''),
      lastLineCut: cell('last_line_cut') === 'yes',
      traditional: cell('traditional') === 'yes',
      lines: readFileSync(path, 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\n'),
    };
  });
}

/** The 1-based number of the last line with text, or 0 for an empty file. */
export function lastTextLine(entry: CorpusEntry): number {
  for (let i = entry.lines.length - 1; i >= 0; i--) if (entry.lines[i]!.trim() !== '') return i + 1;
  return 0;
}

const HEADING_ITEM = /^(\d+):([1-4u]):(.*)$/s;

/** LINE:LEVEL:TEXT items joined by " | "; an item that does not start LINE:LEVEL: continues the text before it. */
function parseHeadings(cell: string): LabelledHeading[] {
  const headings: LabelledHeading[] = [];
  for (const item of cell === '' ? [] : cell.split(' | ')) {
    const match = HEADING_ITEM.exec(item);
    const last = headings.at(-1);
    if (!match) {
      if (last) headings[headings.length - 1] = { ...last, text: `${last.text} | ${item}` };
      continue;
    }
    const level = match[2] === 'u' ? 'u' : (Number(match[2]) as 1 | 2 | 3 | 4);
    headings.push({ line: Number(match[1]), level, text: match[3] ?? '' });
  }
  return headings;
}

function numberOrNull(value: string | null): number | null {
  return value === null || !/^\d+$/.test(value) ? null : Number(value);
}
