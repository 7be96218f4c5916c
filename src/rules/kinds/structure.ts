// Kind `structure`: heading numbering and hierarchy (GB/T 9704 7.3.3: 一、 ⊃ （一） ⊃ 1. ⊃ （1）)
// and the order of the report's parts.
//
// Options
//   checks: which heading checks to run (default none when `order` is given, else all):
//     sequence  — siblings count 1, 2, 3… : gaps, repeats, numbers going back; （一） restarts
//                 under each 一、; Arabic 1. and （1） may restart or continue across parents (both
//                 are seen in real reports)
//     hierarchy — no lower-level heading before the first 一、; no （1） without a 1. above it.
//                 A 1. directly under 一、 (no （一）) is accepted: GB/T 9704 lets short documents
//                 use fewer levels, and real reports do
//     marker    — 一、 (not 一. 一，), nothing after （一） or （1）, 1. (not 1、); half-width (一) is
//                 accepted as the same level (mixed widths are another rule's concern)
//     trailing  — no ： at the end of a heading line; no 。 at the end of a 一、 heading line
//                 (a run-in （一）强化组织领导。 ends its heading with 。 legitimately)
//   order:  section rule ids in their required order; located parts (with a heading) must appear
//           in that order. Parts not found are ignored (other rules report them).
//
// Example: 一、 二、 四、 gives "序号跳号：“二、”之后是“四、”，缺少“三、”".

import type { Heading, Section } from '../../parse/document.js';
import { foldString } from '../../text/fold-text.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RawFinding, RuleKind, RuleSpec } from '../types.js';
import { problemOutcome } from './kind-helpers.js';

type HeadingCheck = 'sequence' | 'hierarchy' | 'marker' | 'trailing';

interface StructureOptions {
  readonly checks?: readonly HeadingCheck[];
  readonly order?: readonly string[];
}

const CN_NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const ALL_CHECKS: readonly HeadingCheck[] = ['sequence', 'hierarchy', 'marker', 'trailing'];

// Correct markers by level, on the folded marker (（一） folds to (一)).
const CORRECT_MARKER: Readonly<Record<number, RegExp>> = {
  1: /^[一二三四五六七八九十]+、$/u,
  2: /^\([一二三四五六七八九十]+\)$/u,
  3: /^\d+\.$/u,
  4: /^(?:\(\d+\)|[①-⑳⑴-⒇])$/u,
};

export const structureKind: RuleKind = {
  name: 'structure',
  description: '标题编号与层级（跳号、重复、越级、序号标点、标题末尾标点）及各部分的先后顺序',
  nature: 'problem',
  options: {
    checks: {
      type: 'array',
      items: { enum: [...ALL_CHECKS] },
      uniqueItems: true,
      description: 'sequence 序号连续；hierarchy 层级；marker 序号标点；trailing 标题末尾标点',
    },
    order: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 2,
      uniqueItems: true,
      description: '应依次出现的 section 规则 id',
    },
  },
  messages: {
    gap: '序号跳号：“{previous}”之后是“{marker}”，缺少“{expected}”',
    firstGap: '序号应从“{expected}”开始，这里是“{marker}”',
    repeat: '序号重复：“{marker}”与第{line}行的序号相同，应为“{expected}”',
    backwards: '序号倒退：“{previous}”之后是“{marker}”，应为“{expected}”',
    beforeTop: '“{marker}”出现在第一个一级标题之前，层级不对',
    skippedLevel: '“{marker}”属第四层，上面缺少“1.”式的第三层标题',
    marker: '标题序号“{marker}”应写作“{expected}”',
    trailingColon: '标题末尾不加“{mark}”',
    trailingPeriod: '一级标题末尾不加“。”',
    order: '“{part}”应放在“{previous}”（第{previousLine}行）之后',
    clean: '标题编号与层级规范',
    summary: '{count}处结构问题',
  },
  compile(rule, problem) {
    const options = rule as RuleSpec & StructureOptions;
    if ((options.checks ?? []).length === 0 && options.order === undefined && options.checks !== undefined) {
      problem(['checks'], 'checks 为空且未给出 order，本规则什么也不检查');
      return null;
    }
    return new StructureCheck(options);
  },
};

class StructureCheck implements CompiledCheck {
  private readonly checks: ReadonlySet<HeadingCheck>;

  constructor(private readonly options: RuleSpec & StructureOptions) {
    this.checks = new Set(options.checks ?? (options.order ? [] : ALL_CHECKS));
  }

  check(context: CheckContext): CheckOutcome {
    const { doc } = context;
    const findings: RawFinding[] = [];
    const headings = doc.headings.filter((heading) => inRanges(heading, context));
    const sections = doc.sections.filter((section) => inRanges(section.heading, context));
    if (this.checks.has('sequence')) findings.push(...sequenceFindings(context, sections));
    if (this.checks.has('hierarchy')) findings.push(...hierarchyFindings(context, sections));
    if (this.checks.has('marker')) findings.push(...markerFindings(context, headings));
    if (this.checks.has('trailing')) findings.push(...trailingFindings(context, headings));
    if (this.options.order) findings.push(...this.orderFindings(context));
    return problemOutcome(context, findings);
  }

  private orderFindings(context: CheckContext): RawFinding[] {
    const { doc } = context;
    const findings: RawFinding[] = [];
    let latest: { start: number; heading: Heading | undefined } | null = null;
    for (const id of this.options.order ?? []) {
      const part = context.sections.get(id);
      if (!part?.hasHeading) continue;
      const heading = doc.headings.find((h) => h.start >= part.start);
      if (latest && part.start < latest.start) {
        findings.push({
          start: heading?.start ?? part.start,
          end: heading?.end ?? part.start,
          message: context.message('order', {
            part: headingText(heading),
            previous: headingText(latest.heading),
            previousLine: latest.heading?.line ?? part.line,
          }),
        });
        continue;
      }
      latest = { start: part.start, heading };
    }
    return findings;
  }
}

function headingText(heading: Heading | undefined): string {
  return heading ? `${heading.marker}${heading.title}` : '';
}

function inRanges(heading: Heading, context: CheckContext): boolean {
  return context.ranges.some((range) => range.start <= heading.start && heading.start < range.end);
}

/** Siblings (same parent, same level) must count up by one. */
function sequenceFindings(context: CheckContext, sections: readonly Section[]): RawFinding[] {
  const findings: RawFinding[] = [];
  const groups = new Map<string, Section[]>();
  for (const section of sections) {
    if (section.heading.ordinal === null) continue;
    const key = `${section.parent ?? 'top'}:${section.heading.level}`;
    groups.set(key, [...(groups.get(key) ?? []), section]);
  }
  // The last ordinal of each level under each grandparent, for Arabic numbers that continue.
  const continued = new Map<string, number>();
  for (const siblings of groups.values()) {
    const first = siblings[0] as Section;
    const level = first.heading.level;
    const grandparent = first.parent === null ? null : (context.doc.sections[first.parent]?.parent ?? null);
    const continueKey = `${grandparent ?? 'top'}:${level}`;
    const canContinue = level >= 3 && continued.has(continueKey);
    let previous: Heading | null = null;
    let expected = 1;
    for (const section of siblings) {
      const heading = section.heading;
      const ordinal = heading.ordinal as number;
      if (previous === null) {
        const continuation = canContinue ? (continued.get(continueKey) as number) + 1 : null;
        if (ordinal !== 1 && ordinal !== continuation)
          findings.push(
            at(
              heading,
              context.message('firstGap', { marker: heading.marker, expected: markerFor(heading, 1) }),
            ),
          );
      } else if (ordinal === (previous.ordinal as number)) {
        findings.push(
          at(
            heading,
            context.message('repeat', {
              marker: heading.marker,
              line: previous.line,
              expected: markerFor(heading, expected),
            }),
          ),
        );
      } else if (ordinal < expected) {
        findings.push(
          at(
            heading,
            context.message('backwards', {
              previous: previous.marker,
              marker: heading.marker,
              expected: markerFor(heading, expected),
            }),
          ),
        );
      } else if (ordinal > expected) {
        findings.push(
          at(
            heading,
            context.message('gap', {
              previous: previous.marker,
              marker: heading.marker,
              expected: markerFor(heading, expected),
            }),
          ),
        );
      }
      expected = Math.max(ordinal, expected) + 1;
      previous = heading;
    }
    continued.set(continueKey, (previous?.ordinal as number) ?? 0);
  }
  return findings;
}

/** Lower-level headings before the first 一、, and （1） without a 1. above it. */
function hierarchyFindings(context: CheckContext, sections: readonly Section[]): RawFinding[] {
  const { doc } = context;
  const firstTop = doc.headings.find((heading) => heading.level === 1);
  const findings: RawFinding[] = [];
  for (const section of sections) {
    const heading = section.heading;
    if (firstTop && heading.level > 1 && heading.start < firstTop.start && section.parent === null) {
      findings.push(at(heading, context.message('beforeTop', { marker: heading.marker })));
      continue;
    }
    const parent = section.parent === null ? null : doc.sections[section.parent];
    if (heading.level === 4 && parent && parent.heading.level < 3)
      findings.push(at(heading, context.message('skippedLevel', { marker: heading.marker })));
  }
  return findings;
}

/** Markers written the wrong way for their level. */
function markerFindings(context: CheckContext, headings: readonly Heading[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const heading of headings) {
    if (heading.ordinal === null || heading.marker === '') continue;
    const folded = foldString(heading.marker);
    if (CORRECT_MARKER[heading.level]?.test(folded)) continue;
    const expected = markerFor(heading, heading.ordinal);
    findings.push({
      start: heading.start,
      end: heading.start + heading.marker.length,
      message: context.message('marker', { marker: heading.marker, expected }),
      suggestion: expected,
    });
  }
  return findings;
}

/** A colon at the end of a heading line, or 。 at the end of a 一、 heading line. */
function trailingFindings(context: CheckContext, headings: readonly Heading[]): RawFinding[] {
  const { doc } = context;
  const findings: RawFinding[] = [];
  for (const heading of headings) {
    const line = doc.lines[heading.line - 1];
    if (!line) continue;
    const after = doc.text.slice(heading.end, line.end).trim();
    const mark = after.match(/^[：:。]+$/u)?.[0];
    if (!mark) continue;
    const isColon = mark[0] === '：' || mark[0] === ':';
    if (!isColon && heading.level !== 1) continue;
    const start = doc.text.indexOf(mark, heading.end);
    findings.push({
      start,
      end: start + mark.length,
      message: isColon
        ? context.message('trailingColon', { mark: mark[0] as string })
        : context.message('trailingPeriod'),
      suggestion: heading.title,
    });
  }
  return findings;
}

function at(heading: Heading, message: string): RawFinding {
  return { start: heading.start, end: heading.end, message };
}

/** The correctly written marker of a heading's level with another ordinal: 二、 （三） 4. （5）. */
function markerFor(heading: Heading, ordinal: number): string {
  const chinese = chineseNumeral(ordinal);
  switch (heading.level) {
    case 1:
      return `${chinese}、`;
    case 2:
      return `（${chinese}）`;
    case 3:
      return `${ordinal}.`;
    default:
      return `（${ordinal}）`;
  }
}

function chineseNumeral(n: number): string {
  if (n <= 10) return CN_NUMERALS[n] ?? String(n);
  if (n < 20) return `十${CN_NUMERALS[n - 10]}`;
  if (n < 100) return `${CN_NUMERALS[Math.floor(n / 10)]}十${CN_NUMERALS[n % 10]}`;
  return String(n);
}
