// Kind `deadline`: the report was published (doc.identity.publishedAt) by the deadline for its
// report year and subject type.
//
// Options
//   deadlines: a table; the first row whose `years` and `subjects` fit the report applies:
//              { years: {from, to}, subjects: [...], date: 'MM-DD', yearOffset: 1, label,
//                ambiguous: 'MM-DD' }
//              date is in the year N + yearOffset (default 1: the year after the report year N);
//              a publication on `ambiguous` (e.g. 04-01 for "4月1日之前") earns half and is
//              reported one level lower
//
// A province with earlier deadlines writes its own pack with a rule of this kind and puts its
// rows first, e.g. departments by 03-01:
//   deadlines:
//     - { years: { from: 2023 }, subjects: [department], date: '03-01', label: 次年3月1日前 }
//     - { years: { from: 2019 }, date: '03-31', ambiguous: '04-01', label: 次年4月1日前 }
// and turns the built-in timeliness/publication-deadline off in its config.
//
// Example: a 2020 report published 2021-03-16 passes (deadline 2021-03-31); one published
// 2021-04-15 fails "逾期15天"; one without a known date gets an info note 未能确定发布日期.
//
// Only a date the page states for the report itself (publishedAtSource `page`) can make it late.
// A repost's page date is when the copy went up: on time it proves the original was too, late it
// proves nothing (a note). A signature date (落款) is when the report was signed, not published:
// a note either way, which says so when the report was signed after the deadline.

import type { ReportDocument } from '../../parse/document.js';
import type { SubjectType } from '../../shared/subject-types.js';
import { SUBJECT_TYPES } from '../../shared/subject-types.js';
import { inYearSpan } from '../../shared/year-span.js';
import type { TextRange } from '../../text/text-range.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RuleKind, RuleSpec } from '../types.js';
import { trimmedLine } from './shared/ranges.js';

interface DeadlineRow {
  readonly years?: { readonly from?: number; readonly to?: number };
  readonly subjects?: readonly SubjectType[];
  readonly date: string; // MM-DD
  readonly yearOffset?: number;
  readonly label: string;
  readonly ambiguous?: string; // MM-DD
}

interface DeadlineOptions {
  readonly deadlines: readonly DeadlineRow[];
}

const MONTH_DAY = '^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const DAY_MS = 86_400_000;

export const deadlineKind: RuleKind = {
  name: 'deadline',
  description: '按报告年度和主体类型确定的公开期限：发布日期不得晚于期限',
  nature: 'problem',
  scoped: false,
  exceptions: false,
  options: {
    deadlines: {
      type: 'array',
      minItems: 1,
      description: '期限表，取第一条适用于报告年度和主体类型的',
      items: {
        type: 'object',
        properties: {
          years: {
            type: 'object',
            properties: { from: { type: 'integer', minimum: 2000 }, to: { type: 'integer', minimum: 2000 } },
            additionalProperties: false,
            description: '适用的报告年度',
          },
          subjects: {
            type: 'array',
            items: { enum: SUBJECT_TYPES },
            minItems: 1,
            description: '适用的主体类型（不写则全部）',
          },
          date: { type: 'string', pattern: MONTH_DAY, description: '期限（月-日，含当天）' },
          yearOffset: {
            type: 'integer',
            minimum: 0,
            maximum: 2,
            description: '期限在报告年度之后第几年，默认 1',
          },
          label: { type: 'string', minLength: 1, description: '期限的说法，如“次年4月1日前”' },
          ambiguous: { type: 'string', pattern: MONTH_DAY, description: '当天发布是否按时有歧义的日期' },
        },
        required: ['date', 'label'],
        additionalProperties: false,
      },
    },
  },
  required: ['deadlines'],
  messages: {
    onTime: '{published}发布，未超过“{label}”的期限（{deadline}）',
    late: '{published}发布，超过“{label}”的期限（{deadline}），逾期{days}天',
    ambiguous: '{published}发布：期限为“{label}”，当天发布是否算按时存在歧义，宜提前发布',
    unknownDate: '未能确定发布日期，无法检查是否按期公开（期限：{label}，即{deadline}）',
    repostLate:
      '{published}是转载页面的日期，不是报告本身的发布日期，不据此判断逾期；请核实原文的公开时间（期限：{label}，即{deadline}）',
    signedOnly:
      '页面没有注明发布日期，{published}是落款日期（成文日期），不是发布日期，无法检查是否按期公开（期限：{label}，即{deadline}）',
    signedLate:
      '页面没有注明发布日期；落款日期{published}已晚于“{label}”的期限（{deadline}），发布不会早于落款，请核实公开时间',
    unknownYear: '未能确定报告年度，无法确定公开期限',
    noDeadline: '没有适用于{year}年度本类主体的公开期限',
  },
  compile(rule, problem) {
    const options = rule as RuleSpec & DeadlineOptions;
    let ok = true;
    options.deadlines.forEach((row, i) => {
      for (const key of ['date', 'ambiguous'] as const) {
        const value = row[key];
        if (value !== undefined && !isCalendarDay(value)) {
          problem(['deadlines', i, key], `“${value}”不是有效的月-日`);
          ok = false;
        }
      }
    });
    return ok ? new DeadlineCheck(options.deadlines) : null;
  },
};

class DeadlineCheck implements CompiledCheck {
  constructor(private readonly rows: readonly DeadlineRow[]) {}

  check(context: CheckContext): CheckOutcome {
    const { doc } = context;
    const { year, subjectType, publishedAt, publishedAtSource } = doc.identity;
    if (year === null) return { fraction: 1, messageId: 'unknownYear', findings: [], skip: true };
    const row = this.rows.find((candidate) => fits(candidate, year, subjectType));
    if (!row) return { fraction: 1, messageId: 'noDeadline', data: { year }, findings: [], skip: true };
    const deadlineYear = year + (row.yearOffset ?? 1);
    const deadline = `${deadlineYear}-${row.date}`;
    const data = { label: row.label, deadline, published: publishedAt ?? '' };
    const at = dateAnchor(doc);
    if (publishedAt === null) {
      const finding = { ...at, messageId: 'unknownDate', data, level: 'info' } as const;
      return { fraction: 1, messageId: 'unknownDate', data, findings: [finding], skip: true };
    }
    const days = Math.round((Date.parse(publishedAt) - Date.parse(deadline)) / DAY_MS);
    if (publishedAtSource === 'signature') {
      // A signature on time says nothing against the report: the rule is skipped and says why,
      // with no finding (a draft is always in this case). One after the deadline is worth a note.
      if (days <= 0) return { fraction: 1, messageId: 'signedOnly', data, findings: [], skip: true };
      const finding = { ...at, messageId: 'signedLate', data, level: 'info' } as const;
      return { fraction: 1, messageId: 'signedLate', data, findings: [finding], skip: true };
    }
    if (days <= 0) return { fraction: 1, messageId: 'onTime', data: data, findings: [] };
    if (publishedAtSource === 'repost') {
      const finding = { ...at, messageId: 'repostLate', data, level: 'info' } as const;
      return { fraction: 1, messageId: 'repostLate', data, findings: [finding], skip: true };
    }
    if (row.ambiguous !== undefined && publishedAt === `${deadlineYear}-${row.ambiguous}`) {
      return {
        fraction: 0.5,
        messageId: 'ambiguous',
        data,
        findings: [{ ...at, messageId: 'ambiguous', data }],
      };
    }
    const late = { ...data, days };
    return {
      fraction: 0,
      messageId: 'late',
      data: late,
      findings: [{ ...at, messageId: 'late', data: late }],
    };
  }
}

function fits(row: DeadlineRow, year: number, subjectType: SubjectType | null): boolean {
  if (row.years && !inYearSpan(row.years, year)) return false;
  return !row.subjects || (subjectType !== null && row.subjects.includes(subjectType));
}

/** The line with the date used (the 落款 date, or the metadata line), else the title, else the body start. */
function dateAnchor(doc: ReportDocument): TextRange {
  const signed =
    doc.identity.publishedAtSource === 'signature'
      ? doc.lines.findLast(
          (candidate) => candidate.role === 'signature' && /日[)）]?\s*$/.test(candidate.text),
        )
      : undefined;
  const line =
    signed ??
    doc.lines.find(
      (candidate) => candidate.role === 'meta' && /(发布|发表|公开|更新|时间|日期)/.test(candidate.text),
    ) ??
    doc.lines.find((candidate) => candidate.role === 'title');
  return line ? trimmedLine(line) : { start: doc.body.start, end: doc.body.start };
}

function isCalendarDay(monthDay: string): boolean {
  const date = new Date(`2024-${monthDay}T00:00:00Z`); // a leap year accepts 02-29
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(5, 10) === monthDay;
}
