import type { SourceMeta } from '../parse/document.js';

/** File formats fzcheck reads. */
export type SourceFormat = 'txt' | 'md' | 'docx' | 'html' | 'pdf';

/** A loaded input: decoded text with LF line ends and no BOM, plus what the loader learnt. */
export interface SourceFile {
  readonly path: string; // as given by the user, or "-" / the --stdin-filename for stdin
  readonly format: SourceFormat;
  readonly encoding: string; // utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, or "binary" for docx/pdf
  readonly text: string;
  readonly meta: SourceMeta;
}

/** Why an input could not be loaded; `message` is one Chinese line naming the cause. */
export class LoadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LoadError';
  }
}
