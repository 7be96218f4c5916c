// The one way positions are held before output: UTF-16 offsets into a text.

/** A half-open range [start, end) of UTF-16 offsets into a text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}
