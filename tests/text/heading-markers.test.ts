import { describe, expect, it } from 'vitest';
import { matchHeadingMarker, parseOrdinal, splitHeadingText } from '../../src/text/heading-markers.js';

describe('matchHeadingMarker', () => {
  it.each([
    ['一、主要举措和成效', 1, '一、', 1],
    ['十二、其他', 1, '十二、', 12],
    ['一.主要工作', 1, '一.', 1],
    ['（一）强化组织领导。', 2, '（一）', 1],
    ['(三)规范执法', 2, '(三)', 3],
    ['（二）、加强监督', 2, '（二）、', 2],
    ['1.加强领导', 3, '1.', 1],
    ['2、推进改革', 3, '2、', 2],
    ['3．深化改革', 3, '3．', 3],
    ['（1）建立台账', 4, '（1）', 1],
    ['⑵落实制度', 4, '⑵', 2],
    ['　　一、存在的问题', 1, '一、', 1],
  ])('%s → level %i', (line, level, marker, ordinal) => {
    expect(matchHeadingMarker(line)).toMatchObject({ level, marker, ordinal });
  });

  it.each([
    '一是压实责任。',
    '2020年，全区',
    '1.5亿元用于',
    '二〇二〇年',
    '三项制度全面落实',
    '（此处）说明',
  ])('no heading in %s', (line) => expect(matchHeadingMarker(line)).toBeNull());
});

describe('splitHeadingText', () => {
  it('ends the heading at the first 。', () => {
    expect(splitHeadingText('强化组织领导。一是压实责任。')).toEqual({ title: '强化组织领导', bodyStart: 7 });
  });
  it('ends the heading where an inline 一是 starts', () => {
    expect(splitHeadingText('深化改革一是全面推进审批改革。')).toEqual({ title: '深化改革', bodyStart: 4 });
  });
  it('drops trailing colons and spaces', () => {
    expect(splitHeadingText('2022年度法治政府建设成效显著：')).toEqual({
      title: '2022年度法治政府建设成效显著',
      bodyStart: 17,
    });
  });
});

describe('parseOrdinal', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十三', 23],
    ['7', 7],
    ['①', 1],
    ['⑶', 3],
  ])('%s → %i', (text, value) => expect(parseOrdinal(text)).toBe(value));
});
