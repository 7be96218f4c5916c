// Tells page chrome (breadcrumbs, widgets, footers) and metadata lines (发布时间, 来源) from body
// text. Real reports scraped from government sites carry both.

import { foldString } from './fold-text.js';

/** Role of a non-blank line before the parser looks at headings. */
export type LineKind = 'chrome' | 'meta' | 'text';

const SHORT_LINE = 80;

// Tested on the folded line (half-width punctuation, no spaces).
const CHROME_PATTERNS: readonly RegExp[] = [
  /^(您|你)?(现在)?(当前)?所在(的)?(位置|栏目)/,
  /^(当前|您的)(位置|栏目)[:>]?/,
  /^(首页|网站首页|主页)(>|»|›|\/|→|>>)/,
  /^【?字体[:]?(【|\[)?(大|中|小|默认)?/,
  /^字号[:]?(大|中|小)/,
  /^(【|\[)?(打印|打印本页|打印此页|关闭|关闭窗口|关闭本页|收藏|分享|我要纠错|保存本页)(】|\])?$/,
  /(扫一扫|微信扫一扫|扫码).{0,10}(手机|打开|分享|阅读)/,
  /^(上|下)一(篇|条)[:]?/,
  /^(回到|返回)(顶部|首页|列表)$/,
  /^今天是[:]?\d{4}年\d{1,2}月\d{1,2}日/,
  /(无障碍|简体\|繁体|繁體|网站地图|联系我们|关于我们|主办单位|承办单位|ICP备|公网安备|网站标识码|版权所有)/,
  /^(责任编辑|编辑|校对|审核|分享到|浏览次数|点击数|阅读次数|访问量)[:]/,
  /^(索引号|主题分类|发文机构|发布机构|成文日期|有效性|公开形式|公开时限|公开方式|公开范围|信息类别|体裁分类)[:]/,
  /^(打印|关闭|收藏|分享|字体|大|中|小|【|】|\||\s)+$/,
];

const META_PATTERNS: readonly RegExp[] = [
  /(发布|发表|更新|公开)(时间|日期)[:]/,
  /^(时间|日期)[:]\d{4}/,
  /^(文章|信息|稿件)?来源[:]/,
  /^(作者|供稿|发布单位|发布机关)[:]/,
  /(浏览|阅读|点击)(次数|量|率)?[:]\d*/,
];

/** Classifies one line of text (without its line break). */
export function classifyLine(line: string): LineKind {
  const folded = foldString(line);
  if (folded.length === 0 || folded.length > SHORT_LINE) return 'text';
  if (META_PATTERNS.some((pattern) => pattern.test(folded))) return 'meta';
  if (CHROME_PATTERNS.some((pattern) => pattern.test(folded))) return 'chrome';
  return 'text';
}

const PUBLISHED_AT = /(?:发布|发表|公开|更新)?(?:时间|日期)[:](\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/;
const PUBLISHER = /(?:文章|信息|稿件)?来源[:]([^\s|]{2,30}?)(?=(?:发布|时间|作者|浏览|$|\|))/;

/** Publication date (YYYY-MM-DD) stated on a metadata line, if any. */
export function publishedAtOf(line: string): string | null {
  const match = PUBLISHED_AT.exec(foldString(line));
  if (!match) return null;
  const [, year, month, day] = match;
  return `${year}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
}

/** Publisher (来源) stated on a metadata line, if any. */
export function publisherOf(line: string): string | null {
  const match = PUBLISHER.exec(foldString(line));
  return match?.[1] ?? null;
}
