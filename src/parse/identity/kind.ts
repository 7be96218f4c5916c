// What kind of document this is, from the evidence of the whole document: the title, page
// credits, the addressee, fixed sections and markers in the body. A real annual report must never
// be taken for a look-alike, so every rule here names a mark that a report does not carry; a text
// without any such mark is taken as a report.

import type { DocumentKind } from '../../shared/document-kinds.js';
import { needing } from '../../text/needing.js';

/** The document's kind and, in Chinese, what showed it. */
export interface KindVerdict {
  readonly kind: DocumentKind;
  readonly reason: string;
}

/** What the kind is decided from; every text is the folded, simplified view. */
export interface KindEvidence {
  readonly title: string | null;
  readonly year: number | null;
  readonly addressee: string | null;
  readonly credits: string; // chrome and metadata lines, joined by \n (page credits such as 编辑:)
  readonly body: string; // the start of the body, lines joined by \n
}

type Rule = readonly [Pick<RegExp, 'test' | 'source'>, DocumentKind, string];

// The first rule whose pattern the title matches decides.
const TITLE_RULES: readonly Rule[] = [
  [
    /政府信息公开(工作)?(年度)?报告|政务公开.{0,6}年度报告/,
    'disclosure-report',
    '标题是政府信息公开工作年度报告',
  ],
  [/解读/, 'interpretation', '标题是政策解读'],
  [/范文|模板|仅供|【\d+篇】|通用\d+篇|\d+篇$/, 'template', '标题有范文、模板的标记，是范文页'],
  [/上半年|半年(工作)?总结|季度/, 'summary', '标题说的是上半年或一个季度，不是全年的年度报告'],
  [/述法|述职/, 'other', '标题是个人的述法或述职报告'],
  [
    /召开|听取|审议|启动|揭牌|举行|顺利完成|部署会|推进会|座谈会/,
    'news',
    '标题是新闻标题（某会议听取、审议或启动某事）',
  ],
  [/印发.{0,60}(通知)?$|的通知$/, 'work-plan', '标题是印发文件的通知'],
  [/发展报告|研究报告|蓝皮书|路径|探析|探讨|浅析|思考|研究$/, 'article', '标题是研究文章'],
  [
    /^(?!.*报告).*(工作要点|实施方案|工作安排|工作计划|工作方案|实施意见|意见|任务分工|指标体系|实施办法|办法|规划)(\(.{1,12}\))?$/,
    'work-plan',
    '标题是工作要点、方案、意见或指标体系（计划类文件）',
  ],
  [/(决定|通报|批复|公告|通告)$/, 'other', '标题是决定、通报或公告'],
  [
    /纲要.{0,24}(落实|完成|实施)情况|(20\d{2})\s*[-—–~至]\s*(20\d{2}).{0,4}(落实|完成)/,
    'other',
    '标题说的是一个纲要的多年落实情况，不是年度报告',
  ],
];

// Marks in the body (or page credits) that a report does not carry.
const BODY_RULES: readonly Rule[] = [
  [
    needing(
      ['本报讯', '新华社', '记者'],
      /本报讯|新华社[^,，。、]{0,12}\d{1,2}日电|(^|[\s(（])记者[\p{Script=Han}]{2,3}([\s)）]|$)|记者[\p{Script=Han}]{2,3}通讯员/mu,
    ),
    'news',
    '有记者、通讯员署名或电头，是新闻稿',
  ],
  [/^(编辑|责任编辑|二审|终审)[:]/m, 'news', '有编辑、审校署名，是新闻稿'],
  [/^\d{1,2}月\d{1,2}日(上午|下午|晚|晚上)?,/, 'news', '正文以某月某日开头，是新闻稿'],
  [
    /范文|仅供学习|仅供参考|小编|导读预览|第[一二三四五]篇[:]|【第[一二三四五]篇】/,
    'template',
    '有范文、模板的标记，是范文页',
  ],
  [
    /摘要[:]|作者单位|作者简介|参考文献|abstract|keywords|本文(将|从|以|通过|认为|旨在)|(?<!理)论文/i,
    'article',
    '有摘要、作者单位或“本文”，是文章',
  ],
  [/现将《[^》]{2,80}》印发给你们|印发给你们|请结合实际认真贯彻/, 'work-plan', '正文是印发文件的通知'],
  [/结合材料|谈谈.{0,30}启示|请回答|试题|答案解析/, 'other', '是试题'],
  [/^20\d{2}卷$/m, 'other', '有年鉴的卷次（某年卷），是年鉴条目'],
];

// Marks that decide only when the title does not say it is a 法治政府建设 report.
const WEAK_BODY_RULES: readonly Rule[] = [
  [/^目标[:].*\n(.*\n)?措施[:]/m, 'work-plan', '正文按目标、措施列出任务，是实施方案'],
  [
    /^[^\n]{0,300}政府信息公开条例[\s\S]*(总体情况|主动公开)/,
    'disclosure-report',
    '正文按政府信息公开年报的固定部分写成',
  ],
  [
    /总体情况\n[\s\S]{0,800}\n\(一\)主动公开/,
    'disclosure-report',
    '正文按政府信息公开年报的固定部分（总体情况、主动公开）写成',
  ],
];

const RESPONSIBLE_UNIT = /责任单位[:]/g;
const PLAN_ITEM = /^(\d{2,3})[.、]/gm;
const TEMPLATE_MASK = /xx年|XX年|×年|\*{3}|＿{2,}|_{3,}/g;
const RULE_OF_LAW = /法治|依法行政|依法治/;
const RULE_OF_LAW_MENTIONS = 3;
const CATALOGUE_FIELDS = 4;
// The 纲要 (2015—2020年) made the annual report a duty from the 2016 report on; an earlier
// 依法行政 report that does not call itself a 法治政府 report is another document.
const FIRST_REPORT_YEAR = 2016;

/** The kind of a document and the reason, from the evidence of the whole document. */
export function kindOf(evidence: KindEvidence): KindVerdict {
  const { title, body, credits } = evidence;
  if (title) {
    for (const [pattern, kind, reason] of TITLE_RULES) if (pattern.test(title)) return { kind, reason };
  }
  const text = `${credits}\n${body}`;
  for (const [pattern, kind, reason] of BODY_RULES) {
    if (pattern.test(pattern.source.startsWith('^\\d') ? body : text)) return { kind, reason };
  }
  const reportTitle = title !== null && RULE_OF_LAW.test(title) && /报告|总结|情况/.test(title);
  if (!reportTitle) {
    for (const [pattern, kind, reason] of WEAK_BODY_RULES) if (pattern.test(body)) return { kind, reason };
  }
  if (
    credits.split('\n').filter((line) => /[A-Za-z]{3}/.test(line) && !/[\p{Script=Han}]/u.test(line))
      .length >= CATALOGUE_FIELDS
  )
    return { kind: 'other', reason: '页面是资料库的著录页（英文字段），不是报告原文' };
  if ((body.match(RESPONSIBLE_UNIT)?.length ?? 0) >= 2)
    return { kind: 'work-plan', reason: '正文逐项列出责任单位，是任务分工或工作方案' };
  if ((body.match(TEMPLATE_MASK)?.length ?? 0) >= 2)
    return { kind: 'template', reason: '年份、名称用 xx、*** 或空格线代替，是范文页' };
  if (!title && planItemsOnly(body))
    return { kind: 'work-plan', reason: '正文是编号很大的任务条目，是实施方案的一页' };
  if (evidence.addressee && /^各/.test(evidence.addressee))
    return { kind: 'other', reason: '主送各下级单位，是下发的文件，不是向上报告' };
  if (evidence.year !== null && evidence.year < FIRST_REPORT_YEAR && !/法治政府/.test(title ?? ''))
    return {
      kind: 'other',
      reason: `报告年度${evidence.year}年早于法治政府建设年度报告制度（自2016年度起）`,
    };
  if (!title) return { kind: 'annual-report', reason: '没有标题，正文也没有其他文件的标记，按年度报告检查' };
  if (RULE_OF_LAW.test(title)) return { kind: 'annual-report', reason: '标题是法治政府建设年度报告' };
  if (/总结$/.test(title)) return { kind: 'summary', reason: '标题是一份工作总结，不是关于法治政府建设的' };
  if (/报告|总结|情况/.test(title)) return { kind: 'other', reason: '标题说的报告不是关于法治政府建设的' };
  const mentions = body.match(/法治政府建设|依法行政|法治建设/g)?.length ?? 0;
  return mentions >= RULE_OF_LAW_MENTIONS
    ? { kind: 'annual-report', reason: '标题不典型，但正文讲的是法治政府建设' }
    : { kind: 'other', reason: '标题和正文都不是关于法治政府建设的' };
}

/** A page that starts with items numbered 20 and up: the middle of a long plan. */
function planItemsOnly(body: string): boolean {
  const items = [...body.slice(0, 1500).matchAll(PLAN_ITEM)].map((match) => Number(match[1]));
  return items.length >= 2 && items.every((n) => n >= 20);
}
