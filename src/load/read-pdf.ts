// .pdf (text layer) → report text. PDF text comes as positioned runs, one visual line at a time;
// join-lines.ts groups them into lines, drops page numbers and rejoins the lines into paragraphs
// (as for OFD). unpdf (pdf.js) is imported only when a PDF is read.

import { pagesToText, type TextRun } from './join-lines.js';
import { LoadError, type SourceFile, type SourceFormat } from './source-file.js';

/** Reads the text layer of a PDF. */
export async function readPdf(path: string, bytes: Uint8Array, format: SourceFormat): Promise<SourceFile> {
  if (!Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) {
    throw new LoadError('corrupt', '文件不是有效的 PDF（缺少 %PDF 文件头）');
  }
  const pages = await readPages(bytes);
  const text = pagesToText(pages);
  if (text === null) {
    throw new LoadError(
      'no-text-layer',
      'PDF 没有文字层（可能是扫描件或图片），无法读取文字；请提供 Word 原稿或可复制文字的 PDF',
    );
  }
  return { path, format, encoding: 'binary', text, meta: {} };
}

async function readPages(bytes: Uint8Array): Promise<TextRun[][]> {
  const { getDocumentProxy, extractTextItems } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of the buffer it is given, so it gets a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException')
      throw new LoadError('encrypted', 'PDF 设有打开密码（已加密），请取消密码后再检查');
    throw new LoadError('corrupt', 'PDF 文件已损坏或不完整，无法打开');
  }
  try {
    return (await extractTextItems(pdf)).items;
  } catch {
    throw new LoadError('corrupt', 'PDF 文件已损坏，无法读取文字');
  } finally {
    await pdf.destroy();
  }
}
