// Output formats by name. Each is a pure function from a run to text in its own file, loaded only
// when asked for, so that a plain table run does not pay for the other formats. A format declares
// whether it is machine output (never coloured, never wrapped to the terminal) and whether it
// shows the report text (then the pipeline keeps the text of every file for it). Binary formats
// (Word, Excel) are written to files only; a per-file format makes one file per report. A format
// whose syntax does not escape control characters gets the run with them escaped (printable.ts).

import type { Formatter, StreamFormatter } from './formatter.js';

/** A --format name's formatter (loaded on demand) and what it needs. */
export interface FormatterEntry {
  readonly description: string;
  readonly machine: boolean;
  readonly needsText: boolean;
  readonly binary?: boolean; // bytes, not text: only to a file
  readonly perFile?: boolean; // one output per report: several reports go into a folder
  readonly needsOriginal?: boolean; // the bytes of .docx inputs (to annotate a copy)
  readonly extension?: string; // of the files a per-file format writes into a folder
  readonly escapesControls?: boolean; // its syntax escapes control characters (else see printable.ts)
  readonly load: () => Promise<Formatter>;
  // Written as the files come, so that a batch of any size keeps nothing per file (formats without
  // it get the whole run at the end, and so keep every file's result in memory).
  readonly stream?: () => Promise<StreamFormatter>;
}

/** Formatters by --format name, in the order help texts list them. */
export const FORMATTERS: ReadonlyMap<string, FormatterEntry> = new Map<string, FormatterEntry>([
  [
    'table',
    {
      ...text('带评分的缺项表（默认）', async () => (await import('./table.js')).formatTable),
      stream: async () => (await import('./table.js')).streamTable,
    },
  ],
  [
    'json',
    {
      ...machine('稳定的 JSON 结构（version 1）', async () => (await import('./json.js')).jsonPieces),
      stream: async () => (await import('./json.js')).streamJson,
    },
  ],
  [
    'csv',
    {
      ...machine(
        '每份报告×每条规则一行，带 BOM 的 UTF-8（Excel、WPS 可直接打开）',
        async () => (await import('./csv.js')).formatCsv,
      ),
      stream: async () => (await import('./csv.js')).streamCsv,
    },
  ],
  [
    'markdown',
    text(
      'Markdown 缺项表（邮件、PR 评论、CI 步骤摘要）',
      async () => (await import('./markdown.js')).formatMarkdown,
    ),
  ],
  [
    'html',
    machine(
      '独立的 HTML 报告：原文标出问题、分类得分图、缺项表，批量时含排名和热力图',
      async () => (await import('./html.js')).formatHtml,
      true,
    ),
  ],
  [
    'docx',
    {
      description:
        'Word 批注版：报告副本，每处问题一条批注（原文为 .docx 时保留原文件的全部内容），只能写入文件',
      machine: true,
      needsText: true,
      binary: true,
      escapesControls: true,
      perFile: true,
      needsOriginal: true,
      extension: '.批注.docx',
      load: async () => (await import('./docx.js')).formatDocx,
    },
  ],
  [
    'xlsx',
    {
      description: 'Excel 汇总表：排名、问题清单、热力图三个工作表，只能写入文件',
      machine: true,
      needsText: false,
      binary: true,
      escapesControls: true,
      load: async () => (await import('./xlsx.js')).formatXlsx,
    },
  ],
  [
    'sarif',
    machine(
      'SARIF 2.1.0（GitHub 代码扫描），列按 Unicode 码位计',
      async () => (await import('./sarif.js')).formatSarif,
    ),
  ],
  [
    'github',
    {
      ...machine(
        'GitHub Actions 注释命令（::error 等）',
        async () => (await import('./github.js')).formatGithub,
      ),
      escapesControls: false,
    },
  ],
  [
    'junit',
    machine('JUnit XML（每份报告×每条规则一个用例）', async () => (await import('./junit.js')).formatJunit),
  ],
]);

/** A format for people at a terminal: coloured and wrapped to its width. */
function text(description: string, load: () => Promise<Formatter>): FormatterEntry {
  return { description, machine: false, needsText: false, load };
}

/** A format for programs and files: never coloured or wrapped; its syntax escapes control characters. */
function machine(description: string, load: () => Promise<Formatter>, needsText = false): FormatterEntry {
  return { description, machine: true, needsText, escapesControls: true, load };
}

/** The format names, joined for help and error texts. */
export function formatNames(separator = '、'): string {
  return [...FORMATTERS.keys()].join(separator);
}
