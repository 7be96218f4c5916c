// Kind `section`: a required part of the report exists.
//
// Options
//   headings:   patterns a heading title must match (by meaning: 存在的问题|不足|短板 …); they may
//               name {year}, {nextYear} or {previousYear} of the report
//   levels:     heading levels that count (default [1, 2])
//   content:    fallback when no heading matches: patterns that must all occur in one paragraph;
//               or a list of such lists, any one of which is enough (第一责任人 named, or a leader
//               with the duties of one)
//   thematic:   { minHeadings, before? } — the part may instead be spread over at least N level-1
//               headings that belong to no other located section and come before the first of the
//               `before` parts (default: every other part; thematic reports: 一、强化组织领导 …)
//   others:     ids of the other section rules: a heading one of them took is not this part's,
//               content inside them does not count, and thematic headings must not belong to them
//   placeBefore: section rule ids this part should come before (where the missing part goes)
//   placeAt:    where the missing part goes when none of `placeBefore` was found: 'end' (default) or
//               'start' (the main part: before the first level-1 heading, after the opening)
//   suggestedHeading: the heading to recommend
//   minChars:   minimum Han characters of the part
//   noHeadingCredit: fraction earned when the content is found without a heading (default 0.5)
//
// Example: headings ['存在的?(主要)?(问题|不足)'] passes "二、存在的问题" and fails a report
// that goes straight from 成效 to 下一步.

import type { Paragraph, ReportDocument, Section } from '../../parse/document.js';
import type {
  CheckContext,
  CheckOutcome,
  CompiledCheck,
  LocatedSection,
  RawFinding,
  RuleKind,
  RuleSpec,
} from '../types.js';
import { testAny } from './shared/patterns.js';
import { countHan, foldedSlice } from './shared/ranges.js';
import { compileYearPatterns, type YearPatterns } from './shared/year-patterns.js';

interface SectionOptions {
  readonly headings: readonly string[];
  readonly levels?: readonly number[];
  readonly content?: readonly string[] | ReadonlyArray<readonly string[]>;
  readonly thematic?: { readonly minHeadings: number; readonly before?: readonly string[] };
  readonly others?: readonly string[];
  readonly placeBefore?: readonly string[];
  readonly placeAt?: 'start' | 'end';
  readonly suggestedHeading?: string;
  readonly minChars?: number;
  readonly noHeadingCredit?: number;
}

export const sectionKind: RuleKind = {
  name: 'section',
  description: '必备部分：按标题（同义表述）识别，找不到标题时按内容关键词识别',
  nature: 'requirement',
  scoped: false,
  primaryMessage: 'missing',
  options: {
    headings: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 1,
      description: '标题须匹配的正则（任一）',
    },
    levels: {
      type: 'array',
      items: { enum: [1, 2, 3, 4] },
      minItems: 1,
      description: '计入的标题层级，默认 [1, 2]',
    },
    content: {
      description: '无标题时：同一段落中须全部出现的正则；或若干组这样的正则，满足任一组即可',
      oneOf: [
        { type: 'array', items: { type: 'string', minLength: 1 } },
        {
          type: 'array',
          items: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
        },
      ],
    },
    thematic: {
      type: 'object',
      properties: {
        minHeadings: { type: 'integer', minimum: 1 },
        before: {
          type: 'array',
          items: { type: 'string' },
          description: '主题标题须位于这些部分之前（默认：其他全部部分）',
        },
      },
      required: ['minHeadings'],
      additionalProperties: false,
      description: '也可由至少 N 个不属于其他部分的一级主题标题构成',
    },
    others: { type: 'array', items: { type: 'string' }, description: '其他 section 规则的 id' },
    placeBefore: { type: 'array', items: { type: 'string' }, description: '本部分应位于这些部分之前' },
    placeAt: {
      enum: ['start', 'end'],
      description:
        '缺失且 placeBefore 的部分都没有找到时，建议的位置：end（正文末尾，默认）或 start（第一个一级标题之前）',
    },
    suggestedHeading: { type: 'string', description: '建议的标题' },
    minChars: { type: 'integer', minimum: 1, description: '最少汉字数' },
    noHeadingCredit: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: '仅有内容、无标题时的得分比例，默认 0.5',
    },
  },
  required: ['headings'],
  messages: {
    found: '第{line}行“{heading}”',
    foundThematic: '由{count}个主题标题构成（第{lines}行）',
    missing: '未找到“{title}”部分',
    missingWhere: '缺少“{title}”：建议在本行之前增加标题“{suggested}”',
    missingAtEnd: '缺少“{title}”：建议在正文末尾增加标题“{suggested}”',
    missingAtStart: '缺少“{title}”：建议在正文开头（导语之后）增加标题“{suggested}”',
    noHeading: '“{title}”的内容在第{line}行，但没有单独的标题',
    noHeadingWhere: '这里写到了“{title}”的内容，但没有单独标题；建议增设标题“{suggested}”',
    tooShort: '“{title}”部分只有{chars}个汉字，少于{min}个',
  },
  references(rule) {
    const options = rule as RuleSpec & SectionOptions;
    const lists = (['others', 'placeBefore'] as const).flatMap((key) =>
      (options[key] ?? []).map((id, i) => ({ id, path: [key, i] })),
    );
    const before = (options.thematic?.before ?? []).map((id, i) => ({ id, path: ['thematic', 'before', i] }));
    return [...lists, ...before];
  },
  compile(rule, problem, env) {
    const options = rule as RuleSpec & SectionOptions;
    const headings = compileYearPatterns(options.headings, ['headings'], problem, env, 'u');
    const content = contentSets(options.content).map((set, i, sets) =>
      compileYearPatterns(set, sets.length > 1 ? ['content', i] : ['content'], problem, env, 'u'),
    );
    if (!headings || content.some((set) => set === null)) return null;
    return new SectionCheck(options, headings, content as YearPatterns[]);
  },
};

class SectionCheck implements CompiledCheck {
  private readonly levels: ReadonlySet<number>;

  constructor(
    private readonly options: SectionOptions & RuleSpec,
    private readonly headings: YearPatterns,
    private readonly content: readonly YearPatterns[],
  ) {
    this.levels = new Set(options.levels ?? [1, 2]);
  }

  check(context: CheckContext): CheckOutcome {
    return (
      this.byHeading(context) ??
      this.byThematicHeadings(context) ??
      this.byContent(context) ??
      this.missing(context)
    );
  }

  private get suggested(): string {
    return this.options.suggestedHeading ?? this.options.title;
  }

  /** A heading of a counted level whose title matches, and that no other part took. */
  private byHeading(context: CheckContext): CheckOutcome | null {
    const { doc } = context;
    const headings = this.headings.forYear(doc.identity.year);
    const taken = new Set(this.otherSections(context).map((section) => section.start));
    const section = doc.sections.find(
      (candidate) =>
        this.levels.has(candidate.heading.level) &&
        !taken.has(candidate.start) &&
        testAny(headings, foldedTitle(doc, candidate)),
    );
    return section ? this.found(context, section) : null;
  }

  /** A topical report: the part spread over level-1 headings that belong to no other part. */
  private byThematicHeadings(context: CheckContext): CheckOutcome | null {
    const thematic = this.thematicSections(context);
    if (!thematic) return null;
    const first = thematic[0] as Section;
    const last = thematic.at(-1) as Section;
    return {
      fraction: 1,
      messageId: 'foundThematic',
      data: { count: thematic.length, lines: thematic.map((section) => section.heading.line).join('、') },
      findings: [],
      evidence: thematic.map((section) => ({
        start: section.heading.start,
        end: section.heading.end,
        label: '主题标题',
      })),
      located: { start: first.start, end: last.end, hasHeading: true, line: first.heading.line },
    };
  }

  /** The content without a heading of its own: a paragraph outside the other parts matching every pattern. */
  private byContent(context: CheckContext): CheckOutcome | null {
    const { doc } = context;
    const sets = this.content.map((set) => set.forYear(doc.identity.year)).filter((set) => set.length > 0);
    if (sets.length === 0) return null;
    const elsewhere = this.otherSections(context);
    const paragraph = doc.paragraphs.find(
      (p) =>
        !elsewhere.some((s) => s.start <= p.start && p.start < s.end) &&
        sets.some((set) => matchesAll(doc, p, set)),
    );
    if (!paragraph) return null;
    const container = paragraph.section === null ? null : doc.sections[paragraph.section];
    const suggested = this.suggested;
    return {
      fraction: this.options.noHeadingCredit ?? 0.5,
      messageId: 'noHeading',
      data: { line: paragraph.line },
      findings: [
        {
          start: paragraph.start,
          end: Math.min(paragraph.end, paragraph.start + 40),
          messageId: 'noHeadingWhere',
          data: { line: paragraph.line, suggested },
          suggestion: suggested,
        },
      ],
      evidence: [{ start: paragraph.start, end: paragraph.end, label: '相关内容' }],
      located: {
        start: container?.start ?? paragraph.start,
        end: container?.end ?? paragraph.end,
        hasHeading: false,
        line: paragraph.line,
      },
    };
  }

  /**
   * Not found: point where the part belongs — before the part it precedes; when none of them was
   * found, at the end, or (placeAt: start) before the first level-1 heading or at the body start.
   */
  private missing(context: CheckContext): CheckOutcome {
    const { doc } = context;
    const suggested = this.suggested;
    const before = this.insertionPoint(context);
    const comesFirst = this.options.placeAt === 'start';
    const firstHeading = doc.headings.find((heading) => heading.level === 1);
    let finding: RawFinding;
    if (before) {
      finding = {
        start: before.start,
        end: before.end,
        messageId: 'missingWhere',
        data: { line: before.line, suggested },
        suggestion: suggested,
      };
    } else if (comesFirst && firstHeading) {
      finding = {
        start: firstHeading.start,
        end: firstHeading.end,
        messageId: 'missingWhere',
        data: { line: firstHeading.line, suggested },
        suggestion: suggested,
      };
    } else if (comesFirst) {
      const at = doc.body.start;
      finding = {
        start: at,
        end: at,
        messageId: 'missingAtStart',
        data: { suggested },
        suggestion: suggested,
      };
    } else {
      const at = doc.body.end;
      finding = { start: at, end: at, messageId: 'missingAtEnd', data: { suggested }, suggestion: suggested };
    }
    return { fraction: 0, messageId: 'missing', findings: [finding], located: null };
  }

  private found(context: CheckContext, section: Section): CheckOutcome {
    const { doc } = context;
    const heading = section.heading;
    const located: LocatedSection = {
      start: section.start,
      end: section.end,
      hasHeading: true,
      line: heading.line,
    };
    const evidence = [{ start: heading.start, end: heading.end, label: '标题' }];
    const min = this.options.minChars;
    const chars = min ? countHan(doc.text.slice(heading.end, section.end)) : 0;
    if (min && chars < min) {
      return {
        fraction: 0.5,
        messageId: 'tooShort',
        data: { chars, min },
        findings: [{ start: heading.start, end: heading.end, messageId: 'tooShort', data: { chars, min } }],
        evidence,
        located,
      };
    }
    return {
      fraction: 1,
      messageId: 'found',
      data: { line: heading.line, heading: `${heading.marker}${heading.title}` },
      findings: [],
      evidence,
      located,
    };
  }

  /** Level-1 sections before the first of the `before` parts (default: every other part) that belong to no other part. */
  private thematicSections(context: CheckContext): Section[] | null {
    const minimum = this.options.thematic?.minHeadings;
    if (!minimum) return null;
    const others = this.otherSections(context);
    const limits = this.options.thematic?.before
      ? this.located(context, this.options.thematic.before)
      : others;
    const firstOther = Math.min(...limits.map((section) => section.start), Number.POSITIVE_INFINITY);
    const taken = new Set(others.map((section) => section.start));
    const candidates = context.doc.sections.filter(
      (section) => section.heading.level === 1 && section.start < firstOther && !taken.has(section.start),
    );
    return candidates.length >= minimum ? candidates : null;
  }

  /** The other parts of the report that were located under their own heading. */
  private otherSections(context: CheckContext): LocatedSection[] {
    return this.located(context, this.options.others ?? []);
  }

  /** The parts among `ids` that were located under their own heading. */
  private located(context: CheckContext, ids: readonly string[]): LocatedSection[] {
    return ids
      .map((id) => context.sections.get(id))
      .filter((section): section is LocatedSection => section?.hasHeading === true);
  }

  private insertionPoint(context: CheckContext): { start: number; end: number; line: number } | null {
    const next = (this.options.placeBefore ?? [])
      .map((id) => context.sections.get(id))
      .filter((section): section is LocatedSection => section?.hasHeading === true)
      .sort((a, b) => a.start - b.start)[0];
    if (!next) return null;
    const heading = context.doc.headings.find((h) => h.start >= next.start);
    return { start: next.start, end: heading?.end ?? next.start, line: next.line };
  }
}

/** The content option as a list of pattern sets (a flat list is one set). */
function contentSets(content: SectionOptions['content']): Array<readonly string[]> {
  if (!content || content.length === 0) return [];
  return content.every((entry) => typeof entry === 'string')
    ? [content as readonly string[]]
    : (content as ReadonlyArray<readonly string[]>).map((set) => (typeof set === 'string' ? [set] : set));
}

function matchesAll(doc: ReportDocument, paragraph: Paragraph, patterns: readonly RegExp[]): boolean {
  const folded = foldedSlice(doc, paragraph);
  return patterns.every((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(folded);
  });
}

function foldedTitle(doc: ReportDocument, section: Section): string {
  return foldedSlice(doc, { start: section.heading.titleStart, end: section.heading.end });
}
