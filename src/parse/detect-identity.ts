// Detects the report's title, year, subject and kind from its first lines (design.md §4).

import type { DocumentKind, SubjectType } from './document.js';
import { foldString } from './fold-text.js';

const TITLE_HINT = /(报告|总结|情况|要点|方案|解读|法治)/;
const MAX_TITLE_LENGTH = 70;

/** Whether a line looks like a report title rather than body text. */
export function looksLikeTitle(line: string): boolean {
  const folded = foldString(line);
  return (
    folded.length >= 6 &&
    folded.length <= MAX_TITLE_LENGTH &&
    TITLE_HINT.test(folded) &&
    !/[。；;]$/.test(folded)
  );
}

const YEAR_IN_TITLE = /(20\d{2})年(度)?/;
// A year that starts a statement about the reported period: "2020年，", "2020年度" …
const YEAR_IN_BODY = /(?<![\d—–\-－~～至〔[(（])(20\d{2})年(度)?(?![\d—–\-－~～])/;

/** Year named in a title. */
export function yearFromTitle(title: string): number | null {
  const match = YEAR_IN_TITLE.exec(foldString(title));
  return match ? Number(match[1]) : null;
}

/** First reported year named in opening text. */
export function yearFromBody(text: string): number | null {
  const match = YEAR_IN_BODY.exec(foldString(text));
  return match ? Number(match[1]) : null;
}

const TITLE_YEAR = /(20\d{2})年(度)?/g;
const SUBJECT_END = /(关于|法治政府建设|法治建设|推进法治|依法行政|法治政府)/;

/** The reporting body named in a title: "新蒲新区" in "2020年度新蒲新区法治政府建设工作报告". */
export function subjectFromTitle(title: string): string | null {
  let text = foldString(title).replace(/^中共/, '中共');
  text = text.replace(TITLE_YEAR, '|');
  const cut = SUBJECT_END.exec(text);
  const head = (cut ? text.slice(0, cut.index) : '').split('|').filter((part) => part.length > 0);
  const subject = (head.at(-1) ?? '').replace(/(的|关于)+$/, '').replace(/^[(（【]|[)）】]$/g, '');
  return subject.length >= 2 ? subject : null;
}

const TOWNSHIP = /(乡|镇|街道|街道办事处|苏木)(人民政府|党委|政府|办事处)?$/;
const PROVINCE_PLACE = /^(中共)?[^市县区州]{2,10}(省|自治区)(委)?$|^(中共)?(北京|天津|上海|重庆)市(委)?$/;
const GOVERNMENT_SUFFIX = /(人民政府|政府|管委会|管理委员会)$/;
const DEPARTMENT = /(局|厅|委员会|委|办公室|办|部|署|中心|院|支队|大队|总队|所|站|馆)$/;
const LOCALITY = /(市|县|区|新区|旗|州|盟|自治县|开发区|高新区)$/;

/** Subject type from the subject's name. */
export function subjectTypeOf(subject: string): SubjectType | null {
  // A joint title "中共X区委 X区人民政府" names the government last.
  const name = subject.split(/[、\s]/).at(-1) ?? subject;
  if (TOWNSHIP.test(name)) return 'township';
  if (GOVERNMENT_SUFFIX.test(name)) {
    const place = name.replace(GOVERNMENT_SUFFIX, '');
    if (TOWNSHIP.test(place)) return 'township';
    return PROVINCE_PLACE.test(place) ? 'province' : 'government';
  }
  if (PROVINCE_PLACE.test(name)) return 'province';
  if (DEPARTMENT.test(name)) return 'department';
  if (LOCALITY.test(name)) return 'government';
  return null;
}

const RULE_OF_LAW_MENTIONS = 3;

/**
 * What kind of document a title announces. Without a title, a text is taken as a report unless
 * its opening names a look-alike: skipping a real report's checks is worse than checking junk.
 */
export function kindOf(title: string | null, body: string): DocumentKind {
  const text = foldString(title ?? body.slice(0, 200));
  if (/政府信息公开(工作)?(年度)?报告/.test(text)) return 'disclosure-report';
  if (/解读/.test(text)) return 'interpretation';
  if (/(工作要点|实施方案|工作安排|工作计划|工作方案)/.test(text) && !/报告/.test(text)) return 'work-plan';
  if (!title || /法治|依法行政/.test(text)) return 'annual-report';
  const mentions = foldString(body).match(/法治政府建设|依法行政|法治建设/g)?.length ?? 0;
  return mentions >= RULE_OF_LAW_MENTIONS ? 'annual-report' : 'other';
}
