import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/text/fold-text.js';
import { classifyLine, datesOf, isBareLabel, publisherOf } from '../../src/text/line-classes.js';
import { isTraditional, simplifiedView } from '../../src/text/simplify.js';

// One invented line for every shape of page chrome and metadata the head reader handles.
describe('classifyLine', () => {
  it.each([
    ['您当前的位置：首页 > 政务公开 > 年度报告', 'chrome'], // breadcrumb
    ['政务公开 >> 政策文件 >> 区政府文件', 'chrome'], // breadcrumb without a label
    ['> 信息公开 > 部门文件', 'chrome'], // breadcrumb continued on a second line
    ['松岭市人民政府 2019年8月12日 星期一', 'chrome'], // site header with a stale date
    ['语音播报', 'chrome'], // widgets
    ['【字号：大 中 小】 【打印】 【关闭】', 'chrome'],
    ['分享到：', 'chrome'],
    ['关怀版', 'chrome'],
    ['首页 政务公开 政务服务 互动交流', 'chrome'], // menu bar
    ['云溪镇2024年法治政府建设情况.docx', 'chrome'], // doc-share file name
    ['《云溪镇工作报告.docx》由会员分享，可在线阅读', 'chrome'],
    ['云溪镇报告_乡镇文件_松岭市人民政府门户网站', 'chrome'], // page title with the site's name
    ['记者 林小舟 通讯员 叶青', 'chrome'], // news byline
    ['编辑：陈一帆', 'chrome'],
    ['统稿：林小舟 叶青', 'chrome'], // news credits
    ['相關文章：', 'chrome'], // related-links block, traditional
    ['我说两句…', 'chrome'], // comment widget
    ['字体：【 默认 超大', 'chrome'], // font-size widget
    ['松岭文库，自由的图书馆', 'chrome'], // a wiki's slogan
    ['本作品收录于《松岭市政府公报/2020年/第四号', 'chrome'], // wiki boilerplate
    ['松岭新闻网', 'chrome'], // a source site named alone
    ['[ 索引号 ] 1150099900123456AB/2025-00007 [ 发文字号 ]', 'meta'], // bracketed block
    ['  • [ 发布日期 ]', 'meta'],
    ['| 索 引 号: | 000011111/2024-00001 | 主题分类: | 司法 |', 'meta'], // pipe table
    ['索引号 发布机构 区政府', 'meta'], // labels without colons
    ['發布日期：2022-03-18 09:20', 'chrome-or-meta'], // traditional label (classified on the simplified view)
    ['发文时间：2022年02月28日', 'meta'],
    ['[ 发布日期 ] 2026-02-10', 'meta'],
    ['日期:2026-02-12', 'meta'],
    ['省政府办公厅 2022-03-15', 'meta'], // source and date
    ['2024-01-31 10:20', 'meta'], // a date alone
    ['04.04.2018  22:42', 'meta'],
    ['2021年03月22日 16时47分', 'meta'],
    ['青府办发〔2025〕6号', 'meta'], // a document number alone
    ['（2025年5月29日在松岭市人民代表大会常务委员会会议上）', 'meta'], // delivery note
    ['青石县2023年法治政府建设情况报告', 'text'],
    ['2023年，青石县坚持以习近平法治思想为指导。', 'text'],
    ['一、主要举措和成效', 'text'],
  ])('%s → %s', (line, kind) => {
    const got = classifyLine(simplifiedView(line.repeat(4))?.slice(0, line.length) ?? line);
    if (kind === 'chrome-or-meta') expect(['chrome', 'meta']).toContain(got);
    else expect(got).toBe(kind);
  });
});

describe('dates on metadata lines', () => {
  it.each([
    ['[成文日期]2025-02-10[发布日期]2025-02-12', '2025-02-12'], // 发布日期 beats 成文日期
    ['生成日期:2023-01-20', '2023-01-20'],
    ['04.04.2018 22:42', '2018-04-04'],
  ])('%s → %s', (clean, date) => {
    const best = datesOf(clean).sort((a, b) => a.rank - b.rank)[0];
    expect(best?.date).toBe(date);
  });
  it('knows a label whose value is on the next line', () => {
    expect([isBareLabel('名称:'), isBareLabel('名称:云溪镇报告')]).toEqual([true, false]);
  });
});

describe('simplified view of traditional text', () => {
  it('detects traditional text and converts it one character for one', () => {
    const text = '松嶺市人民政府關於2021年度法治政府建設情況的報告';
    expect(isTraditional('青石县人民政府关于法治政府建设情况的报告')).toBe(false);
    const view = simplifiedView(text);
    expect(view).toBe('松岭市人民政府关于2021年度法治政府建设情况的报告');
    expect(view?.length).toBe(text.length);
  });
  it('drops pinyin glosses from the folded view, keeping offsets into the original', () => {
    const text = '法治政府建設(shè)情況';
    const folded = foldText(text);
    expect(folded.text).toBe('法治政府建設情況');
    expect(folded.toOriginal[folded.text.indexOf('情')]).toBe(text.indexOf('情'));
  });
});

describe('publisher on a metadata line', () => {
  it.each([
    ['来源：青山区司法局　发布时间：2023-02-28', '青山区司法局'],
    ['来源:青山区司法局 更新日期:2023-02-28 分享到:', '青山区司法局'],
    ['信息来源：东湖镇人民政府 | 浏览次数：12', '东湖镇人民政府'],
    ['文章来源：青山区人民政府办公室 编辑：王某 字号：大 中 小', '青山区人民政府办公室'],
    ['[ 发布机构 ] 青山区司法局 [ 发布日期 ] 2023-02-10', '青山区司法局'],
    ['发布机构: | 东湖镇人民政府 | 主题分类: | 其他 |', '东湖镇人民政府'],
    ['发文机关：青山区人民政府　成文日期：2023年02月10日', '青山区人民政府'],
  ])('%s', (line, publisher) => {
    expect(publisherOf(line)).toBe(publisher);
  });
});
