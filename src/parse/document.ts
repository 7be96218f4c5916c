// The document model every rule reads. Offsets are UTF-16 indexes into `ReportDocument.text`
// (the decoded text with LF line ends and no BOM); `PositionMap` turns them into 1-based lines and
// 1-based code-point columns for output.

import type { ReportIdentity } from '../shared/results.js';
import type { FoldedText } from '../text/fold-text.js';
import type { PositionMap } from '../text/position-map.js';
import type { TextRange } from '../text/text-range.js';

/** One physical line of the text. */
export interface Line extends TextRange {
  readonly number: number; // 1-based
  readonly text: string;
  readonly role: 'blank' | 'chrome' | 'meta' | 'title' | 'addressee' | 'signature' | 'body';
}

/** A numbered heading; levels follow GB/T 9704 (1 = 一、, 2 = （一）, 3 = 1., 4 = （1）). */
export interface Heading extends TextRange {
  readonly level: 1 | 2 | 3 | 4;
  readonly marker: string; // as written, e.g. "（一）" or "1、"
  readonly ordinal: number | null; // 1 for 一 / （一） / 1. ; null for unnumbered (styled) headings
  readonly title: string; // heading text after the marker, up to the first 。 or the line end
  readonly titleStart: number; // offset where `title` starts
  readonly line: number;
}

/** A heading and the text it governs, up to the next heading of the same or a higher level. */
export interface Section extends TextRange {
  readonly index: number;
  readonly heading: Heading;
  readonly parent: number | null; // index into ReportDocument.sections
  readonly children: readonly number[];
}

/** A block of body text (one source line, without a heading that shares the line). */
export interface Paragraph extends TextRange {
  readonly index: number;
  readonly text: string;
  readonly section: number | null; // innermost section containing it
  readonly line: number;
}

/** A sentence inside a paragraph, ending with 。！？ or the paragraph end. */
export interface Sentence extends TextRange {
  readonly paragraph: number;
  readonly text: string;
}

/** A parsed report. Immutable: rules only read it. */
export interface ReportDocument {
  readonly text: string;
  readonly folded: FoldedText;
  readonly lines: readonly Line[];
  readonly identity: ReportIdentity;
  readonly headings: readonly Heading[];
  readonly sections: readonly Section[];
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
  readonly body: TextRange; // from the first body line to the end of the last one
  readonly positions: PositionMap;
}
