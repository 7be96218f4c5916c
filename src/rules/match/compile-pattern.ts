// User patterns are JavaScript RegExp with the u flag. `\p{Han}` (common in other tools) is
// rewritten to `\p{Script=Han}`, which is what JavaScript accepts. Patterns run on the folded
// text, so they should be written with half-width punctuation: ( ) : , rather than （ ）： ，.

import { foldString } from '../../text/fold-text.js';

/**
 * The longest pattern accepted. V8 compiles a pattern on its first match, and refuses one whose code
 * would be too large ("Regular expression too large") only then, in the middle of a check; a
 * 30,000-character literal still compiles, so this leaves room. A long word list belongs in `terms`.
 */
export const MAX_PATTERN_LENGTH = 5_000;

/** Compiles a rule pattern, or returns the reason it cannot be compiled (one Chinese line). */
export function compilePattern(source: string, flags = 'gu'): RegExp | string {
  if (source.length > MAX_PATTERN_LENGTH) {
    return `正则表达式过长（${source.length} 个字符，上限 ${MAX_PATTERN_LENGTH}）；很长的词表请改用 terms 列出`;
  }
  const rewritten = foldString(
    source.replace(/\\p\{Han\}/g, '\\p{Script=Han}').replace(/\\P\{Han\}/g, '\\P{Script=Han}'),
  );
  try {
    return new RegExp(rewritten, flags.includes('u') ? flags : `${flags}u`);
  } catch (error) {
    return `正则表达式无效：${regexReason((error as Error).message)}`;
  }
}

// V8's reasons (after "Invalid regular expression: /…/flags: "), most common first.
const REGEX_REASONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Unterminated group/, '圆括号没有闭合'],
  [/^Unmatched '\)'/, '多了一个右圆括号'],
  [/^Unterminated character class/, '方括号没有闭合'],
  [/^Nothing to repeat/, '量词（* + ? {n}）前面没有可重复的内容'],
  [/^Lone quantifier brackets|^Incomplete quantifier/, '花括号量词不完整'],
  [/^numbers out of order/, '量词 {m,n} 中 m 大于 n'],
  [/^Range out of order/, '方括号中的字符范围前后颠倒'],
  [
    /^Invalid escape|^Invalid Unicode escape|^Invalid unicode escape/,
    '反斜杠转义无效（u 模式下只能转义特殊字符）',
  ],
  [/^Invalid property name/, '\\p{…} 中的属性名无效'],
  [/^Invalid capture group name|^Invalid group/, '分组的写法无效'],
  [/^Duplicate capture group name/, '分组名重复'],
  [/^Invalid named (?:capture )?referenc/, '引用了不存在的分组名'],
  [/^Invalid class escape|^Invalid character class/, '方括号中的转义无效'],
  [/^\\ at end of pattern/, '末尾多了一个反斜杠'],
];

function regexReason(message: string): string {
  const reason = message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  return REGEX_REASONS.find(([pattern]) => pattern.test(reason))?.[1] ?? '语法错误';
}
