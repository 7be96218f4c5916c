// Whether a rule applies to a document (its kind, year and subject type) and which ranges of the
// text it reads (its scope).

import type { ReportDocument } from '../../parse/document.js';
import { memoByOwner } from '../../shared/memo.js';
import type { MessageData } from '../../shared/results.js';
import { inYearSpan } from '../../shared/year-span.js';
import type { TextRange } from '../../text/text-range.js';
import type { LocatedSection, RuleSpec } from '../types.js';

const REPORTS_ONLY = ['annual-report'];

/** Why a rule does not apply, as a message id and data; null when it applies. */
export function notApplicable(
  spec: RuleSpec,
  doc: ReportDocument,
): { messageId: string; data?: MessageData } | null {
  const { year, subjectType, kind } = doc.identity;
  if (!(spec.applies?.kinds ?? REPORTS_ONLY).includes(kind)) return { messageId: 'engine.notReport' };
  const years = spec.applies?.years;
  if (years && year !== null && !inYearSpan(years, year)) {
    return years.from !== undefined && year < years.from
      ? { messageId: 'engine.yearsFrom', data: { from: years.from } }
      : { messageId: 'engine.yearsTo', data: { to: years.to ?? '' } };
  }
  const subjects = spec.applies?.subjects;
  if (subjects && subjectType !== null && !subjects.includes(subjectType))
    return { messageId: 'engine.subjects' };
  return null;
}

/** The original-text ranges a rule reads, or what to do when its section is missing. */
export function scopeRanges(
  spec: RuleSpec,
  doc: ReportDocument,
  bodyRanges: readonly TextRange[],
  located: ReadonlyMap<string, LocatedSection>,
): readonly TextRange[] | 'skip' | 'fail' {
  const scope = spec.scope ?? 'document';
  if (scope === 'document') return bodyRanges;
  if (scope === 'headings') return rangesOf(doc, 'headings');
  if (scope === 'paragraphs') return rangesOf(doc, 'paragraphs');
  const excluded = (scope.exclude ?? [])
    .map((id) => located.get(id))
    .filter((part): part is LocatedSection => part?.hasHeading === true);
  if (!scope.section) return without(bodyRanges, excluded);
  const section = located.get(scope.section);
  if (section) return without(clip(bodyRanges, section), excluded);
  const fallback = scope.fallback ?? 'fail';
  return fallback === 'document' ? without(bodyRanges, excluded) : fallback;
}

// One array per document and scope: searches cache their folded slices by the ranges array.
const partRanges = new WeakMap<ReportDocument, Map<'headings' | 'paragraphs', readonly TextRange[]>>();

function rangesOf(doc: ReportDocument, parts: 'headings' | 'paragraphs'): readonly TextRange[] {
  return memoByOwner(partRanges, doc, parts, () => doc[parts].map(({ start, end }) => ({ start, end })));
}

/** The ranges with the excluded parts cut out. */
function without(ranges: readonly TextRange[], excluded: readonly TextRange[]): readonly TextRange[] {
  if (excluded.length === 0) return ranges;
  const out: TextRange[] = [];
  for (const range of ranges) {
    // Most ranges (body lines) touch no excluded part: kept as they are, without new arrays.
    if (!excluded.some((part) => part.end > range.start && part.start < range.end)) {
      out.push(range);
      continue;
    }
    let pieces: TextRange[] = [range];
    for (const part of excluded) {
      pieces = pieces.flatMap((piece) =>
        part.end <= piece.start || part.start >= piece.end
          ? [piece]
          : [
              { start: piece.start, end: Math.max(piece.start, part.start) },
              { start: Math.min(piece.end, part.end), end: piece.end },
            ].filter((rest) => rest.end > rest.start),
      );
    }
    out.push(...pieces);
  }
  return out;
}

function clip(ranges: readonly TextRange[], window: TextRange): TextRange[] {
  return ranges
    .map((range) => ({ start: Math.max(range.start, window.start), end: Math.min(range.end, window.end) }))
    .filter((range) => range.end > range.start);
}
