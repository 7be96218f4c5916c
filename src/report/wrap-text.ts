// Wraps text to a display width, counting East Asian wide characters as two columns.

import { charWidth } from './text-width.js';

const NO_LINE_START = /[，。、；：？！）》”’」』,.;:?!)]/;

/** Splits text into lines no wider than `width` columns; breaks anywhere in Chinese text. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const ch of paragraph) {
      const w = charWidth(ch);
      if (lineWidth + w > width && line !== '' && !NO_LINE_START.test(ch)) {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      line += ch;
      lineWidth += w;
    }
    lines.push(line);
  }
  return lines;
}
