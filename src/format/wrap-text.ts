// Wraps text to a display width, counting East Asian wide characters as two columns. Chinese
// text may break between any two characters, but a number (2.5, 7.2.5, 1,234, 100%), a Latin word
// or an id (GB/T, statutory/first-responsible) is never split: it moves to the next line whole.

import { displayWidth } from './text-width.js';

// Closing punctuation does not start a line (避头点), opening marks do not end one (避尾点).
const NO_LINE_START = /^[，。、；：？！）》”’」』〕】,.;:?!)\]%]/u;
const NO_LINE_END = /[（《“‘「『〔【([]$/u;

// One unbreakable piece: an ANSI colour code (no width); a run of Latin letters and digits, joined
// by . , : / _ + - – — ~ ' inside it (a trailing % stays on); a run of spaces; or any other character.
const TOKEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC
  /\u001b\[[0-9;]*m|[A-Za-z0-9\u00C0-\u024F]+(?:(?:[.:/_+\-'’—–~]+|,(?=\d{3}))[A-Za-z0-9\u00C0-\u024F]+)*%?|[ \t]+|[\s\S]/gu;

/**
 * Splits text into lines no wider than `width` columns (`nextWidth` after the first line). Breaks fall between tokens (see TOKEN),
 * never before closing punctuation or after an opening mark: tokens move down to the next line
 * instead, unless that would still overflow. A token wider than the whole width is cut.
 */
export function wrapText(text: string, width: number, nextWidth = width): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const first = lines.length === 0 ? width : nextWidth;
    // One push per line: a spread of a huge paragraph's lines would overflow the call stack.
    for (const line of wrapParagraph(paragraph, Math.max(1, first), Math.max(1, nextWidth))) lines.push(line);
  }
  return lines;
}

/** Wraps one paragraph: the first line to `firstWidth`, the others to `width`. */
function wrapParagraph(paragraph: string, firstWidth: number, width: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let lineWidth = 0;
  const flush = (count: number) => {
    lines.push(line.slice(0, count).join('').trimEnd());
    line = dropLeadingSpace(line.slice(count));
    lineWidth = widthOf(line);
  };
  for (const token of tokensOf(paragraph, Math.min(firstWidth, width))) {
    const limit = lines.length === 0 ? firstWidth : width;
    const w = displayWidth(token);
    if (lineWidth + w > limit && line.length > 0) {
      if (isSpace(token)) {
        flush(line.length);
        continue;
      }
      const at = breakPoint(line, token);
      if (at > 0) flush(at);
      // An opening mark alone with a token too wide to join it: break anyway, never overflow.
      if (line.length > 0 && lineWidth + w > limit) flush(line.length);
    }
    if (line.length === 0 && isSpace(token)) continue;
    line.push(token);
    lineWidth += w;
  }
  lines.push(line.join('').trimEnd());
  return lines;
}

/** The tokens of a paragraph. A token wider than the line is cut after its joiners (/ - . _ :),
 * as a long id or address breaks, and a piece still too wide into characters. */
function tokensOf(paragraph: string, width: number): string[] {
  const tokens: string[] = [];
  for (const [token] of paragraph.matchAll(TOKEN)) {
    if (token.length === 1 || displayWidth(token) <= width || isSpace(token) || token.startsWith('\u001b')) {
      tokens.push(token);
      continue;
    }
    for (const [piece] of token.matchAll(/[^/\-._:]*(?:[/\-._:]+|$)/gu)) {
      if (piece === '') continue;
      if (displayWidth(piece) <= width) tokens.push(piece);
      else for (const char of piece) tokens.push(char);
    }
  }
  return tokens;
}

/** Where to break `line` before appending `next`: the count of tokens that stay (0: none can). */
function breakPoint(line: readonly string[], next: string): number {
  let at = line.length;
  while (at > 0 && NO_LINE_START.test(at === line.length ? next : (line[at] as string))) at--;
  while (at > 0 && NO_LINE_END.test(line[at - 1] as string)) at--;
  return at;
}

function isSpace(token: string): boolean {
  return /^[ \t]+$/.test(token);
}

function dropLeadingSpace(tokens: string[]): string[] {
  let from = 0;
  while (from < tokens.length && isSpace(tokens[from] as string)) from++;
  return tokens.slice(from);
}

function widthOf(tokens: readonly string[]): number {
  let width = 0;
  for (const token of tokens) width += displayWidth(token);
  return width;
}

/**
 * At most `maxLines` wrapped lines of `text`; when it needs more, the last one ends in “…”
 * (cut after a token, so that the ellipsis never splits a number or a word).
 */
export function wrapClamped(text: string, width: number, maxLines: number): string[] {
  // Only the start can show: a text far longer than the lines can hold is cut before wrapping
  // (a finding may quote a run of 400,000 characters). Four characters a column leaves room for
  // the zero-width ones.
  const limit = maxLines * Math.max(1, width) * 4 + 16;
  const cut = text.length > limit;
  const lines = wrapText(cut ? text.slice(0, limit) : text, width);
  if (lines.length <= maxLines && !cut) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1] as string;
  let tokens = [...last.matchAll(TOKEN)].map(([token]) => token);
  // A line that is one word wider than the line (a cut run of letters) is cut by characters.
  if (tokens.length === 1 && displayWidth(last) + 1 > width) tokens = [...last];
  while (tokens.length > 0 && widthOf(tokens) + 1 > width) tokens.pop();
  // Do not leave an opening mark or a dangling separator just before the ellipsis.
  while (tokens.length > 0 && /^[（《“‘「『〔【([，、；：\s]$/u.test(tokens.at(-1) as string)) tokens.pop();
  kept[maxLines - 1] = `${tokens.join('')}…`;
  return kept;
}
