// Kind `paragraph-end`: a body paragraph ends with 。！？ (or ；： that introduce or continue a
// list), and does not break in the middle of a word. Headings are not paragraphs; short
// paragraphs (list items, signatures, dates) are exempt from the end-mark check but not from the
// broken-word check: "…充分发挥考" followed by a paragraph "核的作用…" is one word torn in two.
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

const DEFAULT_ENDS = '。！？!?；;：:…';
const CLOSERS = /[”’）)》】」』〕\]\s]+$/u;
const HAN = /\p{Script=Han}/u;
const JOIN_WINDOW = 6;

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
    const findings: RawFinding[] = [];
    // One walk over paragraphs and scope together (a check per pair would be quadratic).
    for (const paragraph of withinRanges(doc.paragraphs, ranges, (p) => p.start)) {
      const body = paragraph.text.replace(CLOSERS, '');
      const last = body.at(-1) ?? '';
      if (last === '' || this.ends.has(last)) continue;
      const lastAt = paragraph.start + body.length - 1;
      const next = doc.paragraphs[paragraph.index + 1];
      const broken = next && !headingLines.has(next.line) ? brokenWord(paragraph, next, context.words) : null;
      if (broken) {
        findings.push({
          start: lastAt,
          end: lastAt + 1,
          messageId: 'brokenWord',
          data: { word: broken, line: next?.line ?? 0 },
          suggestion: broken,
        });
      } else if (countHan(paragraph.text) >= this.minChars) {
        findings.push({
          start: lastAt,
          end: lastAt + 1,
          messageId: 'noEnd',
          data: { last: lastCharacters(body) },
          suggestion: `${lastCharacters(body)}。`,
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

function lastCharacters(text: string): string {
  // Eight code units hold the last four characters (surrogate pairs included); the rest is not copied.
  return [...text.slice(-8)].slice(-4).join('');
}
