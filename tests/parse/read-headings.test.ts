import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/parse-document.js';

/** Headings as [line, level, marker, title]. */
const headingsOf = (text: string) =>
  parseDocument(text).headings.map((h) => [h.line, h.level, h.marker, h.title]);

describe('headings run together on one line (pages without line breaks)', () => {
  it.each([
    [
      'after a sentence end, separated by spaces',
      '2024年，柳岸区扎实推进法治政府建设，现将情况报告如下： 一、主要举措和成效 （一）强化组织领导 一是召开专题会议3次。 （二）严格规范执法。全年办理案件12件。',
      [
        [1, 1, '一、', '主要举措和成效'],
        [1, 2, '（一）', '强化组织领导'],
        [1, 2, '（二）', '严格规范执法'],
      ],
    ],
    [
      'without spaces, a short title running into the first item of the next level',
      '柳岸镇2024年工作方案为推进依法治镇，特制定本方案。一、工作目标全面提升依法行政水平。二、主要任务1、加强学习培训。组织干部学法4次。2、规范执法行为。开展案卷评查。',
      [
        [1, 1, '一、', '工作目标全面提升依法行政水平'],
        [1, 1, '二、', '主要任务'],
        [1, 3, '1、', '加强学习培训'],
        [1, 3, '2、', '规范执法行为'],
      ],
    ],
    [
      'a level-1 heading that starts with the year',
      '为做好年度工作，现汇报如下：一、2024年工作开展情况（一）依法决策水平提升。出台规范性文件5件。',
      [
        [1, 1, '一、', '2024年工作开展情况'],
        [1, 2, '（一）', '依法决策水平提升'],
      ],
    ],
  ])('%s', (_, text, expected) => {
    expect(headingsOf(text)).toEqual(expected);
  });

  it('keeps offsets: each heading and paragraph points at its own text', () => {
    const text = '柳岸区推进法治建设，报告如下：一、主要举措（一）加强领导。召开会议3次。';
    const doc = parseDocument(text);
    for (const heading of doc.headings) {
      expect(text.slice(heading.titleStart, heading.titleStart + heading.title.length)).toBe(heading.title);
    }
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['柳岸区推进法治建设，报告如下：', '召开会议3次。']);
  });

  it.each([
    ['a list closed by ；', '存在的问题主要有：（一）学法不够深入；（二）执法力量不足；（三）宣传形式单一。'],
    ['numbering that does not continue', '一、主要举措\n全年办结案件。三、下一步计划在另一处说明。'],
    ['an item of the third level without a heading on its line', '一、主要举措\n全年开展培训。1、组织学法。'],
    ['a number inside a sentence', '一、主要举措\n全年办理复议案件12件，同比增长3.5%。2、'],
  ])('no run-on heading in %s', (_, text) => {
    const lineStart = text.startsWith('一、') ? [[1, 1, '一、', '主要举措']] : [];
    expect(headingsOf(text)).toEqual(lineStart);
  });
});

describe('headings without a number', () => {
  it.each([
    [
      'a section word, spaced',
      '柳岸区2024年度法治政府建设情况报告\n\n前 言\n\n本报告依照纲要要求编制。',
      [[3, 1, '', '前 言']],
    ],
    [
      'a part name right above a run that starts at 一',
      '2024年，柳岸街道扎实推进依法行政。\n2024年柳岸街道法治政府建设工作\n一、加强党的领导\n召开会议3次。',
      [
        [2, 1, '', '2024年柳岸街道法治政府建设工作'],
        [3, 1, '一、', '加强党的领导'],
      ],
    ],
    [
      'a 【】 label opening its paragraph',
      '2025卷\n【依法行政】 全年出台规范性文件8件。\n【执法监督】 开展执法检查5次。',
      [
        [2, 1, '', '依法行政'],
        [3, 1, '', '执法监督'],
      ],
    ],
  ])('%s', (_, text, expected) => {
    expect(headingsOf(text)).toEqual(expected);
  });

  it.each([
    ['a short sentence line', '2024年，柳岸区扎实推进依法行政。\n全年工作取得新进展\n召开会议3次。'],
    ['a widget in brackets', '2024年，柳岸区扎实推进依法行政。\n【打印】正文\n召开会议3次。'],
  ])('none in %s', (_, text) => {
    expect(headingsOf(text)).toEqual([]);
  });
});

describe('numbered lines that are not headings', () => {
  it.each([
    [
      'an English paragraph numbered (1) 1.',
      '(1)1. Studying the rule of law in depth and applying it at work.',
    ],
    [
      'long list items, the first with ；',
      '1.编制区域发展规划、年度计划和重大项目安排；编制或者调整土地利用、生态保护等方面的专项规划和实施方案，报批后公布\n2.制定财政预算和重大资金安排，调整重要的行政事业性收费标准以及实行政府定价的重要公用事业价格和收费项目',
    ],
  ])('%s', (_, line) => {
    expect(headingsOf(`2024年度柳岸区法治政府建设情况报告\n${line}`)).toEqual([]);
  });
});

describe('a table of contents', () => {
  const text = [
    '柳岸区法治建设研究方案',
    '一、研究背景',
    '1.1 政策沿革',
    '二、研究方法……5',
    '三、预期成果',
    '一、研究背景',
    '近年来，柳岸区持续推进法治政府建设。',
    '二、研究方法',
    '采用问卷调查与访谈相结合的方式。',
  ].join('\n');
  const doc = parseDocument(text);

  it('is navigation: no headings, no paragraphs, chrome lines', () => {
    expect(doc.headings.map((h) => [h.line, h.title])).toEqual([
      [6, '研究背景'],
      [8, '研究方法'],
    ]);
    expect(doc.lines.slice(1, 5).map((line) => line.role)).toEqual(['chrome', 'chrome', 'chrome', 'chrome']);
    expect(doc.paragraphs.map((p) => p.line)).toEqual([7, 9]);
  });

  it('is not a run of headings whose first one never comes back', () => {
    const plain = parseDocument('柳岸区法治建设研究方案\n一、研究背景\n二、研究方法\n三、预期成果\n全文完。');
    expect(plain.headings).toHaveLength(3);
  });
});
