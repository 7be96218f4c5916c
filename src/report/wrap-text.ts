// Wraps text to a display width, counting East Asian wide characters as two columns.

import { charWidth } from './text-width.js';

// Closing punctuation does not start a line (the Chinese line-breaking rule 避头点).
const NO_LINE_START = /[，。、；：？！）》”’」』,.;:?!)]/;
// Opening marks do not end a line (避尾点).
const NO_LINE_END = /[（《“‘「『(]/;

/**
 * Splits text into lines no wider than `width` columns, breaking anywhere in Chinese text. When
 * closing punctuation would start a line, or an opening mark end one, a character moves down with
 * it; only a run of closing marks may stick out past the width.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    let lineWidth = 0;
    for (const ch of paragraph) {
      const w = charWidth(ch);
      if (lineWidth + w > width && line.length > 0) {
        const last = line.at(-1) as string;
        if (NO_LINE_END.test(last) && line.length > 1) {
          lines.push(line.slice(0, -1).join(''));
          line = [last];
          lineWidth = charWidth(last);
        } else if (!NO_LINE_START.test(ch)) {
          lines.push(line.join(''));
          line = [];
          lineWidth = 0;
        } else if (line.length > 1 && !NO_LINE_START.test(last)) {
          lines.push(line.slice(0, -1).join(''));
          line = [last];
          lineWidth = charWidth(last);
        }
      }
      line.push(ch);
      lineWidth += w;
    }
    lines.push(line.join(''));
  }
  return lines;
}
