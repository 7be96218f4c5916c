// Last year's reports (--previous): one report to compare a single input with, or, for a folder,
// an index that pairs each of this year's reports with last year's report of the same unit —
// by the reporting unit (the detected subject, normalised: spaces and a trailing 人民政府、
// 管委会、办事处 dropped), else by the file name with years and the usual title words removed
// ("2022年度新蒲新区法治政府建设工作报告.docx" and "新蒲新区2023年报告.docx" both → 新蒲新区),
// matched against this year's unit or file name.
// The index is built once (each of last year's files parsed once, in this thread) and is plain
// data, so it crosses to the batch workers; each worker then parses only the report it needs.

import { basename, extname, resolve } from 'node:path';
import { type LoadOptions, loadFile } from '../load/load-source.js';
import type { ReportDocument } from '../parse/document.js';
import { parseDocument } from '../parse/parse-document.js';

/** Where last year's reports are. */
export type PreviousReports =
  | { readonly kind: 'file'; readonly path: string } // the one report every input is compared with
  | {
      readonly kind: 'index';
      readonly bySubject: Readonly<Record<string, string>>; // unit key → file
      readonly byName: Readonly<Record<string, string>>; // file-name key → file
    };

/** A file of last year's that could not be indexed, with the reason. */
export interface PreviousProblem {
  readonly path: string;
  readonly message: string;
}

/** Builds the index of last year's files (paths as given and as read). */
export async function indexPreviousReports(
  files: ReadonlyArray<{ readonly path: string; readonly file: string }>,
  options: LoadOptions,
): Promise<{ index: PreviousReports; problems: PreviousProblem[] }> {
  const bySubject: Record<string, string> = {};
  const byName: Record<string, string> = {};
  const problems: PreviousProblem[] = [];
  for (const { path, file } of files) {
    const name = nameKey(path);
    if (name && !(name in byName)) byName[name] = file;
    try {
      const source = await loadFile(file, options);
      const subject = parseDocument(source.text, source.meta).identity.subject;
      const key = subject ? unitKey(subject) : '';
      if (key && !(key in bySubject)) bySubject[key] = file;
    } catch (error) {
      problems.push({ path, message: (error as Error).message });
    }
  }
  return { index: { kind: 'index', bySubject, byName }, problems };
}

/** The file of last year's report for a report with this subject and path, or null. */
export function previousPathFor(
  previous: PreviousReports,
  subject: string | null,
  path: string,
): string | null {
  if (previous.kind === 'file') return previous.path;
  const unit = subject ? unitKey(subject) : null;
  const found =
    (unit ? (previous.bySubject[unit] ?? previous.byName[unit]) : undefined) ??
    previous.byName[nameKey(path)] ??
    null;
  // A report is never its own last year (the same folder given twice).
  return found !== null && resolve(found) === resolve(path) ? null : found;
}

/** Loads and parses last year's report; null when it cannot be read. */
export async function loadPrevious(file: string, options: LoadOptions): Promise<ReportDocument | null> {
  try {
    const source = await loadFile(file, options);
    return parseDocument(source.text, source.meta);
  } catch {
    return null;
  }
}

/** A unit's name as compared across years. */
export function unitKey(subject: string): string {
  return subject
    .replace(/\s+/g, '')
    .replace(/^中共/, '')
    .replace(/(人民政府|管理委员会|管委会|办事处)$/u, '');
}

/** A file name as compared across years: without years, digits and the words every title has. */
export function nameKey(path: string): string {
  return basename(path, extname(path))
    .replace(/\d+/g, '')
    .replace(/关于|年度|年|法治政府建设|法治建设|工作|情况|的|报告|总结/gu, '')
    .replace(/[\s_\-—.,，、（）()【】[\]《》]+/gu, '');
}
