// Kind `heading-punctuation`: the marks around a heading — 一、 (not 一. 一，), nothing after
// （一） or （1）, 1. (not 1、); half-width (一) is accepted as the same level (mixed widths are
// another rule's concern); no ： at the end of a heading line, no 。 at the end of a 一、 line
// (a run-in （一）强化组织领导。 ends its heading with 。 legitimately).
//
// Example: "一.主要举措和成效" gives "标题序号“一.”应写作“一、”".

import type { Heading } from '../../parse/document.js';
import { foldString } from '../../text/fold-text.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RawFinding, RuleKind } from '../types.js';
import { markerFor } from './shared/heading-markers.js';
import { problemOutcome } from './shared/outcomes.js';
import { withinRanges } from './shared/ranges.js';

// Correct markers by level, on the folded marker (（一） folds to (一)).
const CORRECT_MARKER: Readonly<Record<number, RegExp>> = {
  1: /^[一二三四五六七八九十]+、$/u,
  2: /^\([一二三四五六七八九十]+\)$/u,
  3: /^\d+\.$/u,
  4: /^(?:\(\d+\)|[①-⑳⑴-⒇])$/u,
};

export const headingPunctuationKind: RuleKind = {
  name: 'heading-punctuation',
  description: '标题序号后的标点（一、 （一） 1. （1））与标题末尾标点',
  nature: 'problem',
  scoped: true,
  options: {},
  messages: {
    marker: '标题序号“{marker}”应写作“{expected}”',
    trailingColon: '标题末尾不加“{mark}”',
    trailingPeriod: '一级标题末尾不加“。”',
    clean: '标题标点规范',
    summary: '{count}处标题标点问题',
  },
  compile() {
    return new HeadingPunctuationCheck();
  },
};

class HeadingPunctuationCheck implements CompiledCheck {
  check(context: CheckContext): CheckOutcome {
    const headings = withinRanges(context.doc.headings, context.ranges, (heading) => heading.start);
    return problemOutcome(context, [...markerFindings(headings), ...trailingFindings(context, headings)]);
  }
}

/** Markers written the wrong way for their level. */
function markerFindings(headings: readonly Heading[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const heading of headings) {
    if (heading.ordinal === null || heading.marker === '') continue;
    const folded = foldString(heading.marker);
    if (CORRECT_MARKER[heading.level]?.test(folded)) continue;
    const expected = markerFor(heading, heading.ordinal);
    findings.push({
      start: heading.start,
      end: heading.start + heading.marker.length,
      messageId: 'marker',
      data: { marker: heading.marker, expected },
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
      ...(isColon
        ? { messageId: 'trailingColon', data: { mark: mark[0] as string } }
        : { messageId: 'trailingPeriod' }),
      suggestion: heading.title,
    });
  }
  return findings;
}
