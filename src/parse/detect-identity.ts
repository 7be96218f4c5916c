// Detects the report's title, year, subject and kind from its first lines.

import type { DocumentKind } from '../shared/document-kinds.js';
import type { SubjectType } from '../shared/subject-types.js';
import { foldString } from '../text/fold-text.js';

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

/** The reporting body named in a title: "新城新区" in "2020年度新城新区法治政府建设工作报告". */
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
 * What kind of document a title announces. Without a title a text is taken as a report: body
 * sentences such as 制定《工作要点》 say nothing about the genre, and skipping a real report's
 * checks is worse than checking junk.
 */
export function kindOf(title: string | null, body: string): DocumentKind {
  if (!title) return 'annual-report';
  const text = foldString(title);
  if (/政府信息公开(工作)?(年度)?报告/.test(text)) return 'disclosure-report';
  if (/解读/.test(text)) return 'interpretation';
  if (/(工作要点|实施方案|工作安排|工作计划|工作方案)/.test(text) && !/报告/.test(text)) return 'work-plan';
  if (/法治|依法行政/.test(text)) return 'annual-report';
  const mentions = foldString(body).match(/法治政府建设|依法行政|法治建设/g)?.length ?? 0;
  return mentions >= RULE_OF_LAW_MENTIONS ? 'annual-report' : 'other';
}

const DATE_LINE =
  /^[(（]?(20\d{2}|二[〇零○][一二三四五六七八九〇零○]{2})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日[)）]?$/;
const NAME_PUNCTUATION = /[。，,；;：:！？!?、“”"《》]/;
const SIGNATURE_LINES = 4;
const BYLINE_LINES = 4;

/** Whether a line is an organisation's name (a signature or a byline), not a sentence. */
function isOrganisationName(line: string): boolean {
  const folded = foldString(line);
  return (
    folded.length >= 3 &&
    folded.length <= 30 &&
    !NAME_PUNCTUATION.test(folded) &&
    subjectTypeOf(folded) !== null
  );
}

/**
 * The reporting body named on a line followed by a date: the signature at the end
 * ("青山区司法局" / "2023年2月28日") or a byline under the title. `lines` are the non-blank lines.
 */
export function subjectFromSignature(lines: readonly string[], titleIndex: number): string | null {
  const candidates = [
    ...lines
      .slice(Math.max(0, lines.length - SIGNATURE_LINES))
      .map((_, i, tail) => lines.length - tail.length + i),
    ...lines.slice(titleIndex + 1, titleIndex + 1 + BYLINE_LINES).map((_, i) => titleIndex + 1 + i),
  ];
  for (const i of candidates) {
    const name = lines[i]?.trim() ?? '';
    const next = foldString(lines[i + 1] ?? '');
    if (i > titleIndex && DATE_LINE.test(next) && isOrganisationName(name)) return foldString(name);
  }
  return null;
}

// "（在…领导下，）县人力资源和社会保障局深入推进…": the body named before its first verb.
const OPENING_SUBJECT =
  /^(?:20\d{2}年(?:度)?(?:以来)?,)?(?:在[^,。]{2,40}下,)?([\p{Script=Han}]{2,24}?)(?=深入|认真|坚持|始终|全面|紧紧|积极|扎实|持续|不断|围绕|以|在)/u;
const SELF_REFERENCE: ReadonlyArray<[RegExp, SubjectType]> = [
  [/^我(局|委|办|厅|中心|院|队)/, 'department'],
  [/^我(镇|乡|街道|街)/, 'township'],
  [/^我(区|县|市|旗|州)/, 'government'],
  [/^我省/, 'province'],
];

/** The reporting body named (or referred to as 我局 / 我镇 …) at the start of the opening. */
export function subjectFromOpening(opening: string): {
  subject: string | null;
  subjectType: SubjectType | null;
} {
  const folded = foldString(opening);
  const named = OPENING_SUBJECT.exec(folded)?.[1] ?? null;
  if (named) {
    const self = SELF_REFERENCE.find(([pattern]) => pattern.test(named));
    if (self) return { subject: null, subjectType: self[1] };
    const type = subjectTypeOf(named);
    if (type) return { subject: named, subjectType: type };
  }
  const reported = /现将(我?[\p{Script=Han}]{1,24}?)(?:20\d{2}年(?:度)?)?法治/u.exec(folded)?.[1];
  if (reported) {
    const self = SELF_REFERENCE.find(([pattern]) => pattern.test(reported));
    if (self) return { subject: null, subjectType: self[1] };
    const type = subjectTypeOf(reported);
    if (type) return { subject: reported, subjectType: type };
  }
  return { subject: null, subjectType: null };
}
