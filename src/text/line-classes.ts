// Tells page chrome (breadcrumbs, widgets, site headers, doc-share boilerplate, footers) and
// metadata lines (发布时间, 来源, 索引号 blocks, 发文字号) from document text. Real reports scraped
// from government sites and their mirrors carry both, in simplified or traditional characters:
// callers that have a simplified view classify that.

import { foldString } from './fold-text.js';
import { needing } from './needing.js';

/** Role of a non-blank line before the parser looks at headings. */
export type LineKind = 'chrome' | 'meta' | 'text';

const SHORT_LINE = 90;

/** The line as classified: folded, without list bullets or a mirror's "??" indentation. */
export function cleanLine(line: string): string {
  return foldString(line).replace(/^(?:\?{2,}|[•·▪●◆■□○◇]+|-(?=\S))+/u, '');
}

// Words of page widgets; a line made only of these (and brackets, separators) is chrome.
const WIDGET_WORDS =
  /语音播报|语音合成中|请耐心等待|进入播报模式|退出播报模式|退出播报|关怀版|长者模式|无障碍阅读|无障碍|手机版|简体|繁体|视力保护色|分享到|分享|字号|字体大小|字体|打印正文|打印本页|打印此页|打印内容|打印|关闭窗口|关闭本页|关闭|我说两句|我要评论|发表评论|网友评论|评论|收藏本页|收藏|我要纠错|纠错|保存本页|加入vip免费下载|立即下载|下载|购物车|我的足迹|menu|跳转到内容|注册|登录|没有账号|设为首页|加入收藏|请点击右上角|选择浏览器打开|欢迎您|注销|举报|返回顶部|回到顶部|返回列表|网站地图|联系我们|网站支持ipv6|扫一扫|默认|超大|特大|较大|标准|放大|缩小|播放|暂停|[大中小]/gu;
const WIDGET_FILLER = /[\s[\]【】|｜:：()（）.,，、!！?？…\-/>]+/gu;

const CHROME_PATTERNS: ReadonlyArray<Pick<RegExp, 'test'>> = [
  // breadcrumbs
  /^(您|你)?(现在)?(当前)?所?在?(的)?(位置|栏目)[:]?/,
  /^(当前|您的|现在的?)(位置|栏目)/,
  /^(首页|网站首页|主页)(>|»|›|\/|→|>>)/,
  /^[>»›]/,
  // site headers and footers
  /^今天是[:]?\d{4}年\d{1,2}月\d{1,2}日/,
  /\d{4}年\d{1,2}月\d{1,2}日(星期|周)[一二三四五六日天]$/,
  /(ICP备|公网安备|网站标识码|版权所有|主办单位[:]|承办单位[:]|技术支持[:]|网站支持IPv6)/i,
  /^(欢迎访问|欢迎光临|欢迎来到|专注分享)/,
  /^咨询(热线|电话)[:]/,
  // a page title with the site's name: "标题_栏目_某某网站", "某某网站-标题"
  /_[^_]*(网站|门户|政府网|网)[^_]*$/,
  /^[^-_]{2,20}(网站|门户网站|政府网)[-_|]/,
  // doc-share boilerplate, file names, images
  /由会员分享/,
  /\.(docx?|pdf|wps|txt|pptx?)》?$/i,
  /^!\[/,
  /^约?\d+(\.\d+)?(万字|字|页)$/,
  /^\d{4}-\d{2}-\d{2}发布于/,
  /^\d{1,3}$/,
  // news and page credits
  /^(责任编辑|编辑|统稿|撰稿|二审|三审|终审|初审|一审|审核|校对|供图|摄影|分享到|浏览次数|点击数|阅读次数|访问量)[:]/,
  /^(相[关關](文章|阅读|閱讀|链接|鏈接|新闻|新聞|推荐|文件)|延伸阅读|推荐阅读|热点推荐)[:]?$/,
  // a wiki's slogan and boilerplate, a source site named alone on its line
  needing(['自由的'], /^[\p{Script=Han}]{2,8}[,]自由的(图书馆|百科全书)$/u),
  /^本作品收录于/,
  needing(['网'], /^[\p{Script=Han}]{2,10}网$/u),
  /(扫一扫|微信扫一扫|扫码).{0,10}(手机|打开|分享|阅读)/,
  // a news byline, a sample-text site's blurb, a lone word of a site's script or map widget
  needing(['记者', '通讯员'], /记者.{1,12}通讯员|^(记者|通讯员)[\p{Script=Han}]{2,4}$/u),
  /本站为(你|您)|为(你|您)(精心)?整理|精心整理|导读预览/,
  /^[A-Za-z]{2,12}$/,
  /^(上|下)一(篇|条)[:]?/,
];

// Labels of a page's metadata block; a line starting with one is metadata.
const META_LABELS =
  '索引号|信息索引号|索号|主题分类|分类|发文机构|发布机构|发文机关|发布机关|发文单位|发布单位|机构名称|成文日期|生成日期|生效日期|废止日期|发文日期|发布日期|发布时间|公开日期|有效性|公开形式|公开时限|公开方式|公开范围|公开类别|信息类别|体裁分类|体裁|组配分类|名称|信息名称|标题|文章标题|信息标题|文件名称|文号|发文字号|备注/文号|主题词|主题|关键词|内容概览|在线链接地址|文件下载|所属类目|所属栏目|信息来源|文章来源|来源|作者|供稿|时间|日期';
const LABELLED = new RegExp(`^\\|?\\[?(?:${META_LABELS})\\]?[:|]`);
// Labels that open a metadata line even without a colon ("索引号 发布机构 区政府").
const STRONG_LABEL =
  /^\|?\[?(索引号|信息索引号|索号|发文字号|发布机构|成文日期|生成日期|发布日期|发布时间|公开类别|公开方式|备注\/文号|主题分类|体裁分类|组配分类)/;
const DOC_NUMBER = /^[\p{Script=Han}]{1,12}[〔[(（]\d{4}[〕\])）]\d{1,4}号/u;
const ISO_DATE = /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/;
const ANY_DATE = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{1,2})\.(\d{1,2})\.(\d{4})/;

const META_PATTERNS: ReadonlyArray<Pick<RegExp, 'test'>> = [
  LABELLED,
  STRONG_LABEL,
  /^\[[^\]]{1,8}\]/,
  /(发布|发表|更新|公开|提供|发文)(时间|日期)[:|]?\d{4}/,
  /(浏览|阅读|点击)(次数|量|率)?[:]\d*/,
  // a date (and time) alone, or with a short source name before or after it
  needing(
    ['-', '/', '.'],
    /^[(（]?\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\d{1,2}:\d{2}(:\d{2})?)?[)）]?[\p{Script=Han}A-Za-z]{0,24}$/u,
  ),
  needing(['-'], /^[\p{Script=Han}]{2,20}\d{4}-\d{1,2}-\d{1,2}(\d{1,2}:\d{2}(:\d{2})?)?$/u),
  /^\d{1,2}\.\d{1,2}\.\d{4}(\d{1,2}:\d{2})?$/,
  /^\d{4}-\d{1,2}-\d{1,2}(?=.{0,30}$)/,
  /^\d{4}年\d{1,2}月\d{1,2}日\d{1,2}(时|:)\d{1,2}分?$/,
  // a document number alone
  needing(['号'], new RegExp(`${DOC_NUMBER.source}$`, 'u')),
  // an index code alone ("11500110733965117G/2021-00042")
  /^[0-9A-Z]{9,20}\/\d{4}-\d{3,6}$/,
  // a delivery note: "（2025年5月29日在某某会议上）"
  /^[(（][^()（）]{0,60}(会议上|会上|大会上)[)）]$/,
];

/** Classifies one line of text (without its line break). */
export function classifyLine(line: string): LineKind {
  return classifyClean(cleanLine(line), line);
}

/** Classifies a line already cleaned (see cleanLine); `raw` is the line as written, for its spaces. */
export function classifyClean(clean: string, raw: string = clean): LineKind {
  if (clean.length === 0) return 'text';
  if (/由会员分享|^《[^》]{2,60}\.(docx?|pdf|wps)|^\d{4}-\d{2}-\d{2}发布于/i.test(clean)) return 'chrome';
  if (clean.length > SHORT_LINE)
    return /^\|.*\||^\[[^\]]{1,8}\]/.test(clean) || STRONG_LABEL.test(clean) ? 'meta' : 'text';
  if (/^\|/.test(clean)) return clean.replace(/[|\s]/g, '') === '' ? 'chrome' : 'meta';
  if (META_PATTERNS.some((pattern) => pattern.test(clean))) return 'meta';
  if (CHROME_PATTERNS.some((pattern) => pattern.test(clean))) return 'chrome';
  if (isBreadcrumb(clean) || isWidgetLine(clean) || isMenuLine(raw)) return 'chrome';
  // a document number with the title after it: the page's own title line
  if (/(报告|通知|意见|方案)/.test(clean) && clean.includes('号') && DOC_NUMBER.test(clean)) return 'chrome';
  return 'text';
}

/** "首页 > 政务公开 > 通知公告": two or more path separators between short parts, no sentence. */
function isBreadcrumb(clean: string): boolean {
  if (/[。；]/.test(clean)) return false;
  const parts = clean.split(/>>|>|»|›|→/);
  return parts.length >= 3 && parts.every((part) => part.length <= 24);
}

function isWidgetLine(clean: string): boolean {
  if (clean.length > 40) return false;
  return clean.toLowerCase().replace(WIDGET_WORDS, '').replace(WIDGET_FILLER, '') === '';
}

const NAV_WORD =
  /^(首页|政务公开|政务服务|互动交流|信息公开|新闻中心|办事服务|数据发布|走进.{1,4}|网站专栏|区政府|规章库|政府信息公开|渝快办|公众参与)$/u;

/** A menu bar: three or more short words separated by spaces, some of them site sections. */
function isMenuLine(raw: string): boolean {
  const words = raw
    .trim()
    .split(/[\s|｜]+/u)
    .filter(Boolean);
  if (words.length < 3 || words.some((word) => word.length > 8 || /[，。,、；：:]/.test(word))) return false;
  return words.filter((word) => NAV_WORD.test(word)).length >= 2;
}

// The label before a date, most specific first: a page's 发布日期 beats its 成文日期.
const DATE_LABEL_RANK: ReadonlyArray<[RegExp, number]> = [
  [/(发布|发表|公开|更新|信息提供|提供|发文时间)(时间|日期)?$/, 1],
  [/(^|[^成生发])(时间|日期)$/, 2],
  [/生成日期$/, 3],
  [/发文日期$/, 4],
  [/成文日期$/, 5],
];
const UNLABELLED_RANK = 6;

/** A date stated on a metadata line, with how much it says "published" (1 best). */
export interface StatedDate {
  readonly date: string; // YYYY-MM-DD
  readonly rank: number;
}

/** Dates on a metadata line, each with the rank of the label before it. */
export function datesOf(clean: string, pendingLabel: string | null = null): StatedDate[] {
  const found: StatedDate[] = [];
  const pattern = new RegExp(ANY_DATE.source, 'g');
  for (const match of clean.matchAll(pattern)) {
    const date = match[1]
      ? isoDate(match[1], match[2], match[3])
      : isoDate(match[6] ?? '', match[5], match[4]);
    if (!date) continue;
    const before = clean.slice(Math.max(0, (match.index ?? 0) - 12), match.index).replace(/[:|\]\s]+$/, '');
    const label = before.replace(/^.*[[|]/, '') || (found.length === 0 ? (pendingLabel ?? '') : '');
    const rank = DATE_LABEL_RANK.find(([re]) => re.test(label))?.[1] ?? UNLABELLED_RANK;
    found.push({ date, rank });
  }
  return found;
}

/** A metadata label with no value on its line ("名 称 :", "[ 发文字号 ]"): its value is on the next line. */
export function isBareLabel(clean: string): boolean {
  return new RegExp(`^\\|?\\[?(?:${META_LABELS})\\]?[:|]*$`).test(clean);
}

/** A date label with no value on its line ("[ 发布日期 ]"), whose value is on the next line. */
export function danglingDateLabel(clean: string): string | null {
  const match = /(发布|发表|公开|更新|成文|生成|发文)?(时间|日期)[\]:|]*$/.exec(clean);
  return match && !ANY_DATE.test(clean) ? match[0].replace(/[\]:|]+$/, '') : null;
}

function isoDate(year: string, month: string | undefined, day: string | undefined): string | null {
  const m = Number(month);
  const d = Number(day);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31) || !/^(19|20)\d{2}$/.test(year)) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Whether a line states an ISO-style date (2024-01-31, 2024/01/31). */
export function hasIsoDate(clean: string): boolean {
  return ISO_DATE.test(clean);
}

const PUBLISHED_AT = /(?:发布|发表|公开|更新)?(?:时间|日期)[:|]*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/;
const PUBLISHER =
  /(?:文章|信息|稿件)?来源[:]([^\s|]{2,30}?)(?=(?:发布|更新|时间|日期|作者|编辑|浏览|阅读|点击|分享|字号|$|\|))/;
// A government site's metadata table: "[发布机构]青山区司法局[发布日期]…", "发布机构:|某镇人民政府|主题分类:".
const ISSUER =
  /(?:发布机构|发文机关|发布单位|发布部门|来源单位)[:\]】|]+([^\s|[\]【】:]{2,30}?)(?=(?:发布|更新|成文|生成|主题|组配|文号|索引|$|\||\[|【))/;

/** Publication date (YYYY-MM-DD) stated on a metadata line, if any. */
export function publishedAtOf(line: string): string | null {
  const match = PUBLISHED_AT.exec(cleanLine(line));
  if (!match) return null;
  return isoDate(match[1] ?? '', match[2], match[3]);
}

/** Publisher (来源) stated on a metadata line, if any. */
export function publisherOf(line: string): string | null {
  const clean = cleanLine(line);
  return PUBLISHER.exec(clean)?.[1] ?? ISSUER.exec(clean)?.[1] ?? null;
}
