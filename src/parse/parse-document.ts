// SourceFile text → ReportDocument: lines and their roles, identity, headings, sections,
// paragraphs and sentences.

import type { SourceMeta } from '../load/source-file.js';
import type { SubjectType } from '../shared/subject-types.js';
import { foldText, originalRange } from '../text/fold-text.js';
import { matchHeadingMarker, splitHeadingText } from '../text/heading-markers.js';
import { classifyClean, cleanLine } from '../text/line-classes.js';
import { PositionMap } from '../text/position-map.js';
import { simplifiedView } from '../text/simplify.js';
import { detectIdentity } from './detect-identity.js';
import type { Heading, Line, Paragraph, ReportDocument, Section, Sentence } from './document.js';
import { isOrganisationName } from './identity/subject.js';
import { type DocumentHead, type HeadLine, readHead } from './read-head.js';
import { splitSentences } from './split-sentences.js';

/** What the user said about the report, overriding detection. */
export interface ParseOverrides {
  readonly year?: number | undefined;
  readonly subjectType?: SubjectType | undefined;
}

/** Parses decoded report text (LF line ends) into the document model. */
export function parseDocument(
  text: string,
  meta: SourceMeta = {},
  overrides: ParseOverrides = {},
): ReportDocument {
  const simplified = simplifiedView(text);
  const view = simplified ?? text;
  const rawLines = splitLines(text);
  const headLines = rawLines.map((line) => headLineOf(line, view));
  const head = readHead(headLines);
  const styledLevels = new Map((meta.headingLines ?? []).map((h) => [h.line, h.level]));
  const lines = assignRoles(rawLines, headLines, head);

  const headings: Heading[] = [];
  const paragraphs: Paragraph[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.role !== 'body') continue;
    const from = bodyOffset(line, i, head, view);
    const bodyFrom =
      from > line.start ? from : readHeading(line, view, styledLevels.get(line.number), headings);
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

  const folded = foldText(text, view);
  const viewOf = (range: { start: number; end: number }) =>
    folded.text.slice(folded.fromOriginal[range.start] ?? 0, folded.fromOriginal[range.end] ?? 0);
  const identity = detectIdentity({
    head,
    opening: paragraphs.slice(0, 2).map(viewOf).join('\n'),
    body: evidenceText(lines, headLines, (line) => line.role === 'body'),
    credits: evidenceText(
      lines,
      headLines,
      (line, kind) =>
        line.role === 'chrome' ||
        line.role === 'meta' ||
        line.role === 'signature' ||
        kind === 'chrome' ||
        kind === 'meta',
    ),
    tail: headLines
      .filter((line) => line.kind !== 'blank')
      .slice(-TAIL_LINES)
      .map((line) => line.clean),
    pagePublishedAt: meta.publishedAt ?? null,
    pagePublisher: meta.publisher ?? null,
    traditional: simplified !== null,
    writtenOf: (name) => {
      const at = folded.text.indexOf(name);
      if (at < 0 || simplified === null) return name;
      const range = originalRange(folded, at, at + name.length);
      return text.slice(range.start, range.end);
    },
    overrides,
  });

  return {
    text,
    folded,
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

const EVIDENCE_CHARS = 6000;
const MAX_ORDINAL = 40;

/** Clean views of the lines that pass `take`, joined by \n, up to EVIDENCE_CHARS. */
function evidenceText(
  lines: readonly Line[],
  headLines: readonly HeadLine[],
  take: (line: Line, kind: HeadLine['kind']) => boolean,
): string {
  let text = '';
  for (const [i, line] of lines.entries()) {
    const head = headLines[i] as HeadLine;
    if (head.kind === 'blank' || !take(line, head.kind)) continue;
    text += `${head.clean}\n`;
    if (text.length >= EVIDENCE_CHARS) break;
  }
  return text;
}
const TAIL_LINES = 6;

function headLineOf(line: Omit<Line, 'role'>, view: string): HeadLine {
  const lineView = view.slice(line.start, line.end);
  if (line.text.trim() === '') return { text: line.text, view: lineView, clean: '', kind: 'blank' };
  const clean = cleanLine(lineView);
  return { text: line.text, view: lineView, clean, kind: classifyClean(clean, lineView) };
}

/** Each line's role: the head's reading, chrome and metadata found anywhere, else body. */
function assignRoles(
  rawLines: ReadonlyArray<Omit<Line, 'role'>>,
  headLines: readonly HeadLine[],
  head: DocumentHead,
): Line[] {
  const tailSignature = signatureLines(headLines);
  return rawLines.map((line, i) => {
    const kind = headLines[i]?.kind ?? 'text';
    const headRole = head.roles.get(i);
    const role: Line['role'] =
      kind === 'blank'
        ? 'blank'
        : head.title?.runInEnd != null && head.title.lines[0] === i
          ? 'body'
          : (headRole ?? (kind === 'text' ? (tailSignature.has(i) ? 'signature' : 'body') : kind));
    return { ...line, role };
  });
}

/** The signature and its date at the end of the text (落款), when the text ends with them. */
function signatureLines(lines: readonly HeadLine[]): Set<number> {
  const found = new Set<number>();
  const nonBlank = [...lines.keys()].filter((i) => lines[i]?.kind !== 'blank').slice(-3);
  const [a, b, c] = nonBlank;
  const isDate = (i: number | undefined) =>
    i !== undefined && /^[(（]?(20\d{2}|二[〇零○].{2})年.{1,3}月.{1,3}日[)）]?$/.test(lines[i]?.clean ?? '');
  if (isDate(c) && b !== undefined && isOrganisationName(lines[b]?.clean ?? '')) {
    found.add(b).add(c as number);
    if (a !== undefined && isOrganisationName(lines[a]?.clean ?? '')) found.add(a);
  }
  return found;
}

/** Where the body text of a line starts when the head cut something off it (a run-in title, a page marker). */
function bodyOffset(line: Line, index: number, head: DocumentHead, view: string): number {
  if (head.title?.runInEnd != null && head.title.lines[0] === index) return line.start + head.title.runInEnd;
  if (head.docShare) {
    const marker = /^\s*\d{1,2}、/.exec(view.slice(line.start, line.end));
    if (marker) return line.start + marker[0].length;
  }
  return line.start;
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

/** Records a heading that starts the line, if any; returns the offset where body text starts. */
function readHeading(
  line: Line,
  view: string,
  styledLevel: 1 | 2 | 3 | 4 | undefined,
  headings: Heading[],
): number {
  // A mirror's "??" in place of the indentation is not part of the line.
  const lead = /^[\s\u3000]*\?{2,}/.exec(line.text)?.[0].length ?? 0;
  const lineView = view.slice(line.start + lead, line.end);
  const marker = matchHeadingMarker(lineView);
  if (!marker && !styledLevel) return line.start;
  // Not headings: an English paragraph numbered (1), an item of a long list (93.).
  if (marker && (/^[A-Za-z]/.test(lineView.slice(marker.length)) || marker.ordinal > MAX_ORDINAL))
    return line.start;
  const markerLength = lead + (marker?.length ?? lineView.length - lineView.trimStart().length);
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
    start: line.start + lead + (lineView.length - lineView.trimStart().length),
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
