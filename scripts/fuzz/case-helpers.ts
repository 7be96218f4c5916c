// Helpers the generators share: writing files into the case folder, and putting a hostile input
// into a small batch with good reports, which must still come back checked.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { goodReport, reportDocx, reportPage } from './documents.js';
import type { FuzzCase, RunOutcome } from './fuzz-case.js';
import type { Random } from './random.js';

/** Writes a file (creating folders) under the case folder; returns the relative name. */
export function put(dir: string, name: string, data: string | Buffer): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, data);
  return name;
}

/** Writes `count` good reports in random formats; returns their relative names. */
export function putGoodReports(random: Random, dir: string, count: number, folder = 'good'): string[] {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = goodReport(random);
    const format = random.pick(['txt', 'txt', 'html', 'docx'] as const);
    const data = format === 'txt' ? text : format === 'html' ? reportPage(text) : reportDocx(text);
    names.push(put(dir, `${folder}/report-${i}.${format}`, data));
  }
  return names;
}

/** Options that pick the thread layout at random: default, this thread only, or two workers. */
export function jobsOption(random: Random): string[] {
  return random.pick([[], ['--jobs', '1'], ['--jobs', '2']]);
}

/**
 * The hostile inputs alone, or in a batch with good reports (random order and thread layout);
 * the good ones must still be checked.
 */
export function inBatch(
  random: Random,
  dir: string,
  hostile: readonly string[],
  more: Partial<FuzzCase> & { readonly options?: readonly string[] } = {},
): FuzzCase {
  const good = random.chance(0.6) ? putGoodReports(random, dir, random.int(1, 3)) : [];
  const { options = [], ...rest } = more;
  return {
    args: ['check', ...random.shuffle([...hostile, ...good]), ...jobsOption(random), ...options],
    good,
    ...rest,
  };
}

/** A check on the JSON report: the file at `path` came back with an error whose code is one of `codes`. */
export function expectError(path: string, codes: readonly string[] | null) {
  return (run: RunOutcome): string[] => {
    const file = run.report?.files.find((entry) => entry.path === path);
    if (!run.report) return [];
    if (!file) return [`${path} missing from the report`];
    if (!file.error) return codes === null ? [] : [`${path} was checked, expected error ${codes.join('/')}`];
    if (codes !== null && !codes.includes(file.error.code)) return [`${path}: error ${file.error.code}`];
    return [];
  };
}

/** A check on the JSON report: the files were checked and got the same score. */
export function expectSameScore(a: string, b: string) {
  return (run: RunOutcome): string[] => {
    const files = run.report?.files ?? [];
    const first = files.find((file) => file.path === a);
    const second = files.find((file) => file.path === b);
    if (!run.report || !first || !second) return [];
    if (second.error) return [`${b}: ${second.error.code} (${second.error.message.slice(0, 40)})`];
    if (first.score !== second.score) return [`score ${second.score} instead of ${first.score}`];
    return [];
  };
}
