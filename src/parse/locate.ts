// Where an offset sits in the report's structure, in the words a Word user navigates by: the part
// (level-1 heading), the innermost heading, and the paragraph's number under that heading with
// its first words. Line numbers mean nothing in Word; this does.

import { memoByOwner } from '../shared/memo.js';
import type { FindingLocation } from '../shared/results.js';
import type { Heading, ReportDocument } from './document.js';

const FIRST_WORDS = 12;

// Per document: each paragraph's 1-based number among the paragraphs of its innermost section.
const ordinals = new WeakMap<ReportDocument, Map<'ordinals', Int32Array>>();

/** The location of an offset in the document. */
export function locate(doc: ReportDocument, offset: number): FindingLocation {
  const heading = headingAt(doc, offset);
  if (heading)
    return {
      ...partsOf(doc, sectionIndexOf(doc, heading)),
      paragraph: null,
      firstWords: words(headingText(heading)),
    };
  const paragraph = paragraphAt(doc, offset);
  if (!paragraph) return { part: null, heading: null, paragraph: null, firstWords: null };
  const numbers = memoByOwner(ordinals, doc, 'ordinals', () => paragraphOrdinals(doc));
  return {
    ...partsOf(doc, paragraph.section),
    paragraph: numbers[paragraph.index] ?? null,
    firstWords: words(paragraph.text),
  };
}

function partsOf(
  doc: ReportDocument,
  sectionIndex: number | null,
): Pick<FindingLocation, 'part' | 'heading'> {
  if (sectionIndex === null) return { part: null, heading: null };
  let section = doc.sections[sectionIndex];
  const innermost = section;
  while (section && section.parent !== null) section = doc.sections[section.parent];
  return {
    part: section ? headingText(section.heading) : null,
    heading: innermost ? headingText(innermost.heading) : null,
  };
}

function headingAt(doc: ReportDocument, offset: number): Heading | null {
  const index = lastStartingAtOrBefore(doc.headings, offset);
  const heading = index >= 0 ? doc.headings[index] : undefined;
  return heading && offset < heading.end ? heading : null;
}

function sectionIndexOf(doc: ReportDocument, heading: Heading): number | null {
  return doc.headings.indexOf(heading); // sections are built one per heading, in order
}

function paragraphAt(doc: ReportDocument, offset: number) {
  const index = lastStartingAtOrBefore(doc.paragraphs, offset);
  const paragraph = index >= 0 ? doc.paragraphs[index] : undefined;
  // An offset just after a paragraph (a missing full stop) still belongs to it.
  return paragraph && offset <= paragraph.end ? paragraph : null;
}

function paragraphOrdinals(doc: ReportDocument): Int32Array {
  const numbers = new Int32Array(doc.paragraphs.length);
  const counts = new Map<number | null, number>();
  for (const paragraph of doc.paragraphs) {
    const count = (counts.get(paragraph.section) ?? 0) + 1;
    counts.set(paragraph.section, count);
    numbers[paragraph.index] = count;
  }
  return numbers;
}

function lastStartingAtOrBefore(items: ReadonlyArray<{ readonly start: number }>, offset: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((items[mid] as { start: number }).start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

function headingText(heading: Heading): string {
  return `${heading.marker}${heading.title}`;
}

function words(text: string): string {
  // Two code units per character at most: the head is enough, a long paragraph is not copied.
  const chars = [...text.trim().slice(0, 2 * FIRST_WORDS + 2)];
  return chars.length > FIRST_WORDS ? `${chars.slice(0, FIRST_WORDS).join('')}…` : chars.join('');
}
