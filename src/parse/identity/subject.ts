// The reporting body and its type: named in the title, in a byline or signature, or in the
// opening sentence. Every function reads the simplified, folded view of its text.

import type { SubjectType } from '../../shared/subject-types.js';
import { foldString } from '../../text/fold-text.js';

const TITLE_YEAR = /(20\d{2})\s*年(度)?/g;
const SUBJECT_END = /(关于|法治政府建设|法治建设|推进法治|依法行政|法治政府|政府信息公开|述法)/;

/** The reporting body named in a title: "新城新区" in "2020年度新城新区法治政府建设工作报告". */
export function subjectFromTitle(title: string): string | null {
  let text = foldString(title)
    .replace(/^【[^】]{1,10}】/, '')
    .replace(/^[《〈]?(关于)?(印发)?[《〈]?/, '');
  text = text.replace(TITLE_YEAR, '|');
  const cut = SUBJECT_END.exec(text);
  const tidy = (part: string) => part.replace(/(的|关于)+$/, '').replace(/^[(（【]|[)）】]$/g, '');
  const head = (cut ? text.slice(0, cut.index) : '')
    .split('|')
    .map(tidy)
    .filter((part) => part.length >= 2);
  // The last part that names a body ("某局|上半年" → 某局), else the last part.
  const named = [...head].reverse().find((part) => subjectTypeOf(part) !== null);
  if (named ?? head.at(-1)) return named ?? (head.at(-1) as string);
  // No 法治 words to cut at ("某局2021年工作总结"): the body named before the year.
  const beforeYear = text.includes('|') ? tidy(text.slice(0, text.indexOf('|'))) : '';
  return beforeYear.length >= 2 && subjectTypeOf(beforeYear) !== null ? beforeYear : null;
}

const TOWNSHIP = /(乡|镇|街道|街道办事处|苏木|片区|[^大]街)(人民政府|党委|政府|办事处|党工委|工作委员会)?$/;
const PROVINCE_PLACE =
  /^(中共)?[^市县区州]{2,10}(省|自治区)(委)?$|^(中共)?(北京|天津|上海|重庆)市(委)?$|^(中共)?(省|自治区)(委)?$/;
const GOVERNMENT_SUFFIX = /(人民政府|政府|管委会|管理委员会)(办公室|办公厅|办)?$/;
const DEPARTMENT = /(局|厅|委员会|委|办公室|办|部|署|中心|院|支队|大队|总队|所|站|馆)$/;
const LOCALITY = /(市|县|区|新区|旗|州|盟|自治县|开发区|高新区|经开区|园区)$/;

/** Subject type from the subject's name (simplified characters). */
export function subjectTypeOf(subject: string): SubjectType | null {
  // A joint title "中共X区委 X区人民政府" names the government last; "X镇党委、政府" names its place first.
  const parts = subject.split(/[、\s]/).filter(Boolean);
  let name = parts.at(-1) ?? subject;
  if (/^(政府|人民政府)$/.test(name) && parts.length > 1) name = `${parts[0]}${name}`;
  if (TOWNSHIP.test(name)) return 'township';
  if (GOVERNMENT_SUFFIX.test(name)) {
    const place = name.replace(GOVERNMENT_SUFFIX, '').replace(/(党委|委)$/, '');
    if (TOWNSHIP.test(place)) return 'township';
    return PROVINCE_PLACE.test(place) ? 'province' : 'government';
  }
  if (PROVINCE_PLACE.test(name)) return 'province';
  if (/(开发区|高新区|经开区|新区)(党工委|工委)?$/.test(name)) return 'government';
  if (DEPARTMENT.test(name)) return 'department';
  if (LOCALITY.test(name)) return 'government';
  return null;
}

const NAME_PUNCTUATION = /[。，,；;：:！？!?“”"《》]/;

/** Whether a line is an organisation's name (a signature or a byline), not a sentence. */
export function isOrganisationName(line: string): boolean {
  const folded = foldString(line);
  return (
    folded.length >= 3 &&
    folded.length <= 40 &&
    !NAME_PUNCTUATION.test(folded) &&
    !/\d{4}/.test(folded) &&
    subjectTypeOf(folded) !== null
  );
}

// "（在…领导下，）县人力资源和社会保障局深入推进…": the body named before its first verb.
const OPENING_SUBJECT =
  /^(?:20\d{2}年(?:度)?(?:以来)?,?)?(?:在[^,。]{2,60}下,)*([\p{Script=Han}A-Za-z、]{2,24}?)(?=深入|认真|坚持|始终|全面|紧紧|积极|扎实|持续|不断|围绕|以|在|按照|聚焦|紧扣|立足|高度|切实|法治政府建设)/u;
const SELF_REFERENCE: ReadonlyArray<[RegExp, SubjectType]> = [
  [/^我(局|委|办|厅|中心|院|队)/, 'department'],
  [/^我(镇|乡|街道|街)/, 'township'],
  [/^我(区|县|市|旗|州)/, 'government'],
  [/^我省/, 'province'],
];
const GENERIC_OPENERS = /^(全|各级)/;
const WHOLE_AREA: ReadonlyArray<[RegExp, SubjectType]> = [
  [/^全省|^全区各级|^全自治区/, 'province'],
  [/^全(市|区|县|州|旗|盟)/, 'government'],
  [/^全(镇|乡|街道)/, 'township'],
];
const SELF_ANYWHERE: ReadonlyArray<[RegExp, SubjectType]> = [
  [/我(局|委|办|厅)/, 'department'],
  [/我(镇|乡|街道)/, 'township'],
  [/我(区|县|市|旗|州)/, 'government'],
  [/我省/, 'province'],
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
    const whole = WHOLE_AREA.find(([pattern]) => pattern.test(named));
    if (whole) return { subject: null, subjectType: whole[1] };
    const type = subjectTypeOf(named);
    if (type && !GENERIC_OPENERS.test(named)) return { subject: named, subjectType: type };
  }
  const reported =
    /现将(我?[\p{Script=Han}]{1,24}?)(?:20\d{2}年(?:度)?)?(?:法治|工作|推进)/u.exec(folded)?.[1] ??
    /现将20\d{2}年(?:度)?([\p{Script=Han}]{2,24}?)(?:法治|工作|推进)/u.exec(folded)?.[1];
  if (reported) {
    const self = SELF_REFERENCE.find(([pattern]) => pattern.test(reported));
    if (self) return { subject: null, subjectType: self[1] };
    const type = subjectTypeOf(reported);
    if (type) return { subject: reported, subjectType: type };
  }
  const firstSentence = folded.split(/[。\n]/, 1)[0] ?? '';
  const self = SELF_ANYWHERE.find(([pattern]) => pattern.test(firstSentence));
  return { subject: null, subjectType: self?.[1] ?? null };
}
