import { describe, expect, it } from 'vitest';
import { locate } from '../../src/parse/locate.js';
import { parseDocument } from '../../src/parse/parse-document.js';

const TEXT = [
  '青松镇2024年度法治政府建设情况报告',
  '一、主要举措和成效',
  '（一）健全制度',
  '出台规范性文件3件。',
  '组织执法培训6期，参训人员120人次。',
  '二、存在的不足和原因',
  '执法力量不足，专业人员偏少。',
].join('\n');
const doc = parseDocument(TEXT);
const at = (needle: string) => locate(doc, TEXT.indexOf(needle));

describe('locate', () => {
  it('names the part, the innermost heading and the paragraph under it with its first words', () => {
    expect(at('参训人员')).toEqual({
      part: '一、主要举措和成效',
      heading: '（一）健全制度',
      paragraph: 2,
      firstWords: '组织执法培训6期，参训人…',
    });
    expect(at('专业人员')).toEqual({
      part: '二、存在的不足和原因',
      heading: '二、存在的不足和原因',
      paragraph: 1,
      firstWords: '执法力量不足，专业人员偏…',
    });
  });

  it('gives a heading line its heading and no paragraph, and the title nothing', () => {
    expect(at('健全制度')).toMatchObject({
      part: '一、主要举措和成效',
      heading: '（一）健全制度',
      paragraph: null,
    });
    expect(at('青松镇')).toEqual({ part: null, heading: null, paragraph: null, firstWords: null });
  });
});
