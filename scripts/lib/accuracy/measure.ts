// The measurement: fzcheck's answers for each corpus file against its hand labels, per field, with
// every miss. Findings on the last line of an excerpt cut mid-sentence are left out everywhere
// (the cut, not the report, makes that line incomplete).

import { sameSubject, sameTitle } from './compare.js';
import { type CorpusEntry, type LabelledHeading, lastTextLine } from './corpus.js';
import type { CheckedFile, CheckedFinding } from './run-fzcheck.js';

/** The fields measured as "right out of total". */
export const FIELDS = [
  'title',
  'year',
  'subject',
  'subjectType',
  'publishedAt',
  'kind',
  'headings',
  'chromeLines',
] as const;
export type Field = (typeof FIELDS)[number];

/** One wrong answer: which file (and line, for per-line fields), what the label says, what fzcheck said. */
export interface Miss {
  readonly id: string;
  readonly line?: number;
  readonly expected: string;
  readonly got: string;
}

/** Right answers out of all labelled ones, and the misses. */
export interface FieldScore {
  readonly right: number;
  readonly total: number;
  readonly misses: readonly Miss[];
}

/** A finding of the packs whose precision is judged by hand (style, terms, consistency, noise). */
export interface JudgedFinding extends CheckedFinding {
  readonly id: string; // corpus file id
}

/** Everything one run measures. */
export interface Measurement {
  readonly fields: Readonly<Record<Field, FieldScore>>;
  readonly falseHeadings: readonly Miss[]; // detected headings no label accounts for
  readonly kindByNegativeType: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly judgedFindings: readonly JudgedFinding[];
}

/**
 * Rules whose subject is the page's publication metadata: they rightly point at the 发布日期 line
 * (late or undated publication), so their findings there do not count against reading it as chrome.
 */
export const METADATA_RULES = ['timeliness/publication-deadline'] as const;

/**
 * The corpus's negative_type for each fzcheck kind of look-alike, where the two name sets differ:
 * the corpus counts half-year and other work summaries under `other`.
 */
const NEGATIVE_TYPE_OF_KIND: Readonly<Record<string, string>> = { summary: 'other' };

/** Whether fzcheck's kind for a look-alike is the type the corpus gives it. */
export function kindMatchesNegativeType(kind: string, negativeType: string | null): boolean {
  return (NEGATIVE_TYPE_OF_KIND[kind] ?? kind) === negativeType;
}

/** Packs whose findings get a TRUE/FALSE verdict by hand. */
export const JUDGED_PACKS = ['style', 'terms', 'consistency', 'noise'] as const;

/** One labelled value and whether fzcheck got it right. */
interface Answer {
  readonly field: Field;
  readonly right: boolean;
  readonly miss: Miss;
}

/** Measures every field over the corpus. */
export function measure(
  entries: readonly CorpusEntry[],
  checked: ReadonlyMap<string, CheckedFile>,
): Measurement {
  type Tally = { right: number; total: number; misses: Miss[] };
  const fields = Object.fromEntries(
    FIELDS.map((field): [Field, Tally] => [field, { right: 0, total: 0, misses: [] }]),
  ) as Record<Field, Tally>;
  const falseHeadings: Miss[] = [];
  const kindByNegativeType = new Map<string, Map<string, number>>();
  const judgedFindings: JudgedFinding[] = [];

  for (const entry of entries) {
    const file = checked.get(entry.id);
    const usable = file && file.error === null && file.report && file.document ? file : null;
    const cutLine = entry.lastLineCut ? lastTextLine(entry) : 0;
    const findings = (file?.findings ?? []).filter((finding) => finding.line !== cutLine);
    const headings = judgeHeadings(entry, usable);
    falseHeadings.push(...headings.falseHeadings);
    const answers = [
      ...judgeIdentity(entry, usable),
      ...headings.answers,
      ...judgeChrome(entry, usable, findings),
    ];
    for (const { field, right, miss } of answers) {
      const tally = fields[field];
      tally.total++;
      if (right) tally.right++;
      else tally.misses.push(miss);
    }
    if (!entry.isReport) {
      const kind = usable?.report?.kind ?? '（无法检查）';
      const row = kindByNegativeType.get(entry.negativeType ?? '?') ?? new Map<string, number>();
      row.set(kind, (row.get(kind) ?? 0) + 1);
      kindByNegativeType.set(entry.negativeType ?? '?', row);
    }
    for (const finding of findings) {
      if ((JUDGED_PACKS as readonly string[]).includes(finding.ruleId.split('/')[0] ?? '')) {
        judgedFindings.push({ ...finding, id: entry.id });
      }
    }
  }
  return { fields, falseHeadings, kindByNegativeType, judgedFindings };
}

/** Title, year, subject, subject type, publication date and kind of one file. */
function judgeIdentity(entry: CorpusEntry, file: CheckedFile | null): Answer[] {
  const id = entry.id;
  const report = file?.report;
  if (!report) {
    const got = `（无法检查：${file?.error?.message ?? '没有结果'}）`;
    return IDENTITY_FIELDS.map((field) => ({ field, right: false, miss: { id, expected: '', got } }));
  }
  const nextLines = entry.titleLine ? entry.lines.slice(entry.titleLine, entry.titleLine + 3) : [];
  const answer = (field: Field, right: boolean, expected: unknown, got: unknown): Answer => ({
    field,
    right,
    miss: { id, expected: show(expected), got: show(got) },
  });
  return [
    answer('title', sameTitle(entry.title, report.title, nextLines), entry.title, report.title),
    answer(
      'year',
      report.year === entry.reportYear,
      entry.reportYear,
      `${show(report.year)}${report.yearSource ? `（${report.yearSource}）` : ''}`,
    ),
    answer('subject', sameSubject(entry.subject, report.subject), entry.subject, report.subject),
    answer('subjectType', report.subjectType === entry.subjectType, entry.subjectType, report.subjectType),
    answer('publishedAt', report.publishedAt === entry.publishedAt, entry.publishedAt, report.publishedAt),
    answer(
      'kind',
      (report.kind === 'annual-report') === entry.isReport,
      entry.isReport ? 'annual-report' : `不是 annual-report（${entry.negativeType}）`,
      report.kind,
    ),
  ];
}

const IDENTITY_FIELDS: readonly Field[] = ['title', 'year', 'subject', 'subjectType', 'publishedAt', 'kind'];

/** Each labelled heading of one file, and the detected headings no label accounts for. */
function judgeHeadings(
  entry: CorpusEntry,
  file: CheckedFile | null,
): { answers: Answer[]; falseHeadings: Miss[] } {
  const answers: Answer[] = [];
  const falseHeadings: Miss[] = [];
  for (const result of matchHeadings(entry.headings, file?.document?.headings ?? [])) {
    if (result.labelled) {
      const { line, level, text } = result.labelled;
      answers.push({
        field: 'headings',
        right: result.right,
        miss: { id: entry.id, line, expected: `${level} ${text}`, got: describeLine(entry, file, line) },
      });
    } else if (result.detected) {
      const { line, level, text } = result.detected;
      falseHeadings.push({
        id: entry.id,
        line,
        expected: entry.chromeLines.includes(line) ? '（页面杂质行）' : '（不是标题）',
        got: `${level} ${text}`,
      });
    }
  }
  return { answers, falseHeadings };
}

/** Each labelled chrome line of one file: read as chrome or metadata, and no finding points at it. */
function judgeChrome(
  entry: CorpusEntry,
  file: CheckedFile | null,
  findings: readonly CheckedFinding[],
): Answer[] {
  return entry.chromeLines.map((line) => {
    const isChrome = file?.document?.chromeLines.includes(line) ?? false;
    const targeted = findings.filter(
      (finding) => finding.line === line && !(METADATA_RULES as readonly string[]).includes(finding.ruleId),
    );
    const rules = [...new Set(targeted.map((finding) => finding.ruleId))].join('、');
    return {
      field: 'chromeLines',
      right: isChrome && targeted.length === 0,
      miss: {
        id: entry.id,
        line,
        expected: '页面杂质/元数据',
        got: isChrome ? `页面杂质，但有问题指向它：${rules}` : describeLine(entry, file, line),
      },
    };
  });
}

type DetectedHeading = NonNullable<CheckedFile['document']>['headings'][number];

interface HeadingMatch {
  readonly labelled: LabelledHeading | null;
  readonly detected: DetectedHeading | null;
  readonly right: boolean; // the labelled heading was found at its level
}

/**
 * Pairs labelled and detected headings line by line. A labelled heading is found when a detected
 * heading on its line has its level (`u`: any level); several headings on one line (pages without
 * line breaks) pair one to one, numbered levels first. A detected heading left on a labelled line
 * is that heading read at the wrong level (a miss, not a false heading); any other detected heading
 * no label accounts for is false.
 */
export function matchHeadings(
  labelled: readonly LabelledHeading[],
  detected: readonly DetectedHeading[],
): HeadingMatch[] {
  const free = [...detected];
  const take = (line: number, level: LabelledHeading['level']) => {
    const index = free.findIndex((h) => h.line === line && (level === 'u' || h.level === level));
    return index < 0 ? null : free.splice(index, 1)[0]!;
  };
  const ordered = [...labelled.filter((h) => h.level !== 'u'), ...labelled.filter((h) => h.level === 'u')];
  const paired = ordered.map((h) => ({ labelled: h, detected: take(h.line, h.level) }));
  const matches: HeadingMatch[] = paired.map((pair) => {
    if (pair.detected) return { ...pair, right: true };
    return { labelled: pair.labelled, detected: take(pair.labelled.line, 'u'), right: false };
  });
  return [...matches, ...free.map((h) => ({ labelled: null, detected: h, right: false }))];
}

/** What fzcheck made of a line: title, chrome, a heading (with level) or body text. */
function describeLine(entry: CorpusEntry, file: CheckedFile | null, line: number): string {
  const document = file?.document;
  if (!document) return '（无法检查）';
  if (document.titleLine === line) return '标题';
  if (document.chromeLines.includes(line)) return '页面杂质';
  const headings = document.headings.filter((h) => h.line === line).map((h) => `${h.level}级标题`);
  if (headings.length > 0) return headings.join('、');
  return (entry.lines[line - 1] ?? '').trim() === '' ? '空行' : '正文';
}

function show(value: unknown): string {
  return value === null || value === undefined ? '（无）' : String(value);
}
