// Word boundaries of one document's folded text, computed line by line on demand and cached.
// A term "matches as a word" when both its ends fall on token boundaries, or when it lies inside
// a token that is itself a domain term (行政执法三项制度 contains 三项制度): 办公示范区 does not
// contain the word 公示.

import { isDomainTerm, jieba } from './jieba.js';

/** Answers word-boundary questions about one text. */
export class WordIndex {
  private readonly lines = new Map<number, LineTokens>();

  constructor(private readonly text: string) {}

  /** Whether [start, end) of the text is a whole word (see the module comment). */
  isWordAt(start: number, end: number): boolean {
    const tokens = this.tokensOfLine(start);
    if (tokens.boundaries.has(start) && tokens.boundaries.has(end)) return true;
    const token = tokens.tokenAt(start);
    return token !== null && token.end >= end && isDomainTerm(this.text.slice(token.start, token.end));
  }

  /** The tokens of the line that contains `offset`. */
  tokensAround(offset: number): ReadonlyArray<{ start: number; end: number }> {
    return this.tokensOfLine(offset).tokens;
  }

  private tokensOfLine(offset: number): LineTokens {
    const lineStart = this.text.lastIndexOf('\n', offset - 1) + 1;
    let tokens = this.lines.get(lineStart);
    if (!tokens) {
      const newline = this.text.indexOf('\n', lineStart);
      const lineEnd = newline < 0 ? this.text.length : newline;
      tokens = new LineTokens(lineStart, this.text.slice(lineStart, lineEnd));
      this.lines.set(lineStart, tokens);
    }
    return tokens;
  }
}

class LineTokens {
  readonly boundaries = new Set<number>();
  readonly tokens: Array<{ start: number; end: number }> = [];

  constructor(base: number, line: string) {
    const words = jieba().cut(line, false);
    let offset = base;
    this.boundaries.add(offset);
    for (const word of words) {
      this.tokens.push({ start: offset, end: offset + word.length });
      offset += word.length;
      this.boundaries.add(offset);
    }
    if (offset !== base + line.length) {
      // Should not happen; fall back to character boundaries rather than misplace words.
      this.tokens.length = 0;
      this.boundaries.clear();
      for (let i = 0; i <= line.length; i++) this.boundaries.add(base + i);
    }
  }

  tokenAt(offset: number): { start: number; end: number } | null {
    for (const token of this.tokens) if (token.start <= offset && offset < token.end) return token;
    return null;
  }
}
