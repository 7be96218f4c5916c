// Kind `pairing`: paired punctuation (“” 《》 （） 【】 …) opened and closed within one paragraph.
// Matching runs on the folded text, so （ and ( pair alike (the parser folds （） to () only in
// the folded view). Wrong nesting such as 《甲（乙》丙） reports the bracket left open.
//
// Options
//   pairs: opening and closing mark as a two-character string, in folded form (default
//          “” ‘’ 《》 () 【】 〈〉)
//
// Marks of a page widget are not punctuation of the text: 字号:【大 中 小】 split over lines, 【打印】.
//
// Example: "召开“法治讲堂活动3次。" reports the “ that is never closed.

import { foldString, originalRange } from '../../text/fold-text.js';
import type { TextRange } from '../../text/text-range.js';
import { foldedRanges } from '../match/find-text.js';
import type { CheckContext, CheckOutcome, CompiledCheck, RawFinding, RuleKind, RuleSpec } from '../types.js';
import { problemOutcome } from './shared/outcomes.js';

interface PairingOptions {
  readonly pairs?: readonly string[];
}

const DEFAULT_PAIRS = ['“”', '‘’', '《》', '()', '【】', '〈〉'];
// A page widget (folded text): 字号:【大 中 小】, 【字体：大 中 小】, 【打印】【关闭】, even when the page
// cut it in two.
const WIDGET = new RegExp(
  [
    '(?:字号|字体|文字)[:：]?[【\\[(]?(?:[大中小]|默认|超大)*[】\\])]?',
    '[【\\[](?:打印本页|关闭窗口|返回顶部|打印|关闭|收藏|分享|字号|字体)[^】\\]\\n]{0,12}[】\\]]?',
    '[【\\[][大中小]{2,3}[】\\]]',
    '^[大中小]*】',
  ].join('|'),
  'gu',
);
const PAIR_NAMES: Readonly<Record<string, string>> = {
  '“': '双引号',
  '‘': '单引号',
  '《': '书名号',
  '(': '括号',
  '[': '方括号',
  '【': '方头括号',
  '〈': '单书名号',
  '〔': '六角括号',
  '「': '直角引号',
};

export const pairingKind: RuleKind = {
  name: 'pairing',
  description: '成对标点（引号、书名号、括号）须在同一段内配对',
  nature: 'problem',
  scoped: true,
  options: {
    pairs: {
      type: 'array',
      items: { type: 'string', minLength: 2, maxLength: 2 },
      minItems: 1,
      description: '成对标点，如“《》”（半角形式，全角括号按半角处理）',
    },
  },
  messages: {
    unclosed: '{name}不配对：有 {open} 而没有 {close}',
    unopened: '{name}不配对：有 {close} 而前面没有 {open}',
    clean: '成对标点均已配对',
    summary: '{count}处成对标点不配对',
  },
  compile(rule, problem) {
    const options = rule as RuleSpec & PairingOptions;
    const pairs = (options.pairs ?? DEFAULT_PAIRS).map((pair) => foldString(pair));
    const bad = pairs.findIndex((pair) => [...pair].length !== 2 || pair[0] === pair[1]);
    if (bad >= 0) {
      problem(['pairs', bad], '须为两个不同的字符：开标点与闭标点');
      return null;
    }
    return new PairingCheck(pairs);
  },
};

class PairingCheck implements CompiledCheck {
  private readonly closing = new Map<string, string>(); // opening → closing
  private readonly opening = new Map<string, string>(); // closing → opening
  private readonly marks = new Set<number>(); // UTF-16 units of every mark: all else is skipped at once

  constructor(pairs: readonly string[]) {
    for (const pair of pairs) {
      const [open, close] = [...pair] as [string, string];
      this.closing.set(open, close);
      this.opening.set(close, open);
      for (const mark of pair) for (let k = 0; k < mark.length; k++) this.marks.add(mark.charCodeAt(k));
    }
  }

  check(context: CheckContext): CheckOutcome {
    const findings: RawFinding[] = [];
    for (const range of foldedRanges(context.doc, context.ranges)) this.checkUnit(context, range, findings);
    return problemOutcome(context, findings);
  }

  /** Pairs the marks of one unit, adding its findings; linear in the unit (each mark is pushed and popped once). */
  private checkUnit(context: CheckContext, range: TextRange, findings: RawFinding[]): void {
    const { doc } = context;
    const text = doc.folded.text;
    const stack: Array<{ mark: string; at: number }> = [];
    // Where each opening mark sits in the stack, innermost last: the nearest one is found at once.
    const depths = new Map<string, number[]>();
    const report = (at: number, messageId: string, open: string, close: string) => {
      const original = originalRange(doc.folded, at, at + 1);
      // Show the marks as the author wrote them: full-width （ ） when the text has （.
      const wide = doc.text[original.start] !== text[at];
      const shown = (mark: string) => (wide ? toFullWidth(mark) : mark);
      const name = PAIR_NAMES[open] ?? '成对标点';
      findings.push({
        ...original,
        messageId: messageId,
        data: { open: shown(open), close: shown(close), name },
      });
    };
    // Found on the unit's first mark: most units have none.
    let widgets: TextRange[] | null = null;
    for (let i = range.start; i < range.end; i++) {
      if (!this.marks.has(text.charCodeAt(i))) continue;
      const ch = text[i] as string;
      widgets ??= widgetSpans(text.slice(range.start, range.end), range.start);
      if (widgets.some((span) => span.start <= i && i < span.end)) continue;
      if (this.closing.has(ch)) {
        const positions = depths.get(ch) ?? [];
        depths.set(ch, positions);
        positions.push(stack.length);
        stack.push({ mark: ch, at: i });
        continue;
      }
      const open = this.opening.get(ch);
      if (open === undefined) continue;
      const depth = depths.get(open)?.at(-1) ?? -1;
      if (depth < 0) {
        report(i, 'unopened', open, ch);
        continue;
      }
      // Everything above the matching mark is left open; the stack shrinks to below it.
      const removed = stack.splice(depth);
      for (const entry of removed) depths.get(entry.mark)?.pop();
      for (const left of removed.slice(1))
        report(left.at, 'unclosed', left.mark, this.closing.get(left.mark) as string);
    }
    for (const left of stack) report(left.at, 'unclosed', left.mark, this.closing.get(left.mark) as string);
  }
}

/** Where page widgets stand in a unit of text (offsets from `base`). */
function widgetSpans(text: string, base: number): TextRange[] {
  const spans: TextRange[] = [];
  for (const match of text.matchAll(WIDGET))
    if (match[0].length > 0)
      spans.push({ start: base + (match.index ?? 0), end: base + (match.index ?? 0) + match[0].length });
  return spans;
}

function toFullWidth(mark: string): string {
  const code = mark.charCodeAt(0);
  return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : mark;
}
