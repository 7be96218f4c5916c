// Kind `section-order`: the report's parts come in the required order. Each part is located by a
// `section` rule; parts found under their own heading must appear in the listed order. Parts not
// found are ignored (their own rules report them).
//
// Options
//   order: section rule ids in their required order
//
// Example: order [measures, shortcomings, next-year-plan] flags "三、存在的问题" after "二、下一步工作打算".

import type { Heading } from '../../parse/document.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RawFinding, RuleKind, RuleSpec } from '../types.js';
import { problemOutcome } from './shared/outcomes.js';

interface SectionOrderOptions {
  readonly order: readonly string[];
}

export const sectionOrderKind: RuleKind = {
  name: 'section-order',
  description: '各部分（由 section 规则定位）的先后顺序',
  nature: 'problem',
  scoped: false,
  options: {
    order: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      minItems: 2,
      uniqueItems: true,
      description: '应依次出现的 section 规则 id',
    },
  },
  required: ['order'],
  messages: {
    order: '“{part}”应放在“{previous}”（第{previousLine}行）之后',
    clean: '各部分顺序正确',
    summary: '{count}处顺序问题',
  },
  references(rule) {
    return (rule as RuleSpec & SectionOrderOptions).order.map((id, i) => ({ id, path: ['order', i] }));
  },
  compile(rule) {
    return new SectionOrderCheck((rule as RuleSpec & SectionOrderOptions).order);
  },
};

class SectionOrderCheck implements CompiledCheck {
  constructor(private readonly order: readonly string[]) {}

  check(context: CheckContext): CheckOutcome {
    return problemOutcome(context, this.orderFindings(context));
  }

  private orderFindings(context: CheckContext): RawFinding[] {
    const { doc } = context;
    const findings: RawFinding[] = [];
    let latest: { start: number; heading: Heading | undefined } | null = null;
    for (const id of this.order) {
      const part = context.sections.get(id);
      if (!part?.hasHeading) continue;
      const heading = doc.headings.find((h) => h.start >= part.start);
      if (latest && part.start < latest.start) {
        findings.push({
          start: heading?.start ?? part.start,
          end: heading?.end ?? part.start,
          messageId: 'order',
          data: {
            part: headingText(heading),
            previous: headingText(latest.heading),
            previousLine: latest.heading?.line ?? part.line,
          },
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
