import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/parse/parse-document.js';

/** Line roles of a document, one letter each: c chrome, m meta, t title, b body, _ blank. */
const rolesOf = (text: string) =>
  parseDocument(text)
    .lines.map(
      (line) => ({ chrome: 'c', meta: 'm', title: 't', body: 'b', blank: '_' })[line.role as string] ?? '?',
    )
    .join('');

describe('page chrome the head reader recognises', () => {
  it.each([
    [
      'the headline repeated further down the page (image captions)',
      '柳岸区召开法治政府建设推进会\n3月5日，柳岸区召开推进会。\n柳岸区召开法治政府建设推进会\n会议要求压实责任。\n柳岸区召开法治政府建设推进会',
      'tbcbc',
    ],
    [
      'a page title told apart by "(2020年)", then the document title',
      '柳岸区人民政府关于依法行政工作情况的报告 (2020年)\n松岭文库，自由的图书馆\n柳岸区人民政府关于依法行政工作情况的报告\n全年出台规范性文件8件。',
      'cctb',
    ],
    [
      'a preface that introduces the full text',
      '报告发布\n2021年3月，报告发布。\n报告全文\n一、总体情况\n全年主动公开信息1200条。',
      'cccbb',
    ],
    [
      'the values of an English catalogue record (its English summary is not the report either)',
      '柳岸区2024年度法治政府建设情况报告\nType\n政务公开-政策\nLevel\n松岭省 (Provincial-level units)\nSummary\n\n(1) In 2024 the district advanced the rule of law.',
      'tcmcmc_c',
    ],
    [
      'a section word is not a label above the text',
      '引言\n柳岸区近年来在法治政府建设方面取得了进展。\n一、背景\n柳岸区地处山区。',
      'bbbb',
    ],
  ])('%s', (_, text, roles) => {
    expect(rolesOf(text)).toBe(roles);
  });

  it('takes the document title, not the page title with its "(2020年)"', () => {
    const doc = parseDocument(
      '柳岸区人民政府关于依法行政工作情况的报告 (2020年)\n松岭文库，自由的图书馆\n柳岸区人民政府关于依法行政工作情况的报告\n全年出台规范性文件8件。',
    );
    expect([doc.identity.title, doc.identity.titleLine]).toEqual([
      '柳岸区人民政府关于依法行政工作情况的报告',
      3,
    ]);
  });
});

describe('a title that runs into the first sentence', () => {
  it.each([
    ['a space', '青山县水利局2019年法治政府建设工作报告 2019年，我局认真贯彻落实。'],
    ['ideographic spaces', '青山县水利局2019年法治政府建设工作报告　　2019年，我局认真贯彻落实。'],
  ])('takes a short line parted by %s as title and opening', (_, line) => {
    const doc = parseDocument(`${line}\n一、主要举措和成效\n开展普法宣传12场。`);
    expect(doc.identity).toMatchObject({
      title: '青山县水利局2019年法治政府建设工作报告',
      subject: '青山县水利局',
      year: 2019,
    });
  });

  it.each(['现将2019年法治政府建设工作报告 如下。', '我局2019年法治政府建设工作总结 如下，请审阅。'])(
    'takes no title from an opening sentence with a gap in it: %s',
    (line) => {
      expect(parseDocument(`${line}\n一、主要举措和成效\n开展普法宣传12场。`).identity.title).toBeNull();
    },
  );
});

describe('a title stated in the metadata block', () => {
  const TITLE = '青山市生态环境局2021年度法治政府建设情况报告';
  const BODY = '2021年，市生态环境局深入学习贯彻习近平法治思想。\n一、主要举措和成效\n开展普法宣传12场。';

  it.each([
    ['a colon', `发布机构：青山市生态环境局　　成文日期：2022-01-28\n标题：${TITLE}`],
    ['brackets', `[ 发布机构 ] 青山市生态环境局\n[ 标　　题 ] ${TITLE}`],
    ['table bars', `名　　称：| ${TITLE} | 文号：| 无`],
  ])('is the title when no line gives one (%s)', (_, head) => {
    const doc = parseDocument(`${head}\n\n${BODY}`);
    expect(doc.identity).toMatchObject({ title: TITLE, subject: '青山市生态环境局', year: 2021 });
  });

  it('leaves the title to its own line when there is one, the labelled line staying metadata', () => {
    const doc = parseDocument(`标　　题：${TITLE}\n发布日期：2022-01-30\n\n${TITLE}\n\n${BODY}`);
    expect(doc.identity.title).toBe(TITLE);
    expect(doc.identity.titleLine).toBe(4);
  });
});
