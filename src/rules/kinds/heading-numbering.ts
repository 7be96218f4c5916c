// Kind `heading-numbering`: heading numbers count up and levels nest (GB/T 9704 7.3.3: 一、 ⊃
// （一） ⊃ 1. ⊃ （1））.
//
// Checks (no options):
//   sequence  — siblings count 1, 2, 3… : gaps, repeats, numbers going back; （一） restarts
//               under each 一、; Arabic 1. and （1） may restart or continue across parents (both
//               are seen in real reports)
//   hierarchy — no lower-level heading before the first 一、; no （1） without a 1. above it.
//               A 1. directly under 一、 (no （一）) is accepted: GB/T 9704 lets short documents use
//               fewer levels, and real reports do
//
// Example: 一、 二、 四、 gives "序号跳号：“二、”之后是“四、”，缺少“三、”".

import type { Heading, Section } from '../../parse/document.js';
import type { MessageData } from '../../shared/results.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RawFinding, RuleKind } from '../types.js';
import { markerFor } from './shared/heading-markers.js';
import { problemOutcome } from './shared/outcomes.js';
import { withinRanges } from './shared/ranges.js';

export const headingNumberingKind: RuleKind = {
  name: 'heading-numbering',
  description: '标题序号连续（不跳号、不重复、不倒退）且层级正确',
  nature: 'problem',
  scoped: true,
  options: {},
  messages: {
    gap: '序号跳号：“{previous}”之后是“{marker}”，缺少“{expected}”',
    firstGap: '序号应从“{expected}”开始，这里是“{marker}”',
    repeat: '序号重复：“{marker}”与第{line}行的序号相同，应为“{expected}”',
    backwards: '序号倒退：“{previous}”之后是“{marker}”，应为“{expected}”',
    beforeTop: '“{marker}”出现在第一个一级标题之前，层级不对',
    skippedLevel: '“{marker}”属第四层，上面缺少“1.”式的第三层标题',
    clean: '标题序号与层级规范',
    summary: '{count}处标题序号或层级问题',
  },
  compile() {
    return new HeadingNumberingCheck();
  },
};

class HeadingNumberingCheck implements CompiledCheck {
  check(context: CheckContext): CheckOutcome {
    const sections = withinRanges(context.doc.sections, context.ranges, (section) => section.heading.start);
    return problemOutcome(context, [
      ...sequenceFindings(context, sections),
      ...hierarchyFindings(context, sections),
    ]);
  }
}

/** Siblings (same parent, same level) must count up by one. */
function sequenceFindings(context: CheckContext, sections: readonly Section[]): RawFinding[] {
  const findings: RawFinding[] = [];
  const groups = new Map<string, Section[]>();
  for (const section of sections) {
    if (section.heading.ordinal === null) continue;
    const key = `${section.parent ?? 'top'}:${section.heading.level}`;
    const group = groups.get(key);
    if (group) group.push(section);
    else groups.set(key, [section]);
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
          findings.push(at(heading, 'firstGap', { marker: heading.marker, expected: markerFor(heading, 1) }));
      } else if (ordinal === (previous.ordinal as number)) {
        findings.push(
          at(heading, 'repeat', {
            marker: heading.marker,
            line: previous.line,
            expected: markerFor(heading, expected),
          }),
        );
      } else if (ordinal < expected) {
        findings.push(
          at(heading, 'backwards', {
            previous: previous.marker,
            marker: heading.marker,
            expected: markerFor(heading, expected),
          }),
        );
      } else if (ordinal > expected) {
        findings.push(
          at(heading, 'gap', {
            previous: previous.marker,
            marker: heading.marker,
            expected: markerFor(heading, expected),
          }),
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
      findings.push(at(heading, 'beforeTop', { marker: heading.marker }));
      continue;
    }
    const parent = section.parent === null ? null : doc.sections[section.parent];
    if (heading.level === 4 && parent && parent.heading.level < 3)
      findings.push(at(heading, 'skippedLevel', { marker: heading.marker }));
  }
  return findings;
}

function at(heading: Heading, messageId: string, data: MessageData): RawFinding {
  return { start: heading.start, end: heading.end, messageId, data };
}
