// Baselines for CI: the findings a repository has accepted for now (`--write-baseline`), so that
// `--baseline` fails a run only on findings that are new. A finding is keyed by its file, rule,
// message id, the part of the report it sits in (without the part's number) and a hash of its
// excerpt and data with line numbers taken out: a finding whose line moved, or whose part was
// renumbered, is still the same finding. Something missing (a requirement's finding) is pointed at
// wherever it would go, so its key is its rule, message and data only. Keys are counted, so a
// second identical finding is new.

import { crypto } from '../shared/lazy-modules.js';
import type { FileResult, Finding, RuleResult } from '../shared/results.js';

/** The baseline file's format version. */
export const BASELINE_VERSION = 1;

/** Default file name for --write-baseline. */
export const DEFAULT_BASELINE_FILE = 'fzcheck-baseline.json';

/** One accepted finding, as the file lists it (message and part for people reading it). */
export interface BaselineEntry {
  readonly ruleId: string;
  readonly messageId: string;
  readonly part: string;
  readonly fingerprint: string;
  readonly count: number;
  readonly message: string;
}

/** The accepted findings by file path. */
export interface Baseline {
  readonly version: number;
  readonly files: Readonly<Record<string, readonly BaselineEntry[]>>;
}

/** A baseline file that cannot be used, with the reason in Chinese. */
export class BaselineError extends Error {}

/** The baseline of a run's findings (files that could not be checked have none). */
export function baselineOf(files: readonly FileResult[]): Baseline {
  const out: Record<string, BaselineEntry[]> = {};
  for (const file of files) {
    const entries = new Map<string, BaselineEntry>();
    for (const result of file.results)
      for (const finding of result.findings) {
        const key = findingKey(finding, result.nature);
        const known = entries.get(key.id);
        entries.set(key.id, known ? { ...known, count: known.count + 1 } : { ...key.entry, count: 1 });
      }
    if (entries.size > 0) out[pathKey(file.path)] = [...entries.values()];
  }
  return { version: BASELINE_VERSION, files: out };
}

/** The baseline as the file stores it: stable order, one entry per line group. */
export function baselineText(baseline: Baseline): string {
  const files = Object.fromEntries(
    Object.entries(baseline.files)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, entries]) => [
        path,
        [...entries].sort(
          (a, b) =>
            compare(a.ruleId, b.ruleId) || compare(a.part, b.part) || compare(a.fingerprint, b.fingerprint),
        ),
      ]),
  );
  return `${JSON.stringify({ version: baseline.version, files }, null, 2)}\n`;
}

/** Reads a baseline file's text; throws BaselineError with a Chinese reason. */
export function parseBaseline(text: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BaselineError('不是有效的 JSON');
  }
  const files = (value as { files?: unknown })?.files;
  if ((value as { version?: unknown })?.version !== BASELINE_VERSION || !files || typeof files !== 'object')
    throw new BaselineError(`不是 fzcheck 的基线文件（应有 "version": ${BASELINE_VERSION} 和 "files"）`);
  for (const [path, entries] of Object.entries(files)) {
    const valid =
      Array.isArray(entries) &&
      entries.every(
        (entry) =>
          typeof entry?.ruleId === 'string' &&
          typeof entry.messageId === 'string' &&
          typeof entry.part === 'string' &&
          typeof entry.fingerprint === 'string' &&
          Number.isInteger(entry.count) &&
          entry.count > 0,
      );
    if (!valid) throw new BaselineError(`“${path}”的记录格式不对`);
  }
  return value as Baseline;
}

/** The files with each finding the baseline accepts marked `baseline: true` (as many as it counts). */
export function applyBaseline(files: readonly FileResult[], baseline: Baseline): FileResult[] {
  return files.map((file) => {
    const left = new Map<string, number>();
    for (const entry of baseline.files[pathKey(file.path)] ?? [])
      left.set(entryId(entry), (left.get(entryId(entry)) ?? 0) + entry.count);
    return {
      ...file,
      results: file.results.map((result) => ({
        ...result,
        findings: result.findings.map((finding) => {
          const id = findingKey(finding, result.nature).id;
          const count = left.get(id) ?? 0;
          if (count > 0) left.set(id, count - 1);
          return { ...finding, baseline: count > 0 };
        }),
      })),
    };
  });
}

function findingKey(
  finding: Finding,
  nature: RuleResult['nature'],
): { id: string; entry: Omit<BaselineEntry, 'count'> } {
  const placed = nature === 'problem';
  const entry = {
    ruleId: finding.ruleId,
    messageId: finding.messageId,
    part: placed ? partKey(finding.location.part) : '',
    fingerprint: fingerprint(finding, placed),
    message: withoutLines(finding.message),
  };
  return { id: entryId(entry), entry };
}

function entryId(entry: Pick<BaselineEntry, 'ruleId' | 'messageId' | 'part' | 'fingerprint'>): string {
  return [entry.ruleId, entry.messageId, entry.part, entry.fingerprint].join('\u0000');
}

/** A hash of what a finding says, not where: its excerpt (when `placed`) and data, line numbers
 * taken out. */
function fingerprint(finding: Finding, placed: boolean): string {
  const data = Object.entries(finding.data)
    .filter(([key]) => !/line/i.test(key))
    .sort(([a], [b]) => compare(a, b))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? withoutLines(value) : value}`);
  return crypto()
    .createHash('sha256')
    .update([placed ? withoutLines(finding.excerpt) : '', ...data].join('\u0000'))
    .digest('hex')
    .slice(0, 16);
}

/** A part's heading without its number: "二、存在的不足" and "三、存在的不足" are one part. */
function partKey(part: string | null): string {
  return (part ?? '').replace(/^\s*[（(]?[一二三四五六七八九十百零〇\d]+[)）]?[、.．,，\s]*/u, '').trim();
}

function withoutLines(text: string): string {
  return text.replace(/第\d+行/g, '第…行');
}

function pathKey(path: string): string {
  return path.replaceAll('\\', '/');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
