// OCR boxes → report text. The boxes of a page come in no reliable order and, on a scan that
// went into the feeder at a slant, along a slope: the page is first turned level (by the median
// slope of its long boxes), boxes whose middles share a height become one line (left to right),
// and the lines go through join-lines.ts like a PDF's, so paragraphs, headings and page numbers
// are treated the same way. Last, the confusions the recogniser is known for are undone.

import { groupLines, isPageNumber, joinLines, type TextLine, type TextRun } from './join-lines.js';
import type { OcrBox, Point } from './ocr-engine.js';

/** One recognised page. */
export interface OcrPage {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly OcrBox[];
}

// Every page is scaled to this width, so that pages scanned at different resolutions line up.
const PAGE_WIDTH = 1000;
// A line whose characters are this much wider than the body's is set in a larger size.
const LARGER = 1.15;

/** Lays out recognised pages as paragraphs, one per line. */
export function layOutOcrPages(pages: readonly OcrPage[]): string {
  const lines = pages.flatMap((page, i) => pageLines(page, i + 1)).filter((line) => !isPageNumber(line.text));
  if (lines.length === 0) return '';
  return joinLines(lines).map(undoOcrConfusions).join('\n');
}

interface Placed {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** The visual lines of one page, y from the page bottom, in page-width units of PAGE_WIDTH. */
export function pageLines(page: OcrPage, number: number): TextLine[] {
  if (page.boxes.length === 0) return [];
  const angle = skewOf(page.boxes);
  const scale = PAGE_WIDTH / page.width;
  const placed = page.boxes.map((box) => place(box, -angle, scale));
  const boxHeight = median(placed.map((box) => box.bottom - box.top));
  const em = characterPitch(placed, 8) ?? boxHeight;
  const rows: Placed[][] = [];
  for (const box of [...placed].sort((a, b) => middle(a) - middle(b))) {
    const row = rows.at(-1);
    const last = row?.at(-1);
    const height = Math.min(box.bottom - box.top, last ? last.bottom - last.top : boxHeight);
    if (row && last && Math.abs(middle(box) - middle(last)) < height / 2) row.push(box);
    else rows.push([box]);
  }
  const runs: TextRun[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.left - b.left);
    const bottom = Math.max(...row.map((box) => box.bottom));
    // Body lines share one size, so that join-lines sees one left margin and one right margin;
    // a line set clearly larger (a title) keeps its own.
    const pitch = characterPitch(row, 4) ?? em;
    const fontSize = pitch > em * LARGER ? pitch : em;
    for (const [i, box] of row.entries()) {
      runs.push({
        str: box.text,
        x: box.left,
        y: page.height * scale - bottom,
        width: box.right - box.left,
        fontSize,
        hasEOL: i === row.length - 1,
      });
    }
  }
  return snapToMargins(groupLines(runs, number), em);
}

/**
 * The character pitch (the advance of one Chinese character): the median, over boxes of at least
 * `minChars` characters, of box width over the text's width in characters (Latin letters and
 * digits count half). Box heights are a poorer measure: the detector pads every box by a share
 * of its height.
 */
function characterPitch(boxes: readonly Placed[], minChars: number): number | null {
  const pitches = boxes
    .map((box) => ({ box, width: [...box.text].reduce((sum, c) => sum + (c <= '\u00ff' ? 0.5 : 1), 0) }))
    .filter(({ width }) => width >= minChars)
    .map(({ box, width }) => (box.right - box.left) / width);
  return pitches.length === 0 ? null : median(pitches);
}

/**
 * Recognised boxes end up to a character short of or past the true margins (a closing ， is
 * half a character of ink; a bold line is a little wider), which join-lines would read as a
 * line that stopped short, or an indent. Edges within a character and a half of the page's right
 * margin, or half a character of its left margin, are put on the margin.
 */
function snapToMargins(lines: readonly TextLine[], em: number): TextLine[] {
  if (lines.length === 0) return [];
  const widest = Math.max(...lines.map((line) => line.right));
  const right = median(lines.filter((line) => line.right >= widest - 3 * em).map((line) => line.right));
  const narrowest = Math.min(...lines.map((line) => line.x));
  const left = median(lines.filter((line) => line.x <= narrowest + em).map((line) => line.x));
  return lines.map((line) => ({
    ...line,
    x: Math.abs(line.x - left) <= em / 2 ? left : line.x,
    right: line.right >= right - 1.5 * em ? right : line.right,
  }));
}

/** The page's slant in radians: the median slope of boxes at least four times as wide as high. */
function skewOf(boxes: readonly OcrBox[]): number {
  const slopes = boxes
    .filter((box) => width(box) >= 4 * height(box))
    .map((box) => Math.atan2(box.corners[1].y - box.corners[0].y, box.corners[1].x - box.corners[0].x));
  return slopes.length === 0 ? 0 : median(slopes);
}

function place(box: OcrBox, angle: number, scale: number): Placed {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const turned = box.corners.map((p: Point) => ({
    x: (p.x * cos - p.y * sin) * scale,
    y: (p.x * sin + p.y * cos) * scale,
  }));
  return {
    text: box.text,
    left: Math.min(...turned.map((p) => p.x)),
    right: Math.max(...turned.map((p) => p.x)),
    top: Math.min(...turned.map((p) => p.y)),
    bottom: Math.max(...turned.map((p) => p.y)),
  };
}

function width(box: OcrBox): number {
  const [a, b] = box.corners;
  return Math.hypot(b.x - a.x, b.y - a.y);
}

function height(box: OcrBox): number {
  const [a, , , d] = box.corners;
  return Math.hypot(d.x - a.x, d.y - a.y);
}

function middle(box: Placed): number {
  return (box.top + box.bottom) / 2;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const HAN = '\\p{Script=Han}';

/**
 * Undoes the recogniser's usual confusions in Chinese text: the radical 丶 for the enumeration
 * comma 、; 一 (one) for the dash between two years (2021—2025); half-width , ; : ? ! ( ) next
 * to Chinese for the full-width marks a Chinese report uses (the recogniser cannot tell them apart,
 * so the half-width forms would be reported as style mistakes that the scan does not have).
 */
export function undoOcrConfusions(text: string): string {
  return text
    .replace(/丶/g, '、')
    .replace(/(?<=\d{4})一(?=\d{4})/g, '—')
    .replace(new RegExp(`(?<=[${HAN}）”]),|,(?=[${HAN}“（])`, 'gu'), '，')
    .replace(new RegExp(`(?<=[${HAN}）]);|;(?=[${HAN}])`, 'gu'), '；')
    .replace(new RegExp(`(?<=[${HAN}]):`, 'gu'), '：')
    .replace(new RegExp(`(?<=[${HAN}])\\?`, 'gu'), '？')
    .replace(new RegExp(`(?<=[${HAN}])!`, 'gu'), '！')
    .replace(new RegExp(`\\((?=[${HAN}\\d])`, 'gu'), '（')
    .replace(new RegExp(`(?<=[${HAN}\\d%])\\)`, 'gu'), '）');
}
