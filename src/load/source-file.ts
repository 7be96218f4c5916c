import type { Budget } from '../shared/budget.js';
import type { SourceFormat } from '../shared/results.js';

export type { SourceFormat } from '../shared/results.js';

/** Facts a loader found outside the text itself (web-page metadata, Word heading styles). */
export interface SourceMeta {
  readonly publishedAt?: string | null; // YYYY-MM-DD
  readonly publisher?: string | null;
  readonly headingLines?: ReadonlyArray<{ readonly line: number; readonly level: 1 | 2 | 3 | 4 }>;
  // Word documents: for each text line (index = line − 1), the block it came from (the n-th
  // non-empty paragraph or table row, in document order) and the code-point offset of the line in
  // that block's text; the annotated copy anchors its comments through it.
  readonly lineOrigins?: ReadonlyArray<readonly [block: number, offset: number]>;
}

/** A loaded input: decoded text with LF line ends and no BOM, plus what the loader learnt. */
export interface SourceFile {
  readonly path: string; // as given by the user, or "-" / the --stdin-filename for stdin
  readonly format: SourceFormat;
  readonly encoding: string; // utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, "binary" for docx/pdf, "ocr" for scans
  readonly text: string;
  readonly meta: SourceMeta;
  readonly original?: Uint8Array; // the file's bytes, for formats that copy it (the annotated .docx)
}

/** Machine-readable causes of a load failure (the `error.code` of a file in the json output). */
export type LoadErrorCode =
  | 'not-found' // no such file
  | 'no-match' // a directory or glob that matched no report file
  | 'unreadable' // permission or I/O error
  | 'is-directory'
  | 'not-regular' // a pipe, device or socket: not a file that can be read to its end
  | 'unsupported-format' // extension fzcheck does not read
  | 'old-format' // a Word 95 or older .doc
  | 'too-large' // over --max-file-size
  | 'empty' // no bytes, or no text once decoded
  | 'binary' // a "text" file that is not text
  | 'corrupt' // damaged or truncated docx / doc / pdf / ofd / zip
  | 'encrypted' // password-protected docx / doc / pdf, or a zip entry with a password
  | 'zip-bomb' // a docx, OFD or zip that would unpack beyond the limit
  | 'unsafe-name' // a zip entry named outside the archive (../, an absolute path)
  | 'nested-archive' // a zip inside a zip inside a zip
  | 'no-text-layer' // a scanned ofd; a pdf with neither text nor page pictures, or whose pictures OCR cannot read
  | 'ocr-unavailable' // a scan or picture, and the optional OCR component is not installed
  | 'ocr-timeout'; // OCR of a file ran over its time budget

/** Why an input could not be loaded; `message` is one Chinese line naming the cause. */
export class LoadError extends Error {
  constructor(
    readonly code: LoadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

/** Limits that protect the run from oversized input. */
export interface LoadOptions {
  readonly maxBytes: number; // per file; a docx may unpack to 10× this
  readonly budget?: Budget | undefined; // the document's time budget (readers check it between steps)
}
