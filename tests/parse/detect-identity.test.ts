import { describe, expect, it } from 'vitest';
import { subjectTypeOf } from '../../src/parse/detect-identity.js';
import { parseDocument } from '../../src/parse/parse-document.js';

const BODY = '一、主要举措和成效\n开展普法宣传12场。';

describe('report identity', () => {
  it.each([
    ['2020年度青山区法治政府建设工作报告', 2020, 'title', '青山区', 'government', 'title'],
    ['青山区司法局关于2022年度法治政府建设情况的报告', 2022, 'title', '青山区司法局', 'department', 'title'],
    ['青山区东湖街道2024年法治政府建设工作报告', 2024, 'title', '青山区东湖街道', 'township', 'title'],
    [
      '青山省人民政府关于2019年度法治政府建设情况的报告',
      2019,
      'title',
      '青山省人民政府',
      'province',
      'title',
    ],
  ])('%s', (title, year, yearSource, subject, subjectType, subjectTypeSource) => {
    const { identity } = parseDocument(`${title}\n${BODY}`);
    expect(identity).toMatchObject({ year, yearSource, subject, subjectType, subjectTypeSource });
  });

  it('takes the subject from the signature when the title has none', () => {
    const text = `关于2022年度法治政府建设情况的报告\n\n区委、区人民政府：\n现将我局2022年度法治政府建设情况报告如下。\n${BODY}\n\n青山区司法局\n2023年2月28日`;
    expect(parseDocument(text).identity).toMatchObject({
      year: 2022,
      subject: '青山区司法局',
      subjectType: 'department',
      subjectTypeSource: 'signature',
    });
  });

  it.each([
    ['桂政发〔2016〕7号', '广西壮族自治区人民政府', 'province'],
    ['川政办发〔2019〕12号', '四川省人民政府办公厅', 'province'],
    ['京政发[2017]3号', '北京市人民政府', 'province'],
  ])('takes the issuer from the document number %s when nothing else names one', (number, subject, type) => {
    const text = `首页 > 政策文件\n关于加快推进法治政府建设的实施意见\n${number}\n各市、县人民政府：\n为贯彻落实中央部署，提出如下意见。\n一、总体要求\n坚持依法行政。`;
    expect(parseDocument(text).identity).toMatchObject({ subject, subjectType: type });
  });

  it.each([
    ['青山区司法局', '我局', '青山区司法局'],
    ['东湖镇人民政府', '我镇', '东湖镇人民政府'],
    ['青山区人民政府办公室', '我局', null], // the site's office publishing a bureau's report
    ['青山区司法局、青山区人民政府办公室', '我局', null], // a list names no one body
  ])(
    'takes the subject from the page publisher %s when the report calls itself %s',
    (publisher, self, subject) => {
      const text = `[ 索引号 ] 11500000MB1234567X/2023-00012\n[ 发布机构 ] ${publisher} [ 发布日期 ] 2023-02-10\n\n2022年度法治政府建设工作报告\n2022年，${self}坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下。\n${BODY}`;
      expect(parseDocument(text).identity.subject).toBe(subject);
    },
  );

  it('names no issuer from a document number it cannot tell for sure', () => {
    // 宁政发 is both 南京 and 宁夏; a city's or department's 代字 is not a province's.
    for (const number of ['宁政发〔2016〕7号', '杭政发〔2016〕7号', '浙司发〔2016〕7号']) {
      const text = `关于加快推进法治政府建设的实施意见\n${number}\n各有关单位：\n为贯彻落实中央部署，提出如下意见。\n一、总体要求\n坚持依法行政。`;
      expect(parseDocument(text).identity.subject, number).toBeNull();
    }
  });

  it('accepts a signature date in Chinese numerals', () => {
    const text = `2023年度法治政府建设工作报告\n${BODY}\n\n东湖镇人民政府\n二〇二四年一月十五日`;
    expect(parseDocument(text).identity).toMatchObject({
      subject: '东湖镇人民政府',
      subjectType: 'township',
    });
  });

  it('takes the subject from a byline under the title', () => {
    const text = `关于2020年度法治政府建设工作情况的报告\n\n青山市人民政府\n（2021年3月20日）\n\n${BODY}`;
    expect(parseDocument(text).identity).toMatchObject({
      subject: '青山市人民政府',
      subjectType: 'government',
    });
  });

  it('takes the subject from the opening sentence', () => {
    const text = `法治政府建设年度报告\n2019年，在县委、县政府的坚强领导下，县人力资源和社会保障局深入推进依法行政。\n${BODY}`;
    expect(parseDocument(text).identity).toMatchObject({
      year: 2019,
      yearSource: 'body',
      subject: '县人力资源和社会保障局',
      subjectType: 'department',
      subjectTypeSource: 'body',
    });
  });

  it.each([
    ['2022年，我镇在区委、区政府的正确领导下扎实推进法治建设。', 'township'],
    ['现将我局2022年度法治政府建设情况报告如下。', 'department'],
    ['2021年，我县坚持以习近平法治思想为指导。', 'government'],
  ])('infers the type from a self-reference: %s', (opening, subjectType) => {
    const text = `关于2022年度法治政府建设情况的报告\n${opening}\n${BODY}`;
    expect(parseDocument(text).identity).toMatchObject({
      subject: null,
      subjectType,
      subjectTypeSource: 'body',
    });
  });

  it('lets --subject-type override detection', () => {
    const text = `青山区司法局关于2022年度法治政府建设情况的报告\n${BODY}`;
    expect(parseDocument(text, {}, { subjectType: 'government' }).identity).toMatchObject({
      subject: '青山区司法局',
      subjectType: 'government',
      subjectTypeSource: 'override',
    });
  });

  it('does not take a sentence for a signature', () => {
    const text = `关于2022年度法治政府建设情况的报告\n${BODY}\n全面推进依法行政，建设法治政府。\n2023年3月1日`;
    expect(parseDocument(text).identity).toMatchObject({ subject: null, subjectType: null });
  });
});

describe('subjectTypeOf', () => {
  it.each([
    ['新蒲新区', 'government'],
    ['青山县人民政府', 'government'],
    ['青山经济开发区管委会', 'government'],
    ['青山区东湖镇人民政府', 'township'],
    ['东湖街道办事处', 'township'],
    ['青山市市场监督管理局', 'department'],
    ['青山县卫生健康委员会', 'department'],
    ['青山县人民政府办公室', 'government'],
    ['青山省人民政府', 'province'],
  ])('%s → %s', (name, type) => expect(subjectTypeOf(name)).toBe(type));
});

describe('subject shapes of real pages', () => {
  it.each([
    [
      'a news headline: the body that acts',
      '柳岸区政府常务会议听取2023年度法治政府建设情况汇报\n3月2日，柳岸区政府召开常务会议。',
      { subject: '柳岸区政府常务会议', subjectType: null },
    ],
    [
      'a Party organ of a body in a headline',
      '松岭省政府党组召开会议审议2023年度法治政府建设情况报告\n会议强调，要压实责任。',
      { subject: '松岭省政府', subjectType: 'province' },
    ],
    [
      'the fuller name the 来源 gives',
      '自治区水利厅顺利完成2023年度法治政府建设考核\n发布时间：2024-01-05 来源：松岭自治区水利厅\n考核组听取了汇报。',
      { subject: '松岭自治区水利厅', subjectType: 'department' },
    ],
    [
      'a date before the body in a news opening',
      '法治政府建设评议会召开\n6月5日，柳岸县组织召开法治政府建设年度报告评议会。',
      { subject: '柳岸县', subjectType: 'government' },
    ],
    [
      'a Party organ in the third paragraph, after 一年来',
      '柳岸纪事\n春风送暖。\n2023年，是改革的关键之年。\n一年来，松岭省水利厅党委认真学习贯彻党的二十大精神。',
      { subject: '松岭省水利厅', subjectType: 'department' },
    ],
    [
      'level words in the title are no name; the opening names the town',
      '2023年度乡镇法治政府建设情况报告\n一、基本情况\n2023年，柳岸镇在区委、区政府的坚强领导下推进法治建设。',
      { subject: '柳岸镇', subjectType: 'township' },
    ],
    [
      'a report cited by its title',
      '根据条例要求，现公布《柳岸区人民政府2023年政府信息公开工作年度报告》。\n一、总体情况\n2023年，我区加大公开力度。',
      { subject: '柳岸区人民政府', subjectType: 'government' },
    ],
    [
      '县委、县政府 and the place of the documents it cites',
      '2024年，县委、县政府坚持以习近平法治思想为指导。\n一、主要举措\n印发《柳岸县党政主要负责人述法工作办法》。',
      { subject: '柳岸县', subjectType: 'government' },
    ],
    [
      'a central body has no local type',
      '国务院关于松岭地区行政执法工作情况的报告\n一、基本情况\n执法规范化水平提升。',
      { subject: '国务院', subjectType: null },
    ],
    [
      'a template names no body and no year',
      '乡镇2024年法治政府建设工作总结范文【3篇】\n2024年，我镇扎实推进依法行政。',
      { subject: null, subjectType: null, year: null },
    ],
    [
      'an office holder in the title stands for the body led',
      '柳岸镇镇长2024年述法报告\n今年以来，我认真履行法治建设第一责任人职责。',
      { subject: '柳岸镇镇长', subjectType: 'township' },
    ],
    [
      'a country as the topic; the research body that wrote it, of no local type',
      '中国基层治理发展报告（2023）\n本报告由松岭大学法治研究院编写，分析基层治理的进展。',
      { subject: '松岭大学法治研究院', subjectType: null },
    ],
    [
      'a verb phrase in the title names no body',
      '关于深入推进依法行政加快建设法治政府的实施意见\n各单位：\n为推进依法行政，现提出如下意见。',
      { subject: null },
    ],
  ])('%s', (_, text, expected) => {
    expect(parseDocument(text).identity).toMatchObject(expected);
  });
});
