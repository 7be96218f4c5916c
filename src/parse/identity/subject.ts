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
  const found = named ?? head.at(-1);
  if (found) {
    const body = newsActor(found) ?? found;
    return isBodyName(body) ? body : null;
  }
  // No 法治 words to cut at ("某局2021年工作总结"): the body named before the year.
  const beforeYear = text.includes('|') ? tidy(text.slice(0, text.indexOf('|'))) : '';
  if (beforeYear.length >= 2 && subjectTypeOf(beforeYear) !== null) return beforeYear;
  // A news headline: the body that acts ("某区政府常务会议听取…" → 某区政府常务会议).
  const actor = newsActor(text);
  if (actor && isBodyName(actor) && subjectTypeOf(actor) !== null) return actor;
  // "2020年某市政府工作报告": the body named after the year.
  const afterYear = /^\|([\p{Script=Han}]{2,20}?)(工作报告|工作总结|工作要点)/u.exec(text)?.[1];
  return afterYear && subjectTypeOf(afterYear) !== null ? afterYear : null;
}

// A news headline's actor, before the verb of the news ("召开会议审议", "顺利完成", "启动").
const NEWS_VERBS = [
  '组织召开',
  '召开',
  '听取',
  '审议',
  '启动',
  '顺利完成',
  '完成',
  '举行',
  '开展',
  '部署',
  '印发',
  '发布',
  '揭牌',
];
const NEWS_ACTOR = new RegExp(`^([\\p{Script=Han}]{2,24}?)(?:${NEWS_VERBS.join('|')})`, 'u');
/** The actor of a news headline, without its Party organ; null when the text has no news verb. */
function newsActor(text: string): string | null {
  // Without a verb the pattern cannot match, and is not run (its first run compiles its Han class,
  // ~0.8 ms; see text/needing.ts).
  if (!NEWS_VERBS.some((verb) => text.includes(verb))) return null;
  const actor = NEWS_ACTOR.exec(text)?.[1];
  return actor ? withoutPartyOrgan(actor) : null;
}

// Words of a level alone ("乡镇", "市县", "县委、县政府"): they name no body.
// A country named as the topic ("中国法治政府发展报告") is no reporting body.
const COUNTRY = /^(中国|全国|我国)$/;
const LEVEL_WORDS = /^(?:[省市县区乡镇州旗街道]|自治区|党委|党工委|委|政府|人民政府|、|和|及|\d)+$/u;
// A title's phrase that starts with a verb ("深入推进依法行政…") names no body either.
const VERB_START = /^(深入|推进|加快|加强|全面|进一步|持续|扎实|切实|积极|坚持|贯彻|落实|印发)/;

/** Whether a name found in a title or sentence can be a body: not level words alone, not a verb phrase. */
export function isBodyName(name: string): boolean {
  return (
    name.length >= 2 &&
    !LEVEL_WORDS.test(name) &&
    !VERB_START.test(name) &&
    !COUNTRY.test(name) &&
    !/各级|各地|各部门|[《》]/.test(name)
  );
}

/**
 * The body without its Party organ: "某省司法厅党委" → 某省司法厅, "中共某市某街道工委" → 某市某街道.
 * A Party committee of a place (某县委) is left as it is.
 */
export function withoutPartyOrgan(name: string): string {
  const stripped = name.replace(/^中共/, '').replace(/(党组|党委|党工委|工委)$/, '');
  return stripped !== name && stripped.length >= 2 && subjectTypeOf(stripped) !== null ? stripped : name;
}

const CENTRAL = /^(国务院|中央|中共中央|全国人大|全国人民代表大会|最高人民|国家)/;

/** A central body (国务院, 中央依法治国办): none of the local subject types. */
export function isCentralBody(name: string): boolean {
  return CENTRAL.test(name);
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
  // A research body is no government body, whatever its name ends with.
  if (ACADEMIC.test(name)) return null;
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

const ACADEMIC = /(大学|学院|研究院|研究所|研究中心|研究会|学会)$/;
const OFFICE_TITLE = /(镇长|乡长|县长|区长|市长|州长|省长|局长|厅长)$/;

/** The type of the body an office holder in a title leads: "某镇镇长2023年述法报告" → township. */
export function officeHolderType(name: string): SubjectType | null {
  const led = name.replace(OFFICE_TITLE, '');
  return led !== name && led.length >= 1 ? subjectTypeOf(led) : null;
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

// "（在…领导下，）县人力资源和社会保障局深入推进…": the body named before its first verb, after a
// year, a date ("6月25日,", "7日上午,") or "一年来,".
const OPENING_SUBJECT =
  /^(?:20\d{2}年(?:度)?(?:以来)?,?|(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上?)?,|(?:一年来|今年以来|近年来),)?(?:在[^,。]{2,60}下,)*([\p{Script=Han}A-Za-z、]{2,24}?)(?=深入|认真|坚持|始终|全面|紧紧|积极|扎实|持续|不断|围绕|以|在|按照|聚焦|紧扣|立足|高度|切实|组织召开|召开|法治政府建设)/u;
const OPENING_PARAGRAPHS = 3;
// "本报告由某研究院编写", "此报告是某研究院2017年…的成果": the author of a research report.
const REPORT_AUTHOR =
  /^(?:此|本)(?:报告|书)(?:是|由)([\p{Script=Han}]{2,30}?)(?=20\d{2}年|编写|撰写|发布|完成|组织)/u;
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
  selfLevel?: string; // the level word of a self-reference: 县 for 我县
} {
  const folded = foldString(opening);
  // The first paragraph that names its body or refers to itself decides.
  let levelOnly: { subject: null; subjectType: SubjectType; selfLevel: string } | null = null;
  for (const paragraph of folded.split('\n').slice(0, OPENING_PARAGRAPHS)) {
    const author = REPORT_AUTHOR.exec(paragraph)?.[1];
    if (author && isBodyName(author)) return { subject: author, subjectType: subjectTypeOf(author) };
    const named = OPENING_SUBJECT.exec(paragraph)?.[1] ?? null;
    if (!named) continue;
    const self = SELF_REFERENCE.find(([pattern]) => pattern.test(named));
    if (self) return { subject: null, subjectType: self[1], selfLevel: named[1] };
    const whole = WHOLE_AREA.find(([pattern]) => pattern.test(named));
    if (whole) return { subject: null, subjectType: whole[1] };
    const body = withoutPartyOrgan(named);
    if (isCentralBody(body)) return { subject: body, subjectType: null };
    const type = subjectTypeOf(body);
    // "县委、县政府坚持…": the level without the place's name, like 我县; a later paragraph may name it.
    if (type && LEVEL_WORDS.test(body)) {
      levelOnly ??= { subject: null, subjectType: type, selfLevel: body[0] ?? '' };
      continue;
    }
    if (type && !GENERIC_OPENERS.test(body) && isBodyName(body)) return { subject: body, subjectType: type };
  }
  if (levelOnly) return levelOnly;
  const reported =
    /现将(我?[\p{Script=Han}]{1,24}?)(?:20\d{2}年(?:度)?)?(?:法治|工作|推进)/u.exec(folded)?.[1] ??
    /现将20\d{2}年(?:度)?([\p{Script=Han}]{2,24}?)(?:法治|工作|推进)/u.exec(folded)?.[1];
  if (reported) {
    const self = SELF_REFERENCE.find(([pattern]) => pattern.test(reported));
    if (self) return { subject: null, subjectType: self[1], selfLevel: reported[1] };
    const type = subjectTypeOf(reported);
    if (type) return { subject: reported, subjectType: type };
  }
  const firstSentence = folded.split(/[。\n]/, 1)[0] ?? '';
  const self = SELF_ANYWHERE.find(([pattern]) => pattern.test(firstSentence));
  const level = self ? /我([\p{Script=Han}])/u.exec(firstSentence)?.[1] : undefined;
  return { subject: null, subjectType: self?.[1] ?? null, ...(level ? { selfLevel: level } : {}) };
}

/** The body of a report the opening cites by its title: "现公布《某区人民政府2022年…年度报告》". */
export function subjectFromCitedTitle(opening: string): string | null {
  for (const match of foldString(opening).matchAll(/《([^《》]{4,80}?20\d{2}年[^《》]{0,40}报告)》/gu)) {
    const subject = subjectFromTitle(match[1] ?? '');
    if (subject && subjectTypeOf(subject) !== null) return subject;
  }
  return null;
}

/**
 * A report that calls itself 我县 (or 县委、县政府) names its place at the start of the documents
 * it cites: "印发《某县党政主要负责人述法办法》". `level` is the level word (县, 区, 镇 …).
 */
export function placeFromCitations(body: string, level: string): string | null {
  if (!/^[县区市镇乡旗州]$/u.test(level)) return null;
  const pattern = new RegExp(`《([\\p{Script=Han}]{2,8}?${level})`, 'gu');
  for (const match of foldString(body).matchAll(pattern)) {
    const name = match[1] ?? '';
    if (!/^[全本各我该此]/.test(name) && isBodyName(name) && subjectTypeOf(name) !== null) return name;
  }
  return null;
}

// The one-character 代字 of each provincial government in its document numbers (桂政发〔2015〕2号).
// 宁 and 青 are left out: 南京 and 青岛 number their documents 宁政发 and 青政发 too.
const PROVINCE_CODES: Readonly<Record<string, string>> = {
  京: '北京市',
  津: '天津市',
  沪: '上海市',
  渝: '重庆市',
  冀: '河北省',
  晋: '山西省',
  蒙: '内蒙古自治区',
  辽: '辽宁省',
  吉: '吉林省',
  黑: '黑龙江省',
  苏: '江苏省',
  浙: '浙江省',
  皖: '安徽省',
  闽: '福建省',
  赣: '江西省',
  鲁: '山东省',
  豫: '河南省',
  鄂: '湖北省',
  湘: '湖南省',
  粤: '广东省',
  桂: '广西壮族自治区',
  琼: '海南省',
  川: '四川省',
  黔: '贵州省',
  云: '云南省',
  藏: '西藏自治区',
  陕: '陕西省',
  甘: '甘肃省',
  新: '新疆维吾尔自治区',
};
const PROVINCE_DOC_NUMBER = /^(.)政(办)?(发|规|函|字|报)[〔[(（]\d{4}[〕\])）]\d{1,4}号$/;

/** The provincial government that issued a document, from its number: 桂政发〔2015〕2号 → 广西壮族自治区人民政府. */
export function subjectFromDocNumber(docNumber: string): string | null {
  const match = PROVINCE_DOC_NUMBER.exec(docNumber);
  const province = match ? PROVINCE_CODES[match[1] as string] : undefined;
  if (!match || !province) return null;
  return `${province}人民政府${match[2] ? '办公厅' : ''}`;
}
