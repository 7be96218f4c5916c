// User patterns are JavaScript RegExp with the u flag. `\p{Han}` (common in other tools) is
// rewritten to `\p{Script=Han}`, which is what JavaScript accepts. Patterns run on the folded
// text, so they should be written with half-width punctuation: ( ) : , rather than （ ）： ，.

import { foldString } from '../../text/fold-text.js';

/** Compiles a rule pattern, or returns the reason it cannot be compiled. */
export function compilePattern(source: string, flags = 'gu'): RegExp | string {
  const rewritten = foldString(
    source.replace(/\\p\{Han\}/g, '\\p{Script=Han}').replace(/\\P\{Han\}/g, '\\P{Script=Han}'),
  );
  try {
    return new RegExp(rewritten, flags.includes('u') ? flags : `${flags}u`);
  } catch (error) {
    return `正则表达式无效：${(error as Error).message}`;
  }
}
