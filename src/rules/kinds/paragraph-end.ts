// Kind `paragraph-end`: a body paragraph ends with 。！？ (or ；： that introduce or continue a
// list), and does not break in the middle of a word. Headings are not paragraphs; short
// paragraphs (list items, signatures, dates) are exempt from the end-mark check but not from the
// broken-word check: "…充分发挥考" followed by a paragraph "核的作用…" is one word torn in two.
// Lines that are not sentences need no end mark: a title or unnumbered heading (no punctuation
// inside), a metadata line (索引号：… 发布日期：…), a table row (cells apart), a line a page cut at a
// fixed width or a page marker. A note after the end mark (。（责任单位：区司法局）) ends the
// paragraph too. A sentence that introduces what follows (现将……报告如下) wants a colon.
//
// Options
//   ends:     characters a paragraph may end with (default 。！？!?；;：:…), closing quotes and
//             brackets after them allowed
//   minChars: Han characters below which a paragraph need not end with a mark (default 20)
//
// Example: "……提供优质高效的法治服务" as a paragraph of its own reports the missing 。.

import type { Paragraph } from '../../parse/document.js';
import type { WordIndex } from '../../segment/word-index.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RawFinding, RuleKind, RuleSpec } from '../types.js';
import { problemOutcome } from './shared/outcomes.js';
import { countHan, withinRanges } from './shared/ranges.js';

interface ParagraphEndOptions {
  readonly ends?: string;
  readonly minChars?: number;
}

const DEFAULT_ENDS = '。！？!?；;：:….．';
const CLOSERS = /[”’）)》】」』〕\]\s]+$/u;
const HAN = /\p{Script=Han}/u;
const JOIN_WINDOW = 6;
// A note in brackets after the end mark: 。（责任单位：区司法局）
const TRAILING_NOTE = /([。！？!?；;])\s*[（(][^（）()]{1,40}[）)]\s*$/u;
const INNER_PUNCTUATION = /[，,、；;：:。！？!?]/u;
// A title or an unnumbered heading standing as a line of its own.
const TITLE_END = /(报告|情况|总结|通知|意见|办法|方案|要点|纲要|规定|决定|公告|工作)$/u;
const TITLE_MAX_HAN = 30;
// Metadata: a line that starts with a field label, or holds two or more "label：value" fields.
const META_START =
  /^(索引号|发布机构|发文机关|发文单位|发布日期|发布时间|发文日期|成文日期|公开日期|文号|发文字号|来源|信息来源|文章来源|主题分类|体裁分类|分类|浏览次数|访问量|点击数|字号|作者|责任编辑|编辑|生效日期|有效性|公开方式|公开范围)[:：]/u;
const META_FIELD = /\p{Script=Han}{2,6}[:：]/gu;
// Table cells: a tab, a bar, or two runs of two or more spaces between cells.
const TABLE_ROW = /\t|[|｜]|\S[ \u3000]{2,}\S.*\S[ \u3000]{2,}\S/u;
// Page markers of document-sharing sites: each page's text starts with 1、 2、 ….
const PAGE_MARKER = /^\s*(\d{1,2})、/u;
const FIXED_WIDTH_MIN = 120;
// A sentence that introduces what follows.
const INTRODUCES = /(如下|报告如下|汇报如下|总结如下|说明如下)$/u;

export const paragraphEndKind: RuleKind = {
  name: 'paragraph-end',
  description: '正文段落须以句号等标点结束，不得在词语中间断开',
  nature: 'problem',
  scoped: true,
  options: {
    ends: { type: 'string', minLength: 1, description: '段落可用的结束标点，默认 。！？!?；;：:…' },
    minChars: { type: 'integer', minimum: 0, description: '少于此汉字数的段落不检查结束标点，默认 20' },
  },
  messages: {
    noEnd: '段落末尾缺少句号（以“{last}”结束）',
    noColon: '引出下文的句子末尾缺少冒号（以“{last}”结束）',
    brokenWord: '段落在“{word}”一词中间断开，应与第{line}行连成一段',
    clean: '段落结束规范',
    summary: '{count}个段落结束不规范',
  },
  compile(rule) {
    const options = rule as RuleSpec & ParagraphEndOptions;
    return new ParagraphEndCheck(new Set(options.ends ?? DEFAULT_ENDS), options.minChars ?? 20);
  },
};

class ParagraphEndCheck implements CompiledCheck {
  constructor(
    private readonly ends: ReadonlySet<string>,
    private readonly minChars: number,
  ) {}

  check(context: CheckContext): CheckOutcome {
    const { doc, ranges } = context;
    const headingLines = new Set(doc.headings.map((heading) => heading.line));
    const widths = lineWidths(doc.lines);
    const findings: RawFinding[] = [];
    // One walk over paragraphs and scope together (a check per pair would be quadratic).
    for (const paragraph of withinRanges(doc.paragraphs, ranges, (p) => p.start)) {
      if (TRAILING_NOTE.test(paragraph.text)) continue;
      const body = paragraph.text.replace(CLOSERS, '');
      const last = body.at(-1) ?? '';
      if (last === '' || this.ends.has(last)) continue;
      const line = doc.lines[paragraph.line - 1];
      const next = doc.paragraphs[paragraph.index + 1];
      if (cutByPage(doc.lines, paragraph.line, widths)) continue;
      const lastAt = paragraph.start + body.length - 1;
      const broken = next && !headingLines.has(next.line) ? brokenWord(paragraph, next, context.words) : null;
      if (broken) {
        findings.push({
          start: lastAt,
          end: lastAt + 1,
          messageId: 'brokenWord',
          data: { word: broken, line: next?.line ?? 0 },
          suggestion: broken,
        });
      } else if (countHan(paragraph.text) >= this.minChars && isSentence(body, line?.text ?? '')) {
        const introduces = INTRODUCES.test(body);
        findings.push({
          start: lastAt,
          end: lastAt + 1,
          messageId: introduces ? 'noColon' : 'noEnd',
          data: { last: lastCharacters(body) },
          suggestion: `${lastCharacters(body)}${introduces ? '：' : '。'}`,
        });
      }
    }
    return problemOutcome(context, findings);
  }
}

/** The word torn apart when `paragraph` ends inside it and `next` continues it, else null. */
function brokenWord(paragraph: Paragraph, next: Paragraph, words: WordIndex): string | null {
  const tail = paragraph.text.slice(-JOIN_WINDOW);
  const head = next.text.slice(0, JOIN_WINDOW);
  if (!HAN.test(tail.at(-1) ?? '') || !HAN.test(head[0] ?? '')) return null;
  // Segmenting only these few characters keeps it cheap.
  let offset = 0;
  for (const word of words.cut(tail + head)) {
    const end = offset + word.length;
    if (offset < tail.length && end > tail.length) return word;
    offset = end;
  }
  return null;
}

/** Whether a line that lacks an end mark is a sentence at all (not a title, metadata or a table row). */
function isSentence(body: string, lineText: string): boolean {
  if (TABLE_ROW.test(lineText.trim())) return false;
  if (META_START.test(body) || (body.match(META_FIELD)?.length ?? 0) >= 2) return false;
  const titleLike =
    !INNER_PUNCTUATION.test(body) && (countHan(body) <= TITLE_MAX_HAN || TITLE_END.test(body));
  return !titleLike;
}

/** Line lengths that two or more long lines share: text a page wrapped at a fixed width. */
function lineWidths(lines: ReadonlyArray<{ readonly text: string }>): ReadonlySet<number> {
  const counts = new Map<number, number>();
  for (const line of lines)
    if (line.text.length >= FIXED_WIDTH_MIN)
      counts.set(line.text.length, (counts.get(line.text.length) ?? 0) + 1);
  return new Set([...counts].filter(([, count]) => count >= 2).map(([width]) => width));
}

/** Whether the paragraph's line was cut by the page: at a fixed width, or before the next page marker. */
function cutByPage(
  lines: ReadonlyArray<{ readonly text: string }>,
  lineNumber: number,
  widths: ReadonlySet<number>,
): boolean {
  const text = lines[lineNumber - 1]?.text ?? '';
  if (widths.has(text.length)) return true;
  const here = PAGE_MARKER.exec(text);
  if (here === null) return false;
  let next = lineNumber;
  while (next < lines.length && lines[next]?.text.trim() === '') next++;
  const following = next < lines.length ? PAGE_MARKER.exec(lines[next]?.text ?? '') : null;
  return following !== null && Number(following[1]) === Number(here[1]) + 1;
}

/** The last few characters, not starting inside a number or a Latin word (100%, not 00%). */
function lastCharacters(text: string): string {
  // Only the tail is spread: a paragraph may be megabytes long.
  const chars = [...text.slice(-32)];
  let from = Math.max(0, chars.length - 4);
  const inRun = (ch: string | undefined) => ch !== undefined && /[0-9A-Za-z.,%％．]/u.test(ch);
  while (from > 0 && chars.length - from < 12 && inRun(chars[from]) && inRun(chars[from - 1])) from--;
  return chars.slice(from).join('');
}
