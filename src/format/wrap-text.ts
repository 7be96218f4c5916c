// Wraps text to a display width, counting East Asian wide characters as two columns.

import { charWidth } from './text-width.js';

// Closing punctuation does not start a line (避头点), opening marks do not end one (避尾点).
const NO_LINE_START = /[，。、；：？！）》”’」』〕】,.;:?!)\]]/;
const NO_LINE_END = /[（《“‘「『〔【([]/;

/**
 * Splits text into lines no wider than `width` columns, breaking anywhere in Chinese text but
 * never before closing punctuation or after an opening mark: characters move down to the next line
 * instead. Only when a whole line is such a run may it stick out past the width.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    let lineWidth = 0;
    for (const ch of paragraph) {
      const w = charWidth(ch);
      if (lineWidth + w > width && line.length > 0) {
        const at = breakPoint(line, ch);
        if (at > 0) {
          lines.push(line.slice(0, at).join(''));
          line = line.slice(at);
          lineWidth = line.reduce((sum, c) => sum + charWidth(c), 0);
        }
      }
      line.push(ch);
      lineWidth += w;
    }
    lines.push(line.join(''));
  }
  return lines;
}

/** Where to break `line` before appending `next`: the count of characters that stay (0: none can). */
function breakPoint(line: readonly string[], next: string): number {
  let at = line.length;
  while (at > 0 && NO_LINE_START.test(at === line.length ? next : (line[at] as string))) at--;
  while (at > 0 && NO_LINE_END.test(line[at - 1] as string)) at--;
  return at;
}
