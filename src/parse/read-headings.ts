// Headings and paragraphs of the body lines. A heading starts a line ("一、…", "（一）…"), or runs
// on inside a line on pages that lost their line breaks ("…如下：一、主要举措（一）加强领导。…"): such
// a line is split into headings and paragraphs, each keeping its offsets in the text. Some
// headings have no number: a part name right above a run that starts at 一 / （一）, a standard
// section word (引言, 结语), a 【】 label that opens its paragraph.

import { isSectionWord, matchHeadingMarker, splitHeadingText } from '../text/heading-markers.js';
import type { Heading, Line, Paragraph } from './document.js';

const MAX_ORDINAL = 40;
const LONG_TITLE = 30;
const MIN_CUT_TITLE = 4;
const SHORT_RUN_ON = 12;
const TITLE_SEARCH = 200;
const MAX_INLINE = 400;
const LIST_ITEM_TITLE = 45;
const LIST_ITEM_CLAUSE = 24;
const PART_NAME_MAX = 30;
const BRACKET_LABEL = /^[\s\u3000]*【([^【】\s]{4,30})】/;
// Characters a heading marker may start with.
const MARKER_START = new Set(
  [...'一二三四五六七八九十（(0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇'].map((ch) =>
    ch.charCodeAt(0),
  ),
);
// Characters an inline heading may follow: a sentence end, a colon, a space.
const BEFORE_INLINE = /[。！？!?:：\s\u3000]/;

/** One body line read: the headings it holds and its paragraphs. */
export interface HeadingReader {
  /** Reads a body line from offset `from` (after a run-in title or a page marker). */
  readLine(line: Line, from: number, styledLevel: 1 | 2 | 3 | 4 | undefined): void;
  readonly headings: Heading[];
  readonly paragraphs: Paragraph[];
}

/**
 * Reads headings and paragraphs line by line. `text` is the document text, `view` its simplified
 * view of the same length, `nextLine` the next non-blank body line after a line (for part names).
 */
export function headingReader(
  text: string,
  view: string,
  nextLine: (line: Line) => Line | undefined,
): HeadingReader {
  const headings: Heading[] = [];
  const paragraphs: Paragraph[] = [];
  let previousLine: Line | undefined;
  const list: ListState = { item: null };

  const addParagraph = (line: Line, from: number, to: number) => {
    let start = from;
    let end = to;
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
  };

  const readLine = (line: Line, from: number, styledLevel: 1 | 2 | 3 | 4 | undefined) => {
    const candidates = inlineCandidates(view, line, from);
    let cursor = from;
    if (from === line.start) {
      cursor =
        readLineStart(line, view, styledLevel, headings, candidates[0]?.at ?? line.end, list) ??
        unnumberedHeading(line, view, headings, previousLine, nextLine(line)) ??
        from;
    }
    for (const [i, candidate] of candidates.entries()) {
      if (candidate.at < cursor) continue;
      const limit = candidates[i + 1]?.at ?? line.end;
      const found = inlineHeading(line, text, view, candidate, limit, headings);
      if (!found) continue;
      addParagraph(line, cursor, candidate.at);
      headings.push(found.heading);
      cursor = found.bodyStart;
    }
    addParagraph(line, cursor, line.end);
    previousLine = line;
  };

  return { readLine, headings, paragraphs };
}

/** A heading marker inside a line, where it starts. */
interface Candidate {
  readonly at: number;
  readonly level: 1 | 2 | 3 | 4;
  readonly marker: string;
  readonly ordinal: number;
  readonly length: number;
}

/** Heading markers inside a line after `from`: after a sentence end, a colon or a space, before text. */
function inlineCandidates(view: string, line: Line, from: number): Candidate[] {
  const found: Candidate[] = [];
  // Past the line's indentation: a marker there starts the line, not a run-on.
  const lead = view.slice(line.start, line.end).search(/[^\s\u3000?]/u);
  // A page without line breaks holds dozens of headings, not thousands: the scan stops there.
  for (
    let at = Math.max(from, line.start + Math.max(1, lead + 1));
    at < line.end && found.length < MAX_INLINE;
    at++
  ) {
    if (!MARKER_START.has(view.charCodeAt(at))) continue;
    const before = at === from && from > line.start ? ' ' : (view[at - 1] ?? '');
    const previous = found.at(-1);
    const afterBreak = BEFORE_INLINE.test(before);
    if (!afterBreak && !(previous !== undefined && shortRunOn(view, previous, at))) continue;
    const marker = matchHeadingMarker(view.slice(at, Math.min(line.end, at + 16)));
    if (!marker || marker.ordinal > MAX_ORDINAL) continue;
    // Right after a short title, only the first heading of a lower level ("主要做法（一）…").
    if (!afterBreak && !(marker.ordinal === 1 && marker.level > (previous?.level ?? 4))) continue;
    const next = view[at + marker.length] ?? '';
    const text = marker.level <= 2 ? /[\p{Script=Han}\d“"《]/u : /[\p{Script=Han}“"《]/u;
    if (!text.test(next)) continue;
    found.push({
      at,
      level: marker.level,
      marker: marker.marker,
      ordinal: marker.ordinal,
      length: marker.length,
    });
    at += marker.length - 1;
  }
  return found;
}

/** "四、主要任务1、推进…": a short title with no punctuation right before the next marker. */
function shortRunOn(view: string, previous: Candidate, at: number): boolean {
  if (at - previous.at - previous.length > SHORT_RUN_ON) return false;
  const title = view.slice(previous.at + previous.length, at);
  return title.length >= 2 && !/[\p{P}\s]/u.test(title);
}

/**
 * An inline heading that continues the document's numbering (一 after nothing, 二 after 一 …;
 * levels 3 and 4 only right after a heading on the same line) and reads as a heading, not a list
 * item ("…：（一）…；（二）…").
 */
function inlineHeading(
  line: Line,
  text: string,
  view: string,
  candidate: Candidate,
  limit: number,
  headings: readonly Heading[],
): { heading: Heading; bodyStart: number } | null {
  const previous = headings.at(-1);
  if (candidate.level >= 3 && previous?.line !== line.number) return null;
  if (!continuesNumbering(headings, candidate.level, candidate.ordinal)) return null;
  const titleStart = candidate.at + candidate.length;
  const segment = view.slice(titleStart, limit);
  // A list item: a short clause closed by ；, or only a fragment before the next marker.
  const clause = /[。！？!?；;]/.exec(segment);
  if (clause && /[；;]/.test(clause[0]) && clause.index <= LIST_ITEM_CLAUSE) return null;
  if ((limit < line.end && /[，,、]\s*$/.test(segment)) || segment.trim().length === 0) return null;
  const { title, bodyStart } = inlineTitle(text.slice(titleStart, limit), segment);
  return {
    heading: {
      level: candidate.level,
      marker: candidate.marker,
      ordinal: candidate.ordinal,
      title,
      titleStart,
      start: candidate.at,
      end: titleStart + title.length,
      line: line.number,
    },
    bodyStart: titleStart + bodyStart,
  };
}

/**
 * The title of an inline heading: up to its 。, an inline 一是 or the next heading; a long one
 * (no end in sight) stops at a space or at a sentence that starts with a year ("总体情况2020年，…").
 */
function inlineTitle(written: string, segment: string): { title: string; bodyStart: number } {
  const split = splitHeadingText(segment);
  let end = split.bodyStart;
  let titleEnd = Math.min(end, segment.length);
  if (split.title.length > LONG_TITLE) {
    const cut = [...segment.slice(0, TITLE_SEARCH).matchAll(/[\s\u3000]+(?=\S)|(?=20\d{2}年)/gu)].find(
      (match) => (match.index ?? 0) >= MIN_CUT_TITLE && (match.index ?? 0) < titleEnd,
    );
    if (cut?.index !== undefined) {
      titleEnd = cut.index;
      end = titleEnd;
    }
  }
  const title = written
    .slice(0, titleEnd)
    .replace(/[\s\u3000：:；;，,、。]+$/u, '')
    .trim();
  return { title, bodyStart: end };
}

/** Whether a heading of `level` numbered `ordinal` continues the numbering of the headings so far. */
function continuesNumbering(headings: readonly Heading[], level: number, ordinal: number): boolean {
  let last = 0;
  for (let i = headings.length - 1; i >= 0; i--) {
    const heading = headings[i] as Heading;
    if (heading.level < level) break;
    if (heading.level === level && heading.ordinal !== null) {
      last = heading.ordinal;
      break;
    }
  }
  if (ordinal === last + 1) return true;
  return false;
}

/** The last line read when it was an item of a numbered list, not a heading. */
interface ListState {
  item: { readonly level: number; readonly ordinal: number } | null;
}

/** Records a heading that starts the line, if any; returns the offset where body text starts. */
function readLineStart(
  line: Line,
  view: string,
  styledLevel: 1 | 2 | 3 | 4 | undefined,
  headings: Heading[],
  limit: number,
  list: ListState,
): number | null {
  // A mirror's "??" in place of the indentation is not part of the line.
  const lead = /^[\s\u3000]*\?{2,}/.exec(line.text)?.[0].length ?? 0;
  const lineView = view.slice(line.start + lead, line.end);
  const marker = matchHeadingMarker(lineView);
  if (!marker && !styledLevel) return null;
  // Not headings: an English paragraph numbered (1), an item of a long list (93.).
  if (marker && (/^[\s\d.、]*[A-Za-z]/.test(lineView.slice(marker.length)) || marker.ordinal > MAX_ORDINAL))
    return null;
  const markerLength = lead + (marker?.length ?? lineView.length - lineView.trimStart().length);
  const rest = line.text.slice(markerLength, Math.max(markerLength, limit - line.start));
  const { title, bodyStart } = marker
    ? splitHeadingText(rest)
    : { title: rest.trim(), bodyStart: rest.length };
  if (title.length === 0 && !marker) return null;
  // An item of a numbered list: a long first clause listing things with ； ("1.编制规划、年度计划；编制…"),
  // or a long one right after such an item.
  const previousItem = list.item;
  list.item = null;
  if (marker && marker.level >= 3 && title.length > LIST_ITEM_TITLE) {
    const afterItem = previousItem?.level === marker.level && previousItem.ordinal === marker.ordinal - 1;
    if (/[；;]/.test(title) || afterItem) {
      list.item = { level: marker.level, ordinal: marker.ordinal };
      return null;
    }
  }
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

/**
 * An unnumbered heading on its own line: a standard section word (引 言), a short part name right
 * above a heading numbered 1 ("2021年某街道法治政府建设工作" / "一、…") that does not end a run of
 * table cells, or a 【】 label opening its paragraph ("【服务型政府建设】 推进…"). Returns the offset
 * where body text starts.
 */
function unnumberedHeading(
  line: Line,
  view: string,
  headings: Heading[],
  previous: Line | undefined,
  next: Line | undefined,
): number | null {
  const lineView = view.slice(line.start, line.end);
  const bracket = BRACKET_LABEL.exec(lineView);
  const trimmed = lineView.trim();
  const compact = trimmed.replace(/[\s\u3000]+/gu, '');
  let level: 1 | 2 | 3 | 4 | null = null;
  let titleEnd = line.end;
  if (bracket?.[1] && !/[\p{P}]/u.test(bracket[1])) {
    const previous = headings.at(-1);
    level = previous?.ordinal != null ? (Math.min(4, previous.level + 1) as 1 | 2 | 3 | 4) : 1;
    titleEnd = line.start + bracket[0].length;
  } else if (isSectionWord(compact)) {
    level = 1;
  } else if (
    compact.length >= 4 &&
    compact.length <= PART_NAME_MAX &&
    !/[\p{P}]/u.test(compact.replace(/[【】]/g, ''))
  ) {
    // Not the last cell of a flattened table row ("一级指标" / "二级指标" / …).
    const afterCells = previous !== undefined && isShortFragment(view.slice(previous.start, previous.end));
    const following = next ? matchHeadingMarker(view.slice(next.start, next.end)) : null;
    if (following && following.ordinal === 1 && following.level <= 2 && !afterCells) level = 1;
  }
  if (level === null) return null;
  const start = line.start + (lineView.length - lineView.trimStart().length);
  const titleStart = bracket ? start + 1 : start;
  const end = bracket ? titleEnd - 1 : start + trimmed.length;
  headings.push({
    level,
    marker: '',
    ordinal: null,
    title: line.text.slice(titleStart - line.start, end - line.start),
    titleStart,
    start,
    end,
    line: line.number,
  });
  return titleEnd;
}

/** A short line that is not a sentence: a table cell, a label. */
function isShortFragment(lineView: string): boolean {
  const trimmed = lineView.trim();
  return (
    trimmed.length > 0 &&
    trimmed.length <= PART_NAME_MAX &&
    !/[。！？!?]$/.test(trimmed) &&
    !matchHeadingMarker(trimmed)
  );
}
