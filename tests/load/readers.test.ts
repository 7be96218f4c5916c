// Each reader on the fixtures in fixtures/inputs (made by scripts/make-input-fixtures.ts from the
// two fixture reports): what the loader produces and what the parser then detects.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../scripts/lib/write-zip.js';
import { groupLines, joinLines, type TextLine, tidy } from '../../src/load/join-lines.js';
import { loadBytes, loadFile } from '../../src/load/load-source.js';
import { expandDeltas, readOfdPages } from '../../src/load/read-ofd.js';
import { parseDocument } from '../../src/parse/parse-document.js';
import { sharedPath } from '../support/shared-path.js';

const DIR = new URL('../../fixtures/inputs/', import.meta.url).pathname;
const OPTIONS = { maxBytes: 20 * 1024 * 1024 };

async function load(name: string) {
  const source = await loadFile(DIR + name, OPTIONS);
  const document = parseDocument(source.text, source.meta);
  return { source, document, headings: document.headings.map((h) => `${h.level} ${h.marker}${h.title}`) };
}

const QINGHE_TITLE = '青禾区司法局2021年度法治政府建设工作报告';
const LIUTANG_TITLE = '柳塘镇人民政府关于2019年度法治政府建设情况的报告';
const CHROME = [
  '您当前所在的位置',
  '当前位置',
  '首页',
  '字体',
  '打印',
  '关闭',
  '扫一扫',
  '上一篇',
  '下一篇',
  '相关文章',
  '热点信息',
  '今天是',
  '无障碍',
  'ICP备',
  '公网安备',
  '网站标识码',
  '版权所有',
  '发布时间',
  '发布日期',
  '浏览次数',
  '阅读次数',
  '机构概况',
  '分享到',
  '回到顶部',
  'doZoom',
];

describe('every format gives the same report', () => {
  it.each([
    ['qinghe-sfj-2021.txt', 'txt', 'utf-8', QINGHE_TITLE, 2021, '2022-02-18', null],
    ['qinghe-sfj-2021.docx', 'docx', 'binary', QINGHE_TITLE, 2021, '2022-02-18', null],
    ['qinghe-sfj-2021.doc', 'doc', 'binary', QINGHE_TITLE, 2021, '2022-02-18', null],
    ['qinghe-sfj-2021.gbk.html', 'html', 'gb18030', QINGHE_TITLE, 2021, '2022-02-25', '青禾区司法局'],
    ['qinghe-sfj-2021.pdf', 'pdf', 'binary', QINGHE_TITLE, 2021, '2022-02-18', null],
    ['qinghe-sfj-2021.ofd', 'ofd', 'binary', QINGHE_TITLE, 2021, '2022-02-18', null],
    ['liutang-town-2019.txt', 'txt', 'utf-8', LIUTANG_TITLE, 2019, '2020-01-10', null],
    ['liutang-town-2019.gbk.txt', 'txt', 'gb18030', LIUTANG_TITLE, 2019, '2020-01-10', null],
    ['liutang-town-2019-autonumbered.docx', 'docx', 'binary', LIUTANG_TITLE, 2019, '2020-01-10', null],
    ['liutang-town-2019-autonumbered.doc', 'doc', 'binary', LIUTANG_TITLE, 2019, '2020-01-10', null],
    ['liutang-town-2019-autonumbered.wps', 'wps', 'binary', LIUTANG_TITLE, 2019, '2020-01-10', null],
    ['liutang-town-2019.html', 'html', 'utf-8', LIUTANG_TITLE, 2019, '2020-01-15', '柳塘镇人民政府'],
    ['liutang-town-2019.ofd', 'ofd', 'binary', LIUTANG_TITLE, 2019, '2020-01-10', null],
  ])('%s', async (name, format, encoding, title, year, publishedAt, publisher) => {
    const { source, document } = await load(name);
    expect(source.format).toBe(format);
    expect(source.encoding).toBe(encoding);
    expect(document.identity.title).toBe(title);
    expect(document.identity.year).toBe(year);
    expect(document.identity.publishedAt).toBe(publishedAt);
    expect(document.identity.publisher).toBe(publisher);
  });

  it.each([
    'qinghe-sfj-2021.docx',
    'qinghe-sfj-2021.doc',
    'qinghe-sfj-2021.gbk.html',
    'qinghe-sfj-2021.pdf',
    'qinghe-sfj-2021.ofd',
  ])('%s has the headings of the plain text, at the same levels', async (name) => {
    const plain = await load('qinghe-sfj-2021.txt');
    const other = await load(name);
    expect(other.headings).toEqual(plain.headings);
    expect(other.headings).toContain('1 一、主要举措和成效');
    expect(other.headings).toContain('2 （三）发挥行政复议化解争议作用');
    expect(other.headings).toContain('3 1.落实行政执法三项制度');
  });
});

describe('readDocx', () => {
  it('turns Word heading styles into heading lines and keeps the title out of them', async () => {
    const { source, document } = await load('qinghe-sfj-2021.docx');
    const lines = source.text.split('\n');
    const styled = (source.meta.headingLines ?? []).map(({ line, level }) => `${level} ${lines[line - 1]}`);
    expect(styled).toEqual([
      '1 一、主要举措和成效',
      '2 （一）健全依法行政制度体系',
      '2 （二）严格规范公正文明执法',
      '2 （三）发挥行政复议化解争议作用',
      '1 二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '1 三、存在的问题',
      '1 四、下一步工作打算',
    ]);
    expect(document.identity.titleLine).toBe(1);
  });

  it('finds headings numbered by Word (no 一、 in the text) from their style', async () => {
    const { headings } = await load('liutang-town-2019-autonumbered.docx');
    expect(headings).toEqual([
      '1 2019年法治政府建设主要工作',
      '2 （一）加强组织领导',
      '2 （二）推进依法决策',
      '2 （三）规范执法行为',
      '2 （四）化解矛盾纠纷',
      '1 存在的问题',
      '1 下一步工作打算',
    ]);
  });

  it('keeps table text, one row per line', async () => {
    const { source } = await load('qinghe-sfj-2021.docx');
    expect(source.text).toContain('\n项目 | 件数\n收到行政复议申请 | 48件\n受理 | 42件\n审结 | 39件\n');
  });
});

describe('readDoc (Word 97–2003 .doc, WPS .wps)', () => {
  it('gives the text of the docx it was saved from, word for word, tables as rows', async () => {
    const docx = await load('qinghe-sfj-2021.docx');
    const doc = await load('qinghe-sfj-2021.doc');
    expect(doc.source.text).toBe(docx.source.text);
    expect(doc.source.text).toContain('以开局“十四五”为契机，对照《法治政府建设实施纲要（2021—2025年）》');
    expect(doc.source.text).toContain('\n项目 | 件数\n收到行政复议申请 | 48件\n受理 | 42件\n审结 | 39件\n');
  });

  it('turns Word heading styles into the heading lines the docx gives', async () => {
    for (const [doc, docx] of [
      ['qinghe-sfj-2021.doc', 'qinghe-sfj-2021.docx'],
      ['liutang-town-2019-autonumbered.doc', 'liutang-town-2019-autonumbered.docx'],
      ['liutang-town-2019-autonumbered.wps', 'liutang-town-2019-autonumbered.docx'],
    ] as const) {
      const binary = await load(doc);
      const open = await load(docx);
      expect(binary.source.meta.headingLines).toEqual(open.source.meta.headingLines);
      expect(binary.headings).toEqual(open.headings);
    }
    const { headings } = await load('liutang-town-2019-autonumbered.wps');
    expect(headings).toEqual([
      '1 2019年法治政府建设主要工作',
      '2 （一）加强组织领导',
      '2 （二）推进依法决策',
      '2 （三）规范执法行为',
      '2 （四）化解矛盾纠纷',
      '1 存在的问题',
      '1 下一步工作打算',
    ]);
  });

  it('reads a .doc that is really a docx, and a docx that is really a .doc, as what they are', async () => {
    const docx = readFileSync(`${DIR}qinghe-sfj-2021.docx`);
    const doc = readFileSync(`${DIR}qinghe-sfj-2021.doc`);
    expect((await loadBytes('x.doc', docx, OPTIONS)).text).toBe(
      (await load('qinghe-sfj-2021.docx')).source.text,
    );
    const swapped = await loadBytes('x.docx', doc, OPTIONS);
    expect(swapped.format).toBe('doc');
    expect(swapped.text).toBe((await load('qinghe-sfj-2021.doc')).source.text);
  });
});

describe('readOfd', () => {
  // Real OFD files from an open-source OFD library's tests, read where they lie (README there).
  const SAMPLES = `${sharedPath('samples/ofd') ?? '/nonexistent'}/`;
  const samples = existsSync(SAMPLES)
    ? readdirSync(SAMPLES)
        .filter((name) => name.endsWith('.ofd'))
        .map((name) => name.slice(0, -4))
    : [];

  it.skipIf(samples.length === 0).each(samples)(
    '%s gives the expected text codes, page by page, in content order',
    async (name) => {
      const pages = await readOfdPages(readFileSync(`${SAMPLES}${name}.ofd`), OPTIONS);
      // The README's format: one TextCode per line, a form-feed line between pages.
      const text = pages.map((codes) => codes.map((code) => `${code.text}\n`).join('')).join('\f\n');
      expect(text).toBe(readFileSync(`${SAMPLES}${name}.expected.txt`, 'utf8'));
    },
  );

  it.skipIf(samples.length === 0).each(samples.filter((name) => name !== 'contains-jpeg-image-only'))(
    '%s: the reader keeps every character of the expected text except page numbers',
    async (name) => {
      const source = await loadFile(`${SAMPLES}${name}.ofd`, OPTIONS);
      const expected = readFileSync(`${SAMPLES}${name}.expected.txt`, 'utf8')
        .split('\n')
        .filter((line) => !/^[—\s\d]+$/.test(line));
      const characters = (lines: readonly string[]) => lines.join('').replace(/\s/g, '');
      expect(source.format).toBe('ofd');
      expect(characters(source.text.split('\n'))).toBe(characters(expected));
    },
  );

  it.skipIf(samples.length === 0)(
    'rejoins lines into paragraphs and drops page numbers (n.ofd)',
    async () => {
      const source = await loadFile(`${SAMPLES}n.ofd`, OPTIONS);
      const lines = source.text.split('\n');
      expect(lines).toHaveLength(10);
      expect(lines[4]).toBe('你院《关于给张阿三同志辞职的请示》（路中医发〔2011〕10号）收悉。');
      expect(source.text).not.toMatch(/— \d —/);
    },
  );

  it.skipIf(samples.length === 0)('reads an image-only sample as a scan', async () => {
    const name = `${SAMPLES}contains-jpeg-image-only.ofd`;
    await expect(loadFile(name, OPTIONS)).rejects.toMatchObject({ code: 'no-text-layer' });
  });

  it('gives the paragraphs of the plain text for an OFD laid out as a 公文', async () => {
    for (const name of ['qinghe-sfj-2021', 'liutang-town-2019']) {
      const plain = readFileSync(`${DIR}${name}.txt`, 'utf8').split('\n').filter(Boolean);
      const { source } = await load(`${name}.ofd`);
      expect(source.text.split('\n')).toEqual(plain);
    }
  });

  it.each([
    ['10 1.5', [10, 1.5]],
    ['g 3 5.6 2.8', [5.6, 5.6, 5.6, 2.8]],
    ['', []],
  ])('expandDeltas(%j)', (value, deltas) => {
    expect(expandDeltas(value)).toEqual(deltas);
  });

  it('puts text codes in reading order: by baseline, then left to right, across objects and page blocks', async () => {
    const ns = 'http://www.ofdspec.org/2016';
    const code = (x: number, y: number, text: string) =>
      `<ofd:TextObject ID="1" Boundary="${x} ${y} 100 6" Size="5"><ofd:TextCode X="0" Y="5">${text}</ofd:TextCode></ofd:TextObject>`;
    const content = `<ofd:Page xmlns:ofd="${ns}"><ofd:Content><ofd:Layer ID="1">${code(30, 60, '第二行的文字。')}<ofd:PageBlock ID="2">${code(60, 40, '右半句，')}</ofd:PageBlock>${code(30, 40.4, '一、左半句')}${code(30, 20, '某县2021年度法治政府建设情况报告')}</ofd:Layer></ofd:Content></ofd:Page>`;
    const ofd = writeZip([
      {
        name: 'OFD.xml',
        data: `<ofd:OFD xmlns:ofd="${ns}"><ofd:DocBody><ofd:DocRoot>/Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
      },
      {
        name: 'Doc_0/Document.xml',
        data: `<ofd:Document xmlns:ofd="${ns}"><ofd:Pages><ofd:Page ID="1" BaseLoc="/Doc_0/Pages/P1.xml"/></ofd:Pages></ofd:Document>`,
      },
      { name: 'Doc_0/Pages/P1.xml', data: content },
    ]);
    const source = await loadBytes('x.ofd', ofd, OPTIONS);
    expect(source.text.split('\n')).toEqual([
      '某县2021年度法治政府建设情况报告',
      '一、左半句右半句，',
      '第二行的文字。',
    ]);
  });

  it('writes out no more deltas than the text has glyphs, however large the count', () => {
    expect(expandDeltas('g 1000000000 5.6', 3)).toEqual([5.6, 5.6, 5.6]);
  });
});

describe('readHtml', () => {
  it.each(['qinghe-sfj-2021.gbk.html', 'liutang-town-2019.html'])(
    'lets no page chrome through (%s)',
    async (name) => {
      const { source } = await load(name);
      for (const chrome of CHROME) expect(source.text).not.toContain(chrome);
      expect(source.text).toContain('、存在的问题');
    },
  );

  it('keeps the body text of the report word for word', async () => {
    const plain = readFileSync(`${DIR}qinghe-sfj-2021.txt`, 'utf8').split('\n').filter(Boolean);
    const { source } = await load('qinghe-sfj-2021.gbk.html');
    expect(source.text.split('\n').filter(Boolean)).toEqual(plain);
  });

  it('takes 发布时间 and 来源 from a metadata line when the page has no meta tags', async () => {
    const html = `<html><head><meta charset="utf-8"><title>x</title></head><body>
      <div class="nav"><a href="/">首页</a><a href="/a">政务公开</a></div>
      <h1>某县2020年度法治政府建设情况报告</h1>
      <div class="info">发布时间：<span>2021年3月5日</span>　信息来源：某县司法局</div>
      <div class="article-content"><p>2020年，我县${'全面推进依法行政，'.repeat(10)}取得成效。</p><p>一、主要举措和成效</p></div>
      </body></html>`;
    const source = await loadBytes('page.html', Buffer.from(html), OPTIONS);
    expect(source.meta).toEqual({ publishedAt: '2021-03-05', publisher: '某县司法局' });
    expect(source.text.split('\n')[0]).toBe('某县2020年度法治政府建设情况报告');
    expect(source.text).not.toContain('政务公开');
  });
});

describe('readPdf', () => {
  it('rejoins lines into the paragraphs of the original', async () => {
    const plain = readFileSync(`${DIR}qinghe-sfj-2021.txt`, 'utf8').split('\n').filter(Boolean);
    const { source } = await load('qinghe-sfj-2021.pdf');
    const lines = source.text.split('\n');
    for (const paragraph of plain) expect(lines).toContain(paragraph);
  });

  it.each([
    ['关于 2024 年度法治政府建设', '关于2024年度法治政府建设'],
    ['办理 12 件，同比上升 5.2 %', '办理12件，同比上升5.2%'],
    ['行政 复议', '行政复议'],
    ['Word and PDF', 'Word and PDF'],
    ['（ 一 ）加强领导', '（一）加强领导'],
    ['⼈⺠政府⻔户⽹站', '人民政府门户网站'],
  ])('tidy(%s)', (input, output) => {
    expect(tidy(input)).toBe(output);
  });

  const line = (text: string, x: number, right: number, y: number): TextLine => ({
    text,
    x,
    right,
    y,
    fontSize: 16,
    page: 1,
  });
  it('joins a line that does not end a sentence, and stops at headings, indents and short lines', () => {
    const lines = [
      line('一、主要举措和成效', 90, 250, 700),
      line('全年办理行政复议案件', 122, 500, 672),
      line('12件，同比增长。', 90, 230, 644),
      line('（一）强化组织领导', 122, 270, 616),
      line('党委召开专题会议研究', 122, 500, 588),
      line('1.健全制度', 90, 200, 560),
    ];
    expect(joinLines(lines)).toEqual([
      '一、主要举措和成效',
      '全年办理行政复议案件12件，同比增长。',
      '（一）强化组织领导',
      '党委召开专题会议研究',
      '1.健全制度',
    ]);
  });

  it('groups text runs on one baseline and marks wide gaps between cells', () => {
    const item = (str: string, x: number, y: number, hasEOL = false) => ({
      str,
      x,
      y,
      width: str.length * 10,
      fontSize: 10,
      hasEOL,
    });
    const lines = groupLines(
      [item('受理', 80, 500), item(' ', 100, 500), item('42件', 300, 500, true), item('审结', 80, 480)],
      1,
    );
    expect(lines.map((l) => l.text)).toEqual(['受理\u300042件', '审结']);
  });
});

describe('readPdf with first-line indents', () => {
  const line = (text: string, x: number, right: number, y: number): TextLine => ({
    text,
    x,
    right,
    y,
    fontSize: 16,
    page: 1,
  });
  it('keeps a paragraph whole when a full line happens to end with 。', () => {
    const lines = [
      line('全年办理行政复议案件12件，同比增长。', 122, 500, 700),
      line('行政机关负责人出庭应诉率达到100%。', 90, 500, 672),
      line('全部案件均在法定期限内审结。', 90, 300, 644),
      line('下一段以缩进开始，继续说明情况，', 122, 500, 616),
      line('并在这里结束。', 90, 200, 588),
      line('第三段同样缩进。', 122, 260, 560),
    ];
    expect(joinLines(lines)).toEqual([
      '全年办理行政复议案件12件，同比增长。行政机关负责人出庭应诉率达到100%。全部案件均在法定期限内审结。',
      '下一段以缩进开始，继续说明情况，并在这里结束。',
      '第三段同样缩进。',
    ]);
  });
});
