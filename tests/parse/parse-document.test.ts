import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/parse-document.js';

const WEB_PAGE = [
  '您当前所在的位置：首页 » 政务公开 » 年度报告',
  '今天是：2019年6月3日 星期一',
  '',
  '2023年度松江区法治政府建设工作报告',
  '发布时间：2024-03-08 10:12　来源：区司法局',
  '【字体：大 中 小】 打印',
  '',
  '2023年，松江区持续推进法治政府建设。',
  '一、主要举措和成效',
  '（一）强化组织领导。一是压实责任。二是加强考核。',
  '1.建立台账。全年召开会议3次。',
  '二、存在的问题',
  '执法力量不足。',
  '扫一扫在手机打开当前页',
  '上一篇：关于开展普法活动的通知',
  '回到顶部',
].join('\n');

describe('parseDocument on a saved web page', () => {
  const doc = parseDocument(WEB_PAGE);

  it('finds title, year, subject and publication date', () => {
    expect(doc.identity).toMatchObject({
      title: '2023年度松江区法治政府建设工作报告',
      titleLine: 4,
      year: 2023,
      yearSource: 'title',
      subject: '松江区',
      subjectType: 'government',
      kind: 'annual-report',
      publishedAt: '2024-03-08',
      publisher: '区司法局',
    });
  });

  it('marks chrome and metadata lines and keeps them out of the body', () => {
    const roles = doc.lines.map((line) => line.role);
    expect(roles).toEqual([
      'chrome',
      'chrome',
      'blank',
      'title',
      'meta',
      'chrome',
      'blank',
      'body',
      'body',
      'body',
      'body',
      'body',
      'body',
      'chrome',
      'chrome',
      'chrome',
    ]);
    expect(doc.paragraphs.map((p) => p.line)).toEqual([8, 10, 11, 13]);
  });

  it('splits a heading from the body sentence on its line', () => {
    expect(doc.headings.map((h) => [h.line, h.level, h.marker, h.title])).toEqual([
      [9, 1, '一、', '主要举措和成效'],
      [10, 2, '（一）', '强化组织领导'],
      [11, 3, '1.', '建立台账'],
      [12, 1, '二、', '存在的问题'],
    ]);
    expect(doc.paragraphs[1]?.text).toBe('一是压实责任。二是加强考核。');
  });

  it('builds the section tree', () => {
    expect(doc.sections.map((s) => [s.heading.title, s.parent, s.children])).toEqual([
      ['主要举措和成效', null, [1]],
      ['强化组织领导', 0, [2]],
      ['建立台账', 1, []],
      ['存在的问题', null, []],
    ]);
    expect(doc.positions.lineOf(doc.sections[0]?.end ?? 0)).toBe(12);
  });

  it('splits sentences', () => {
    expect(doc.sentences.filter((s) => s.paragraph === 1).map((s) => s.text)).toEqual([
      '一是压实责任。',
      '二是加强考核。',
    ]);
  });
});

describe('identity detection', () => {
  it.each([
    ['清河县人民政府关于2022年度法治政府建设情况的报告', 2022, '清河县人民政府', 'government'],
    ['湖滨省人民政府关于2023年度法治政府建设情况的报告', 2023, '湖滨省人民政府', 'province'],
    ['南平市司法局2023年法治政府建设年度报告', 2023, '南平市司法局', 'department'],
    ['青石镇2019年度法治政府建设工作报告', 2019, '青石镇', 'township'],
    ['西湖街道办事处2025年法治政府建设年度报告', 2025, '西湖街道办事处', 'township'],
    ['2020年度新城新区法治政府建设 工作报告', 2020, '新城新区', 'government'],
  ])('%s', (title, year, subject, subjectType) => {
    const doc = parseDocument(`${title}\n一、主要举措和成效\n办理复议案件12件。`);
    expect(doc.identity).toMatchObject({ year, subject, subjectType });
  });

  it('takes the year from the opening when the title has none', () => {
    const doc = parseDocument('法治政府建设情况报告\n2021年，我区扎实推进法治政府建设。');
    expect(doc.identity).toMatchObject({ year: 2021, yearSource: 'body' });
  });

  it('does not take a year from a 纲要 range', () => {
    const doc = parseDocument('法治政府建设情况报告\n落实《法治政府建设实施纲要（2015—2020年）》。');
    expect(doc.identity.year).toBeNull();
  });

  it.each([
    [
      'an edition is no report year',
      '柳岸区法治政府建设指标体系（2021年版）\n一、总体要求\n按指标推进。',
      null,
    ],
    ['a target year', '法治政府建设实施意见\n力争到2025年，基本建成法治政府。', null],
    ['a goal set for a year', '法治政府建设实施意见\n党的会议提出，2035年基本建成法治国家。', null],
    ['a starting point', '法治政府建设工作情况\n自2016年以来，柳岸区持续推进依法行政。', null],
    [
      'a clause counting from a year',
      '法治政府建设工作情况\n2004年实施纲要颁布实施以来，各级政府推进依法行政。',
      null,
    ],
    ['"2023年以来" is the year itself', '法治政府建设工作情况\n2023年以来，柳岸区持续推进依法行政。', 2023],
    [
      '现将 skips a 纲要 range',
      '关于印发方案的通知\n现将《贯彻法治政府建设实施纲要（2021—2025年）的方案》印发给你们。',
      null,
    ],
  ])('year: %s', (_, text, year) => {
    expect(parseDocument(text).identity.year).toBe(year);
  });

  it('guesses the year from the publication date', () => {
    const doc = parseDocument('法治政府建设情况报告\n发布时间：2022-03-01\n我区扎实推进法治政府建设。');
    expect(doc.identity).toMatchObject({ year: 2021, yearSource: 'published' });
  });

  it('lets --year and --subject-type override detection', () => {
    const doc = parseDocument(
      '青石镇2019年度法治政府建设工作报告\n正文。',
      {},
      { year: 2020, subjectType: 'department' },
    );
    expect(doc.identity).toMatchObject({ year: 2020, yearSource: 'override', subjectType: 'department' });
  });

  it.each([
    ['关于印发《金山区2021年法治政府建设工作要点》的通知', 'work-plan'],
    ['宁远区2024年政府信息公开工作年度报告', 'disclosure-report'],
    ['《东湖区法治政府建设实施方案》政策解读', 'interpretation'],
    ['东湖区政府常务会议听取2021年度法治政府建设情况汇报', 'news'],
    ['基层法治政府建设的路径探析', 'article'],
    ['乡镇法治政府建设工作报告范文【3篇】', 'template'],
    ['东湖区司法局2021年上半年法治政府建设工作总结', 'summary'],
    ['东湖区教育局2021年度工作总结', 'summary'],
    ['东湖区2021年度法治政府建设情况报告', 'annual-report'],
  ])('kind of %s', (title, kind) => {
    expect(parseDocument(`${title}\n正文。`).identity.kind).toBe(kind);
  });

  it('takes a yearbook entry for another kind', () => {
    const text = '2025卷\n【依法行政】 全市出台规范性文件8件，法治政府建设持续推进。';
    expect(parseDocument(text).identity).toMatchObject({
      kind: 'other',
      kindReason: '有年鉴的卷次（某年卷），是年鉴条目',
    });
  });
});

describe('positions', () => {
  it('counts columns in code points and lines from 1', () => {
    const doc = parseDocument('标题报告\n𠀀一是法制审核。');
    const offset = doc.text.indexOf('法制');
    expect(doc.positions.at(offset)).toEqual({ line: 2, column: 4, offset: 8, utf16Column: 5 });
  });

  it('gives identical results for LF and CRLF input once decoded', async () => {
    const { decodeText } = await import('../../src/load/decode-text.js');
    const lf = decodeText(new TextEncoder().encode('标题\n一、成效\n内容。'));
    const crlf = decodeText(new TextEncoder().encode('标题\r\n一、成效\r\n内容。'));
    expect(crlf.text).toBe(lf.text);
  });
});
