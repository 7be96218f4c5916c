// Paragraphs with Word heading styles → report text plus meta.headingLines, for the .docx and
// the .doc / .wps readers alike.

import { matchHeadingMarker } from '../text/heading-markers.js';

/** One paragraph (or table row) of a Word document, with the heading level of its style. */
export interface StyledParagraph {
  readonly text: string;
  readonly styledLevel: number | null; // 1–9 for heading 1–9 / 标题 1–9, else null
}

/** Word heading style names, as Word, WPS and LibreOffice write them (also custom 标题 1…). */
export const HEADING_STYLE = /^(?:heading|标题)\s*([1-9])$/i;

/**
 * Joins paragraphs into lines and turns heading styles into levels. Word levels are relative: a
 * styled first line (标题 1 on the title) is the title, not a heading, and the highest remaining styled level becomes
 * level 1. A styled heading that starts with a GB/T 9704 marker (一、（一）1.) keeps the marker's level.
 */
export function layOutParagraphs(paragraphs: readonly StyledParagraph[]): {
  text: string;
  headingLines: Array<{ line: number; level: 1 | 2 | 3 | 4 }>;
  lineOrigins: Array<readonly [block: number, offset: number]>;
} {
  const blocks = paragraphs.filter((paragraph) => paragraph.text.trim() !== '');
  const first = blocks[0];
  const firstIsTitle = first?.styledLevel != null && !matchHeadingMarker(first.text);
  const unmarkedLevels = blocks
    .filter(
      (block, i) =>
        block.styledLevel !== null && !(i === 0 && firstIsTitle) && !matchHeadingMarker(block.text),
    )
    .map((block) => block.styledLevel as number);
  // A loop, not Math.min(...levels): a spread of many thousands of arguments overflows the stack.
  const shift = unmarkedLevels.length > 0 ? unmarkedLevels.reduce((a, b) => Math.min(a, b)) - 1 : 0;

  const lines: string[] = [];
  const headingLines: Array<{ line: number; level: 1 | 2 | 3 | 4 }> = [];
  const lineOrigins: Array<readonly [number, number]> = [];
  for (const [i, block] of blocks.entries()) {
    const blockLines = block.text.split('\n');
    if (block.styledLevel !== null && !(i === 0 && firstIsTitle)) {
      const marker = matchHeadingMarker(block.text);
      const level = marker ? marker.level : Math.min(4, Math.max(1, block.styledLevel - shift));
      headingLines.push({ line: lines.length + 1, level: level as 1 | 2 | 3 | 4 });
    }
    let offset = 0;
    for (const line of blockLines) {
      lineOrigins.push([i, offset]);
      lines.push(line.replace(/\s+$/, ''));
      offset += [...line].length + 1;
    }
  }
  return { text: lines.join('\n'), headingLines, lineOrigins };
}
