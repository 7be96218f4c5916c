// SourceFile text → ReportDocument: lines and their roles, identity, headings, sections,
// paragraphs and sentences.

import type { SourceMeta } from '../load/source-file.js';
import type { SubjectType } from '../shared/subject-types.js';
import { foldText, originalRange } from '../text/fold-text.js';
import { classifyClean, cleanLine } from '../text/line-classes.js';
import { PositionMap } from '../text/position-map.js';
import { simplifiedView } from '../text/simplify.js';
import { detectIdentity } from './detect-identity.js';
import type { Heading, Line, ReportDocument, Section, Sentence } from './document.js';
import { isOrganisationName } from './identity/subject.js';
import { type DocumentHead, type HeadLine, readHead } from './read-head.js';
import { headingReader } from './read-headings.js';
import { splitSentences } from './split-sentences.js';
import { tableOfContents } from './table-of-contents.js';

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

  const bodyIndexes = [...lines.keys()].filter((i) => lines[i]?.role === 'body');
  const nextBodyLine = new Map(bodyIndexes.map((index, k) => [index, lines[bodyIndexes[k + 1] ?? -1]]));
  const reader = headingReader(text, view, (line) => nextBodyLine.get(line.number - 1));
  for (const index of bodyIndexes) {
    const line = lines[index] as Line;
    reader.readLine(line, bodyOffset(line, index, head, view), styledLevels.get(line.number));
  }
  const { headings, paragraphs } = reader;

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
    opening: paragraphs.slice(0, OPENING_PARAGRAPHS).map(viewOf).join('\n'),
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
const OPENING_PARAGRAPHS = 3;

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
  const lines = rawLines.map((line, i) => {
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
  const body = lines.flatMap((line, index) =>
    line.role === 'body' ? [{ index, clean: headLines[index]?.clean ?? '' }] : [],
  );
  for (const index of tableOfContents(body)) lines[index] = { ...(lines[index] as Line), role: 'chrome' };
  // The page repeats its headline further down (image captions, a print block): chrome.
  const title = head.title ? compactTitle(head.title.view) : null;
  for (const { index, clean } of body) {
    if (title && compactTitle(clean) === title) lines[index] = { ...(lines[index] as Line), role: 'chrome' };
  }
  return lines;
}

/** A title line compared with another: no spaces, 年度 as 年. */
function compactTitle(clean: string): string {
  return clean.replace(/\s+/gu, '').replace(/年度/g, '年');
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
