// Word 97–2003 .doc and WPS 文字 .wps (the same binary format with WPS's own extra streams):
// read-compound-file.ts opens the OLE compound file, and word-binary.ts reads the text, the
// paragraphs and their styles, so that Word heading styles become heading lines as in a docx.

import { isEncryptedOffice, isOleFile } from './inspect-zip.js';
import { readCompoundStreams } from './read-compound-file.js';
import { LoadError, type SourceFile, type SourceFormat } from './source-file.js';
import { layOutParagraphs, type StyledParagraph } from './styled-paragraphs.js';
import { readWordParagraphs, type WordParagraph, type WordStreams } from './word-binary.js';

const CELL_SEPARATOR = ' | ';

/** Reads an OLE compound file holding a Word 97–2003 document. */
export function readWord97(path: string, bytes: Uint8Array, format: SourceFormat): SourceFile {
  if (!isOleFile(bytes)) {
    throw new LoadError(
      'corrupt',
      `文件不是有效的 ${format === 'wps' ? 'WPS' : 'Word'} 文档（缺少 OLE 文件头）`,
    );
  }
  if (isEncryptedOffice(bytes)) {
    throw new LoadError('encrypted', 'Word 文档设有打开密码（已加密），请取消密码后再检查');
  }
  const streams = openStreams(bytes, format);
  const { text, headingLines } = layOutParagraphs(toStyledParagraphs(readWordParagraphs(streams)));
  return { path, format, encoding: 'binary', text, meta: { headingLines } };
}

function openStreams(bytes: Uint8Array, format: SourceFormat): WordStreams {
  const streams = readCompoundStreams(bytes, ['WordDocument', '0Table', '1Table']);
  const wordDocument = streams.get('WordDocument');
  if (!wordDocument) {
    const name = format === 'wps' ? 'WPS 文字' : 'Word';
    throw new LoadError(
      'corrupt',
      `文件不是 ${name} 文档（其中没有 Word 正文），可能是其他文件改了扩展名或早期 WPS 格式；请另存为 .docx 后再检查`,
    );
  }
  return { wordDocument, table0: streams.get('0Table') ?? null, table1: streams.get('1Table') ?? null };
}

/** Table cells become one line per row, `项目 | 件数`, as the docx reader writes them. */
function toStyledParagraphs(paragraphs: readonly WordParagraph[]): StyledParagraph[] {
  const out: StyledParagraph[] = [];
  let cells: string[] = [];
  let cell: string[] = [];
  const endRow = () => {
    const row = cells.map((cell) => cell.replace(/\s+/g, ' ').trim()).filter((cell) => cell !== '');
    if (row.length > 0) out.push({ text: row.join(CELL_SEPARATOR), styledLevel: null });
    cells = [];
  };
  for (const paragraph of paragraphs) {
    if (paragraph.rowEnd) endRow();
    else if (paragraph.inTable) {
      cell.push(paragraph.text);
      if (paragraph.cellEnd) {
        cells.push(cell.join(' '));
        cell = [];
      }
    } else {
      if (cells.length > 0) endRow();
      out.push({ text: paragraph.text, styledLevel: paragraph.headingLevel });
    }
  }
  endRow();
  return out;
}
