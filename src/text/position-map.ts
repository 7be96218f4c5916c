// Offset ↔ line/column conversion. Columns count Unicode code points; editors and
// SARIF consumers that count UTF-16 units get `utf16Column` as well.

/** A position for output: 1-based line and column in code points, 0-based code-point offset. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly utf16Column: number;
}

/** Converts UTF-16 offsets of one text into output positions. */
export class PositionMap {
  private readonly lineStarts: number[] = [0];
  private readonly astralBefore: Int32Array | null;

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    // Only texts with characters outside the BMP need a prefix count of surrogate pairs.
    if (/[\uD800-\uDBFF]/.test(text)) {
      const counts = new Int32Array(text.length + 1);
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        counts[i + 1] = (counts[i] ?? 0) + (code >= 0xdc00 && code <= 0xdfff && i > 0 ? 1 : 0);
      }
      this.astralBefore = counts;
    } else {
      this.astralBefore = null;
    }
  }

  /** 1-based line number of an offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  /** Start offset of a 1-based line. */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.text.length;
  }

  /** Number of lines in the text. */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Full position of a UTF-16 offset. */
  at(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    const start = this.lineStart(line);
    const codePointOffset = this.codePointOffset(clamped);
    return {
      line,
      column: codePointOffset - this.codePointOffset(start) + 1,
      offset: codePointOffset,
      utf16Column: clamped - start + 1,
    };
  }

  private codePointOffset(offset: number): number {
    return this.astralBefore ? offset - (this.astralBefore[offset] ?? 0) : offset;
  }
}
