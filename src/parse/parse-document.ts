// SourceFile text → ReportDocument: lines and their roles, identity, headings, sections,
// paragraphs and sentences.

import type { SourceMeta } from '../load/source-file.js';
import type { ReportIdentity } from '../shared/results.js';
import type { SubjectType } from '../shared/subject-types.js';
import { foldText } from '../text/fold-text.js';
import { matchHeadingMarker, splitHeadingText } from '../text/heading-markers.js';
import { classifyLine, publishedAtOf, publisherOf } from '../text/line-classes.js';
import { PositionMap } from '../text/position-map.js';
import {
  kindOf,
  looksLikeTitle,
  subjectFromOpening,
  subjectFromSignature,
  subjectFromTitle,
  subjectTypeOf,
  yearFromBody,
  yearFromTitle,
} from './detect-identity.js';
import type { Heading, Line, Paragraph, ReportDocument, Section, Sentence } from './document.js';
import { splitSentences } from './split-sentences.js';

/** What the user said about the report, overriding detection. */
export interface ParseOverrides {
  readonly year?: number | undefined;
  readonly subjectType?: SubjectType | undefined;
}

// The title must come before the body starts; chrome and metadata may surround it.
const TITLE_SEARCH_LINES = 12;

/** Parses decoded report text (LF line ends) into the document model. */
export function parseDocument(
  text: string,
  meta: SourceMeta = {},
  overrides: ParseOverrides = {},
): ReportDocument {
  const rawLines = splitLines(text);
  const roles = rawLines.map((line) => (line.text.trim() === '' ? 'blank' : classifyLine(line.text)));

  let publishedAt = meta.publishedAt ?? null;
  let publisher = meta.publisher ?? null;
  rawLines.forEach((line, i) => {
    if (roles[i] !== 'meta') return;
    publishedAt ??= publishedAtOf(line.text);
    publisher ??= publisherOf(line.text);
  });

  const styledLevels = new Map((meta.headingLines ?? []).map((h) => [h.line, h.level]));
  const titleIndex = findTitle(rawLines, roles, styledLevels);

  const lines: Line[] = rawLines.map((line, i) => ({
    ...line,
    role:
      i === titleIndex
        ? 'title'
        : roles[i] === 'blank'
          ? 'blank'
          : roles[i] === 'meta'
            ? 'meta'
            : roles[i] === 'chrome'
              ? 'chrome'
              : 'body',
  }));

  const headings: Heading[] = [];
  const paragraphs: Paragraph[] = [];
  for (const line of lines) {
    if (line.role !== 'body') continue;
    const bodyFrom = readHeading(line, styledLevels.get(line.number), headings);
    addParagraph(text, line, bodyFrom, paragraphs);
  }

  const bodyLines = lines.filter((line) => line.role === 'body');
  const body = {
    start: bodyLines[0]?.start ?? text.length,
    end: bodyLines.at(-1)?.end ?? text.length,
  };
  const sections = buildSections(headings, body.end);
  for (const [i, paragraph] of paragraphs.entries()) {
    paragraphs[i] = { ...paragraph, section: innermostSection(sections, paragraph.start) };
  }
  // Sentences are split on first use: most runs never need them.
  let sentences: Sentence[] | null = null;
  const splitAll = (): Sentence[] =>
    paragraphs.flatMap((paragraph) =>
      splitSentences(text, paragraph.start, paragraph.end).map((range) => ({
        start: range.start,
        end: range.end,
        paragraph: paragraph.index,
        text: text.slice(range.start, range.end),
      })),
    );

  const title = titleIndex >= 0 ? (lines[titleIndex]?.text.trim() ?? null) : null;
  const opening = paragraphs
    .slice(0, 2)
    .map((p) => p.text)
    .join('\n');
  const identity: ReportIdentity = {
    title,
    titleLine: titleIndex >= 0 ? titleIndex + 1 : null,
    ...detectYear(title, opening, publishedAt, overrides.year),
    ...detectSubject(title, lines, opening, overrides.subjectType),
    kind: kindOf(title, paragraphs.map((p) => p.text).join('\n')),
    publishedAt,
    publisher,
  };

  return {
    text,
    folded: foldText(text),
    lines,
    identity,
    headings,
    sections,
    paragraphs,
    get sentences() {
      sentences ??= splitAll();
      return sentences;
    },
    body,
    positions: new PositionMap(text),
  };
}

function splitLines(text: string): Array<Omit<Line, 'role'>> {
  const result: Array<Omit<Line, 'role'>> = [];
  let start = 0;
  let number = 1;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    result.push({ number, start, end, text: text.slice(start, end) });
    if (newline < 0) break;
    start = newline + 1;
    number++;
  }
  return result;
}

function findTitle(
  lines: ReadonlyArray<Omit<Line, 'role'>>,
  roles: readonly string[],
  styledLevels: ReadonlyMap<number, number>,
): number {
  let seen = 0;
  for (const [i, line] of lines.entries()) {
    if (roles[i] !== 'text') continue;
    if (seen++ >= TITLE_SEARCH_LINES) break;
    if (matchHeadingMarker(line.text) || styledLevels.has(line.number)) return -1;
    return looksLikeTitle(line.text) ? i : -1;
  }
  return -1;
}

/** Records a heading that starts the line, if any; returns the offset where body text starts. */
function readHeading(line: Line, styledLevel: 1 | 2 | 3 | 4 | undefined, headings: Heading[]): number {
  const marker = matchHeadingMarker(line.text);
  if (!marker && !styledLevel) return line.start;
  const markerLength = marker?.length ?? line.text.length - line.text.trimStart().length;
  const rest = line.text.slice(markerLength);
  const { title, bodyStart } = marker
    ? splitHeadingText(rest)
    : { title: rest.trim(), bodyStart: rest.length };
  if (title.length === 0 && !marker) return line.start;
  const titleStart = line.start + markerLength + (rest.length - rest.trimStart().length);
  headings.push({
    level: styledLevel ?? (marker?.level as 1 | 2 | 3 | 4),
    marker: marker?.marker ?? '',
    ordinal: marker?.ordinal ?? null,
    title,
    titleStart,
    start: line.start + (line.text.length - line.text.trimStart().length),
    end: Math.min(line.end, titleStart + title.length),
    line: line.number,
  });
  return line.start + markerLength + bodyStart;
}

function addParagraph(text: string, line: Line, from: number, paragraphs: Paragraph[]): void {
  let start = from;
  let end = line.end;
  while (start < end && /[\s\u3000]/.test(text[start] ?? '')) start++;
  while (end > start && /[\s\u3000]/.test(text[end - 1] ?? '')) end--;
  if (end <= start) return;
  paragraphs.push({
    index: paragraphs.length,
    start,
    end,
    text: text.slice(start, end),
    section: null,
    line: line.number,
  });
}

function buildSections(headings: readonly Heading[], bodyEnd: number): Section[] {
  const sections: Array<{ -readonly [K in keyof Section]: Section[K] } & { children: number[] }> = [];
  const stack: number[] = [];
  for (const [index, heading] of headings.entries()) {
    while (stack.length > 0 && (sections[stack.at(-1) as number]?.heading.level ?? 0) >= heading.level) {
      const closed = sections[stack.pop() as number];
      if (closed) closed.end = heading.start;
    }
    const parent = stack.at(-1) ?? null;
    sections.push({ index, heading, parent, children: [], start: heading.start, end: bodyEnd });
    if (parent !== null) sections[parent]?.children.push(index);
    stack.push(index);
  }
  return sections;
}

function innermostSection(sections: readonly Section[], offset: number): number | null {
  let found: number | null = null;
  for (const section of sections) {
    if (section.start <= offset && offset < section.end) found = section.index;
    else if (section.start > offset) break;
  }
  return found;
}

function detectYear(
  title: string | null,
  opening: string,
  publishedAt: string | null,
  override: number | undefined,
): Pick<ReportIdentity, 'year' | 'yearSource'> {
  if (override) return { year: override, yearSource: 'override' };
  const fromTitle = title ? yearFromTitle(title) : null;
  if (fromTitle) return { year: fromTitle, yearSource: 'title' };
  const fromBody = yearFromBody(opening);
  if (fromBody) return { year: fromBody, yearSource: 'body' };
  if (publishedAt) return { year: Number(publishedAt.slice(0, 4)) - 1, yearSource: 'published' };
  return { year: null, yearSource: null };
}

/** Subject from the title, else a signature or byline, else the opening; --subject-type wins. */
function detectSubject(
  title: string | null,
  lines: readonly Line[],
  opening: string,
  override: SubjectType | undefined,
): Pick<ReportIdentity, 'subject' | 'subjectType' | 'subjectTypeSource'> {
  const fromTitle = title ? subjectFromTitle(title) : null;
  const textLines = lines.filter((line) => line.role === 'body' || line.role === 'title');
  const signed =
    fromTitle && subjectTypeOf(fromTitle)
      ? null
      : subjectFromSignature(
          textLines.map((line) => line.text),
          textLines.findIndex((line) => line.role === 'title'),
        );
  const fromOpening = fromTitle || signed ? null : subjectFromOpening(opening);
  const subject = fromTitle ?? signed ?? fromOpening?.subject ?? null;
  const detected: Pick<ReportIdentity, 'subjectType' | 'subjectTypeSource'> =
    fromTitle && subjectTypeOf(fromTitle)
      ? { subjectType: subjectTypeOf(fromTitle), subjectTypeSource: 'title' }
      : signed
        ? { subjectType: subjectTypeOf(signed), subjectTypeSource: 'signature' }
        : fromOpening?.subjectType
          ? { subjectType: fromOpening.subjectType, subjectTypeSource: 'body' }
          : { subjectType: null, subjectTypeSource: null };
  if (override) return { subject, subjectType: override, subjectTypeSource: 'override' };
  return { subject, ...detected };
}
