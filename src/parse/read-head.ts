// The document head: the first lines read as a whole. Each is page chrome, metadata (key: value
// pairs: dates, 发文字号, 来源, 发布机构), the title (joined over two or three lines, or cut from
// the start of a line the page ran into the text), a byline, the addressee, or the opening where
// the body starts. Chrome and metadata never become headings, paragraphs or finding targets.
// One pass over at most HEAD_LINES non-blank lines.

import { isSectionWord, matchHeadingMarker } from '../text/heading-markers.js';
import {
  cleanLine,
  danglingDateLabel,
  datesOf,
  isBareLabel,
  type LineKind,
  publisherOf,
  type StatedDate,
} from '../text/line-classes.js';
import { isOrganisationName } from './identity/subject.js';

/** The role the head gives a line. */
export type HeadRole = 'chrome' | 'meta' | 'title' | 'addressee' | 'signature';

/** One line as the head reader sees it. */
export interface HeadLine {
  readonly text: string; // as written
  readonly view: string; // simplified view of the same length (the text itself when not traditional)
  readonly clean: string; // cleaned view (folded, no bullets), what patterns test
  readonly kind: LineKind | 'blank';
}

/** Metadata stated in the head. */
export interface HeadMetadata {
  readonly publishedAt: string | null;
  readonly publisher: string | null;
  readonly docNumber: string | null;
}

/** What the head says. Indexes are 0-based line indexes. */
export interface DocumentHead {
  readonly roles: ReadonlyMap<number, HeadRole>;
  readonly title: {
    readonly lines: readonly number[];
    readonly text: string; // as written, lines joined without their breaks
    readonly simplified: string; // the same in simplified characters, of the same length
    readonly view: string; // cleaned view of the joined title
    readonly runInEnd: number | null; // offset in the title line where the body starts, for a run-in title
  } | null;
  readonly byline: string | null; // an organisation named on its own line in the head (clean view)
  readonly addressee: string | null;
  readonly bodyLine: number; // first line of the body
  readonly metadata: HeadMetadata;
  readonly docShare: boolean; // a doc-share copy whose lines start with page markers 1、 2、 …
  readonly confidence: number; // 0–1: how sure the title reading is
}

const HEAD_LINES = 40;
const MAX_TITLE = 90;
const TITLE_HINT =
  /(报告|总结|汇报|要点|方案|解读|法治|依法行政|依法治|通知|意见|办法|决定|计划|安排|思路|体系|白皮书)/;
const MIN_TITLE = 8;
const TITLE_END =
  /(报告|总结|汇报|要点|方案|计划|安排|意见|通知|办法|决定|体系|思路|解读|情况|》|\(\d{4}年?版?\)|【[^】]{1,6}】)$/;
const CONTINUATION = /^(关于|20\d{2}|法治|年度|的|\(|（|推进|依法|工作|情况|实施|建设)/;
const SENTENCE = /[。；;！？!?]/;
const ADDRESSEE =
  /^(?!.*(现将|如下|报告|根据|按照|依据))(?:[^。；;，,]{2,80}[:：]|[^。；;]{2,120}(人民政府|委员会|各单位|各部门|有关单位|委员)[,，]?[^。；;]{0,80}[:：])$/;
const COVER_ATTACHMENT = /^附件\d*[:：]?$/;
const CHINESE_DATE = /^[(（]?(20\d{2})年(\d{1,2})月(\d{1,2})日[)）]?$/;
const RUN_IN_TITLE =
  /^\s*(?:\d{1,2}、)?([^,，。；;:：]{6,70}?(?:报告|总结|工作思路|方案|要点)(?:【[^】]{1,6}】)?)(?=\s|20\d{2}|根据|按照|为|今年|一年来|近年来|一、|[\p{Script=Han}]{2,10}[:：])/u;
const PAGE_MARKER = /^\s*(\d{1,2})、/;
// A page title's "(2020年)", which tells apart pages of the same name.
const DISAMBIGUATOR = /\s*[(（]\d{4}年?[)）]$/;
const DELIVERY_NOTE = /^[(（][^()（）]{0,60}(会议上|会上|大会上)[)）]$/;

/** Reads the head of a document. `lines` are all its lines. */
export function readHead(lines: readonly HeadLine[]): DocumentHead {
  const roles = new Map<number, HeadRole>();
  const docShare = isDocShare(lines);
  let title: DocumentHead['title'] = null;
  let byline: string | null = null;
  let addressee: string | null = null;
  let bodyLine = -1;
  let confidence = 0.5;
  let seen = 0;
  let breadcrumbSinceTitle = false;
  let valueExpected = false;
  const tentative: number[] = []; // short labels above a title: chrome only if a title follows
  const preface = fullTextPreface(lines, docShare);
  for (const index of preface) roles.set(index, 'chrome');

  for (let i = (preface.at(-1) ?? -1) + 1; i < lines.length && seen < HEAD_LINES; i++) {
    const line = lines[i] as HeadLine;
    if (line.kind === 'blank') continue;
    seen++;
    const clean = docShare ? line.clean.replace(PAGE_MARKER, '') : line.clean;
    if (line.kind === 'chrome' || line.kind === 'meta') {
      roles.set(i, line.kind);
      if (title && line.kind === 'chrome' && /[>»›]/.test(clean)) breadcrumbSinceTitle = true;
      // A label whose value is the next line: "名 称 :" / the value; "Subtype" / the value of a catalogue record.
      valueExpected =
        (line.kind === 'meta' && isBareLabel(clean) && !/^[|[]/.test(clean)) ||
        (title !== null && /^[A-Z][a-z]{1,11}$/.test(clean));
      valueExpected &&= lines[i + 1]?.kind === 'text';
      continue;
    }
    // The value under a bare label ("名 称 :" / the value), an English field of a catalogue record.
    if ((valueExpected && clean.length <= 60) || (title && isLatinOnly(clean))) {
      roles.set(i, valueExpected ? 'meta' : 'chrome');
      valueExpected = title !== null && /^[A-Za-z]{2,12}$/.test(clean);
      continue;
    }
    valueExpected = false;
    if (isShortBullet(line)) {
      roles.set(i, 'meta');
      continue;
    }
    if (!title) {
      if (!docShare && (matchHeadingMarker(line.view.replace(/^\?+/, '')) || matchHeadingMarker(clean))) {
        bodyLine = i;
        break;
      }
      const found = readTitleAt(lines, i, docShare);
      if (found) {
        title = found;
        for (const index of found.lines) roles.set(index, 'title');
        confidence = found.runInEnd === null ? 0.9 : 0.7;
        if (found.runInEnd !== null) {
          bodyLine = i;
          break;
        }
        i = found.lines.at(-1) as number;
        continue;
      }
      if (ADDRESSEE.test(clean)) {
        roles.set(i, 'addressee');
        addressee ??= clean;
        continue;
      }
      if (isOrganisationName(clean)) {
        roles.set(i, 'meta');
        byline ??= clean;
        continue;
      }
      if (!isSectionWord(clean) && (isShortLabel(clean) || isHeaderAboveMetadata(lines, i))) {
        roles.set(i, 'chrome');
        tentative.push(i);
        continue;
      }
      // The body has started. A cover letter may still come before the title (… 附件 / title).
      bodyLine = i;
      const attached = titleAfterCoverLetter(lines, i, docShare);
      if (attached) {
        title = attached.title;
        for (const index of title.lines) roles.set(index, 'title');
        for (const index of attached.signature) roles.set(index, 'meta');
        const signer = attached.signature[0];
        if (signer !== undefined) byline ??= lines[signer]?.clean ?? null;
        confidence = 0.7;
      }
      break;
    }
    // After the title: a repeat of it, a byline, a date, the addressee, then the opening.
    const repeat = repeatOfTitle(lines, i, title.view);
    if (repeat.length > 0) {
      // The first one was the page's own title: above the site's path, or with a "(2020年)" to tell pages apart.
      if (breadcrumbSinceTitle || DISAMBIGUATOR.test(title.view)) {
        for (const index of title.lines) roles.set(index, 'chrome');
        const parts = repeat.map((n) => writtenPart(lines[n] as HeadLine, docShare));
        title = {
          ...(title as FoundTitle),
          lines: repeat,
          text: parts.map((part) => part.text).join(''),
          simplified: parts.map((part) => part.simplified).join(''),
          view: repeat.map((n) => lines[n]?.clean ?? '').join(''),
        };
        breadcrumbSinceTitle = false;
      }
      for (const index of repeat) if (!title.lines.includes(index)) roles.set(index, 'chrome');
      for (const index of title.lines) roles.set(index, 'title');
      i = repeat.at(-1) as number;
      continue;
    }
    if (CHINESE_DATE.test(clean)) {
      roles.set(i, 'meta');
      continue;
    }
    if (ADDRESSEE.test(clean)) {
      roles.set(i, 'addressee');
      addressee ??= clean;
      continue;
    }
    if (isOrganisationName(clean)) {
      roles.set(i, 'meta');
      byline ??= clean;
      continue;
    }
    if (isSubtitle(clean) || isSubtitleAboveMetadata(lines, i)) {
      roles.set(i, 'title');
      continue;
    }
    bodyLine = i;
    break;
  }
  if (!title) {
    // Without a title, only a bare word or number stays a label; a fragment with marks is text.
    const text = tentative.filter((index) => !/^[\p{Script=Han}\d]+$/u.test(lines[index]?.clean ?? ''));
    for (const index of text) roles.delete(index);
    if (text.length > 0)
      bodyLine = Math.min(bodyLine < 0 ? Number.MAX_SAFE_INTEGER : bodyLine, text[0] as number);
  }
  if (bodyLine < 0) bodyLine = firstUnassigned(lines, roles);
  if (!title) {
    // A page that names the document only in its metadata block ("标　题：某局2021年度…报告").
    title = titleFromMetadata(lines, roles, bodyLine);
    if (title) confidence = 0.5;
  }
  return {
    roles,
    title,
    byline,
    addressee,
    bodyLine,
    metadata: readMetadata(lines, roles, bodyLine),
    docShare,
    confidence: title ? confidence : 0.3,
  };
}

type FoundTitle = NonNullable<DocumentHead['title']>;

/** The title starting at line `start`, joined over up to three lines, or cut from a run-in line. */
function readTitleAt(lines: readonly HeadLine[], start: number, docShare: boolean): FoundTitle | null {
  const first = lines[start] as HeadLine;
  const clean = stripMarker(first.clean, docShare);
  if (SENTENCE.test(clean) || /[:：]$/.test(clean) || /现将|如下/.test(clean)) {
    // A short line is a run-in title only where a gap parts the title from the sentence.
    if (clean.length > MAX_TITLE) return runInTitle(first, start);
    const run = runInTitle(first, start);
    return run &&
      /\s/.test(first.view.charAt(run.runInEnd ?? 0)) &&
      !/^(现将|根据|按照|为了?|今年|经|我[局县区市镇乡街委办厅])/.test(run.view)
      ? run
      : null;
  }
  if (clean.length > MAX_TITLE || (clean.length > 40 && /[,，]/.test(clean))) return runInTitle(first, start);
  if (clean.length > 40 && !TITLE_HINT.test(clean)) return null;
  const taken = [start];
  let joined = clean;
  let next = start + 1;
  while (!TITLE_END.test(joined) && taken.length < 3) {
    while (lines[next]?.kind === 'blank' && next - (taken.at(-1) as number) < 2) next++;
    const line = lines[next];
    if (line?.kind !== 'text') break;
    const part = line.clean;
    if (part.length > 60 || SENTENCE.test(part) || /[,，]/.test(part) || matchHeadingMarker(part)) break;
    if (!(CONTINUATION.test(part) || TITLE_HINT.test(part) || isOrganisationName(part))) break;
    taken.push(next);
    joined += part;
    next++;
  }
  if (
    !TITLE_HINT.test(joined) ||
    joined.length > MAX_TITLE ||
    joined.length < MIN_TITLE ||
    /[,，]/.test(joined)
  ) {
    return clean.length > 40 ? runInTitle(first, start) : null;
  }
  if (taken.length > 1 && !TITLE_END.test(joined)) return null;
  // A short label above a whole title ("通知公告" / the title): the title is the next line alone.
  if (taken.length > 1 && clean.length < MIN_TITLE && !isOrganisationName(clean)) return null;
  const parts = taken.map((index) => writtenPart(lines[index] as HeadLine, docShare));
  return {
    lines: taken,
    text: parts.map((part) => part.text).join(''),
    simplified: parts.map((part) => part.simplified).join(''),
    view: joined,
    runInEnd: null,
  };
}

const TITLE_LABEL = /^\[?(?:标题|名称|文章标题|信息标题|信息名称|文件名称)(?:\][:|]*|[:|]+)/;

/** The title a metadata line above the body states ("标　题：…"), as written; the line stays metadata. */
function titleFromMetadata(
  lines: readonly HeadLine[],
  roles: ReadonlyMap<number, HeadRole>,
  bodyLine: number,
): FoundTitle | null {
  for (let i = 0; i < bodyLine && i < lines.length; i++) {
    const line = lines[i] as HeadLine;
    if (roles.get(i) !== 'meta') continue;
    const label = TITLE_LABEL.exec(line.clean);
    if (!label) continue;
    const view = line.clean.slice(label[0].length).split('|')[0] ?? '';
    if (view.length < MIN_TITLE || view.length > MAX_TITLE || !TITLE_HINT.test(view)) continue;
    // The value as written: from the first character after the label's colon or bracket to its end.
    const colon = line.view.search(/[:：|\]]/);
    const start = colon + 1 + (/^[\s|:：]*/.exec(line.view.slice(colon + 1))?.[0].length ?? 0);
    const bar = line.view.indexOf('|', start);
    const end = (bar < 0 ? line.view : line.view.slice(0, bar)).trimEnd().length;
    if (colon < 0 || end <= start) continue;
    return {
      lines: [i],
      text: line.text.slice(start, end),
      simplified: line.view.slice(start, end),
      view,
      runInEnd: null,
    };
  }
  return null;
}

/** A title the page ran into the first sentence: "某某县2024年法治政府建设情况报告 2024年，…". */
function runInTitle(line: HeadLine, index: number): FoundTitle | null {
  const match = RUN_IN_TITLE.exec(line.view);
  const title = match?.[1];
  if (!match || !title || !/法治|依法|政府|报告|总结|方案|要点/.test(title)) return null;
  const start = match[0].length - title.length;
  const end = match[0].length;
  const lead = line.view.slice(start, end).length - line.view.slice(start, end).trimStart().length;
  const tail = line.view.slice(start, end).trimEnd().length;
  return {
    lines: [index],
    text: line.text.slice(start + lead, start + tail),
    simplified: line.view.slice(start + lead, start + tail),
    view: cleanLine(title),
    runInEnd: end,
  };
}

/** A title line without its indentation, a mirror's "??" or a doc-share page marker, as written and simplified. */
function writtenPart(line: HeadLine, docShare: boolean): { text: string; simplified: string } {
  const lead = /^[\s\u3000?•·]*/.exec(line.view)?.[0].length ?? 0;
  const marker = docShare ? (PAGE_MARKER.exec(line.view.slice(lead))?.[0].length ?? 0) : 0;
  const end = line.view.trimEnd().length;
  const from = Math.min(lead + marker, end);
  return { text: line.text.slice(from, end), simplified: line.view.slice(from, end) };
}

/** The title of a document sent with a covering letter: after the letter's 附件 line or its signature. */
function titleAfterCoverLetter(
  lines: readonly HeadLine[],
  from: number,
  docShare: boolean,
): { title: FoundTitle; signature: number[] } | null {
  const after = (index: number) => {
    let next = index + 1;
    while (lines[next]?.kind === 'blank') next++;
    return next;
  };
  for (let i = from + 1; i < Math.min(lines.length, from + 12); i++) {
    const line = lines[i] as HeadLine;
    if (line.kind === 'blank') continue;
    if (COVER_ATTACHMENT.test(line.clean)) {
      const found = lines[after(i)] ? readTitleAt(lines, after(i), docShare) : null;
      return found ? { title: found, signature: [] } : null;
    }
    // The letter's signature: the sender, the date, then the document it sends.
    const date = after(i);
    if (isOrganisationName(line.clean) && CHINESE_DATE.test(lines[date]?.clean ?? '')) {
      const found = lines[after(date)] ? readTitleAt(lines, after(date), docShare) : null;
      if (found) return { title: found, signature: [i, date] };
    }
  }
  return null;
}

/** Lines from `start` that repeat the title (on one line or split again); empty when they do not. */
function repeatOfTitle(lines: readonly HeadLine[], start: number, title: string): number[] {
  const taken: number[] = [];
  let joined = '';
  for (let i = start; i < lines.length && taken.length < 3; i++) {
    const line = lines[i] as HeadLine;
    if (line.kind === 'blank') continue;
    if (line.kind !== 'text') break;
    const next = joined + line.clean;
    if (!sameTitle(title, next) && !sameTitle(title.slice(0, next.length), next)) break;
    taken.push(i);
    joined = next;
    if (sameTitle(title, joined)) return taken;
    if (joined.length >= title.length) break;
  }
  return [];
}

/** Two wordings of one title (年 / 年度, a space or a 《》 more or less). */
function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(DISAMBIGUATOR, '')
      .replace(/年度/g, '年')
      .replace(/[《》〈〉"“”\s]/g, '');
  return norm(a) === norm(b) && a.length >= 4;
}

/** A line under the title that goes with it: "——以某地为例", "（2021年版）". */
function isSubtitle(clean: string): boolean {
  return /^(——|—|－－)/.test(clean) && clean.length <= 40 && !SENTENCE.test(clean);
}

/** A line of Latin letters only (no Chinese): an English field of a catalogue record. */
function isLatinOnly(clean: string): boolean {
  return /[A-Za-z]/.test(clean) && !/[\p{Script=Han}]/u.test(clean);
}

/** A short line under the title, right above the page's metadata: a subtitle. */
function isSubtitleAboveMetadata(lines: readonly HeadLine[], index: number): boolean {
  const clean = lines[index]?.clean ?? '';
  return (
    clean.length <= 24 && !SENTENCE.test(clean) && !/[,，]/.test(clean) && isHeaderAboveMetadata(lines, index)
  );
}

/** A short label before the title: a column name, a site section, a volume number. */
function isShortLabel(clean: string): boolean {
  return clean.length <= 12 && !SENTENCE.test(clean) && !/[,，、★]|密/.test(clean);
}

/** A site or column header: a short line without a sentence, right above the metadata block. */
function isHeaderAboveMetadata(lines: readonly HeadLine[], index: number): boolean {
  const clean = lines[index]?.clean ?? '';
  if (clean.length > 40 || SENTENCE.test(clean) || /[,，]/.test(clean)) return false;
  for (let i = index + 1; i < lines.length && i <= index + 3; i++) {
    const kind = lines[i]?.kind;
    if (kind === 'blank') continue;
    return kind === 'meta' || kind === 'chrome';
  }
  return false;
}

/** A bulleted line of a metadata list ("• 2026-01-27", "• 法制"): short, no sentence. */
function isShortBullet(line: HeadLine): boolean {
  return /^\s*[•·▪●◆■]/.test(line.text) && line.clean.length <= 40 && !SENTENCE.test(line.clean);
}

function stripMarker(clean: string, docShare: boolean): string {
  return docShare ? clean.replace(PAGE_MARKER, '') : clean;
}

/**
 * A doc-share copy: a "由会员分享" line, or lines that start 1、 2、 3、 in turn, each a long run of
 * text (one page of the shared file per line).
 */
function isDocShare(lines: readonly HeadLine[]): boolean {
  let expected = 1;
  let markers = 0;
  for (const [i, line] of lines.entries()) {
    if (i > HEAD_LINES * 2) break;
    if (line.kind === 'blank') continue;
    if (/由会员分享/.test(line.clean)) return true;
    const marker = PAGE_MARKER.exec(line.clean);
    if (!marker) continue;
    if (Number(marker[1]) !== expected || line.clean.length < 150) return false;
    expected++;
    if (++markers >= 2) return true;
  }
  return false;
}

function firstUnassigned(lines: readonly HeadLine[], roles: ReadonlyMap<number, HeadRole>): number {
  for (const [i, line] of lines.entries()) if (line.kind !== 'blank' && !roles.has(i)) return i;
  return lines.length;
}

/** Dates, 来源 and 发文字号 of the head's metadata lines. */
function readMetadata(
  lines: readonly HeadLine[],
  roles: ReadonlyMap<number, HeadRole>,
  bodyLine: number,
): HeadMetadata {
  const dates: StatedDate[] = [];
  let publisher: string | null = null;
  let docNumber: string | null = null;
  let pending: string | null = null;
  let seen = 0;
  for (let i = 0; i < lines.length && seen < HEAD_LINES; i++) {
    const line = lines[i] as HeadLine;
    if (line.kind === 'blank') continue;
    seen++;
    const meta = i < bodyLine ? roles.get(i) === 'meta' : line.kind === 'meta';
    if (!meta || DELIVERY_NOTE.test(line.clean)) continue;
    const stated = datesOf(line.clean, pending);
    dates.push(...stated);
    pending = stated.length === 0 ? danglingDateLabel(line.clean) : null;
    publisher ??= publisherOf(line.clean);
    docNumber ??= /[\p{Script=Han}]{1,12}[〔[(（]\d{4}[〕\])）]\d{1,4}号/u.exec(line.clean)?.[0] ?? null;
  }
  const best = dates.reduce<StatedDate | null>((a, b) => (a === null || b.rank < a.rank ? b : a), null);
  return { publishedAt: best?.date ?? null, publisher, docNumber };
}

const FULL_TEXT_LABEL = /^(报告|文件)?(全文|原文|正文)(如下)?[:]?$/;
const PREFACE_LINES = 6;
const PREFACE_LINE_MAX = 60;

/**
 * A page that introduces the text before it ("报告发布" / "2021年3月，报告发布。" / "报告全文"): the
 * lines up to the 全文 label, when they are short and none of them is a title. Empty otherwise.
 */
function fullTextPreface(lines: readonly HeadLine[], docShare: boolean): number[] {
  const taken: number[] = [];
  for (let i = 0; i < lines.length && taken.length <= PREFACE_LINES; i++) {
    const line = lines[i] as HeadLine;
    if (line.kind === 'blank') continue;
    taken.push(i);
    if (FULL_TEXT_LABEL.test(line.clean)) return taken.length > 1 ? taken : [];
    if (line.clean.length > PREFACE_LINE_MAX || readTitleAt(lines, i, docShare)) return [];
  }
  return [];
}
