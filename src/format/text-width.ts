// Display width of terminal text: East Asian wide and fullwidth characters take two columns, ANSI
// colour codes none. Measured per code point with get-east-asian-width (the table string-width
// uses) because string-width's per-grapheme emoji matching made a CJK table take ~0.1 s to draw.

import { eastAsianWidth } from 'get-east-asian-width';

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns `text` takes on a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.includes('\u001b') ? text.replace(ANSI, '') : text) width += charWidth(ch);
  return width;
}

/** Columns one character takes: 0 for combining marks and joiners, 2 for wide ones, else 1. */
export function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x7f) return code < 0x20 ? 0 : 1;
  if (
    (code >= 0x300 && code <= 0x36f) ||
    code === 0x200b ||
    code === 0x200d ||
    (code >= 0xfe00 && code <= 0xfe0f)
  ) {
    return 0;
  }
  return eastAsianWidth(code);
}

/** `text` padded with spaces to `width` columns. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** `text` padded on the left to `width` columns. */
export function padStartToWidth(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}
