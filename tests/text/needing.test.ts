// A guarded pattern answers as the pattern does on texts holding a literal, false on the others
// without running the pattern at all.

import { describe, expect, it } from 'vitest';
import { needing } from '../../src/text/needing.js';

/** A pattern that counts its tests. */
function counted(source: string, flags = 'u'): RegExp & { tests: number } {
  const pattern = Object.assign(new RegExp(source, flags), { tests: 0 });
  const test = pattern.test.bind(pattern);
  pattern.test = (text: string) => {
    pattern.tests++;
    return test(text);
  };
  return pattern;
}

describe('needing', () => {
  it.each([
    ['a literal and a match', '青山网', true, 1],
    ['a literal but no match', '网络安全法宣传', false, 1],
    ['no literal', '青山区司法局', false, 0],
    ['empty text', '', false, 0],
  ])('%s', (_, text, expected, tests) => {
    const pattern = counted('^[\\p{Script=Han}]{2,10}网$');
    const guarded = needing(['网'], pattern);
    expect(guarded.test(text)).toBe(expected);
    expect(pattern.tests).toBe(tests);
    expect(guarded.source).toBe(pattern.source);
  });

  it('runs the pattern when any one of several literals is there', () => {
    const guarded = needing(['记者', '通讯员'], counted('^(记者|通讯员)[\\p{Script=Han}]{2,4}$'));
    expect(guarded.test('通讯员李明')).toBe(true);
    expect(guarded.test('记者王芳')).toBe(true);
    expect(guarded.test('李明王芳')).toBe(false);
  });
});
