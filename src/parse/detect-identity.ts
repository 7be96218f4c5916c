// The report's identity from its head and opening: title, year, reporting body and its type,
// kind, publication date. Each concern has its module under identity/; this composes them.

import type { DocumentKind } from '../shared/document-kinds.js';
import type { ReportIdentity } from '../shared/results.js';
import type { SubjectType } from '../shared/subject-types.js';
import { foldText, originalRange } from '../text/fold-text.js';
import { publicationDate, signatureDate } from './identity/dates.js';
import { kindOf } from './identity/kind.js';
import {
  isCentralBody,
  isOrganisationName,
  officeHolderType,
  placeFromCitations,
  subjectFromCitedTitle,
  subjectFromDocNumber,
  subjectFromOpening,
  subjectFromTitle,
  subjectTypeOf,
} from './identity/subject.js';
import { yearFromBody, yearFromTitle } from './identity/year.js';
import type { DocumentHead } from './read-head.js';

export { subjectTypeOf } from './identity/subject.js';
export { yearFromTitle } from './identity/year.js';

/** What the identity is read from, besides the head. */
export interface IdentityInput {
  readonly head: DocumentHead;
  readonly opening: string; // folded, simplified view of the first body paragraphs
  readonly body: string; // folded, simplified view of the start of the body, lines joined by \n
  readonly credits: string; // chrome and metadata lines (clean views) joined by \n
  readonly tail: readonly string[]; // the last non-blank lines (clean views)
  readonly pagePublishedAt: string | null; // from the loader (HTML meta tags)
  readonly pagePublisher: string | null;
  readonly traditional: boolean;
  readonly writtenOf: (view: string) => string; // a name found in the folded view, as written in the text
  readonly overrides: { readonly year?: number | undefined; readonly subjectType?: SubjectType | undefined };
}

/** Detects the identity from the head, the opening and the end of the text. */
export function detectIdentity(input: IdentityInput): ReportIdentity {
  const { head, overrides } = input;
  const titleView = head.title?.view ?? null;
  const signed = signatureDate(input.tail);
  const date = publicationDate(head.metadata.publishedAt ?? input.pagePublishedAt, signed, {
    publisher: head.metadata.publisher ?? input.pagePublisher,
    traditional: input.traditional,
  });
  const year = detectYear(titleView, input.opening, date.publishedAt, overrides.year);
  const kind = kindOf({
    title: titleView,
    year: year.yearSource === 'title' || year.yearSource === 'body' ? year.year : null,
    addressee: head.addressee,
    credits: input.credits,
    body: input.body,
  });
  // A year guessed from the publication date says nothing about a look-alike; a template's year is the site's.
  const yearOf =
    (kind.kind !== 'annual-report' && year.yearSource === 'published') ||
    (kind.kind === 'template' && year.yearSource !== 'override')
      ? NO_YEAR
      : year;
  return {
    title: head.title?.text ?? null,
    titleLine: head.title ? (head.title.lines[0] as number) + 1 : null,
    ...yearOf,
    ...detectSubject(input, kind.kind, overrides.subjectType),
    kind: kind.kind,
    kindReason: kind.reason,
    publishedAt: date.publishedAt,
    publishedAtSource: date.source,
    publisher: head.metadata.publisher ?? input.pagePublisher,
    headConfidence: head.confidence,
  };
}

const NO_YEAR = { year: null, yearSource: null } as const;

function detectYear(
  title: string | null,
  opening: string,
  publishedAt: string | null,
  override: number | undefined,
): Pick<ReportIdentity, 'year' | 'yearSource'> {
  if (override) return { year: override, yearSource: 'override' };
  const fromTitle = title ? yearFromTitle(title) : null;
  if (fromTitle) return { year: fromTitle, yearSource: 'title' };
  const fromBody = yearFromBody(opening);
  if (fromBody) return { year: fromBody, yearSource: 'body' };
  if (publishedAt) return { year: Number(publishedAt.slice(0, 4)) - 1, yearSource: 'published' };
  return NO_YEAR;
}

/**
 * Subject from the title (or the fuller name the 来源 gives for it), else a byline, the
 * signature or the issuer its document number names, else the opening, a report it cites by
 * title, or the place at the start of the documents it cites (for a report that only says 我县);
 * --subject-type wins. A template names no body; a central body (国务院) has none of the local
 * subject types.
 */
function detectSubject(
  input: IdentityInput,
  kind: DocumentKind,
  override: SubjectType | undefined,
): Pick<ReportIdentity, 'subject' | 'subjectType' | 'subjectTypeSource'> {
  if (kind === 'template') {
    return override
      ? { subject: null, subjectType: override, subjectTypeSource: 'override' }
      : { subject: null, subjectType: null, subjectTypeSource: null };
  }
  const { head } = input;
  // A news item about a report ("…审议《某州人民政府关于2020年度…的报告》") is about that report's body.
  const reported = kind === 'news' ? subjectFromCitedTitle(input.opening) : null;
  const titled = reported ?? (head.title ? subjectFromTitle(head.title.view) : null);
  const publisher = head.metadata.publisher ?? input.pagePublisher;
  const fuller =
    titled &&
    publisher &&
    publisher.length > titled.length &&
    publisher.includes(titled) &&
    isSingleBody(publisher)
      ? publisher
      : null;
  const fromTitle = fuller ?? titled;
  const titleType = fromTitle ? (subjectTypeOf(fromTitle) ?? officeHolderType(fromTitle)) : null;
  const signed = titleType
    ? null
    : (head.byline ?? signatureName(input.tail) ?? issuerOf(head.metadata.docNumber));
  const fromOpening = fromTitle || signed ? null : subjectFromOpening(input.opening);
  const cited =
    fromOpening && fromOpening.subject === null
      ? (subjectFromCitedTitle(input.opening) ??
        (fromOpening.selfLevel ? placeFromCitations(input.body, fromOpening.selfLevel) : null))
      : null;
  // A report that calls itself only 我局 / 我县, on a page whose metadata names one body of that kind.
  const published =
    fromOpening &&
    fromOpening.subject === null &&
    !cited &&
    fromOpening.subjectType &&
    publisher &&
    isSingleBody(publisher) &&
    subjectTypeOf(publisher) === fromOpening.subjectType
      ? publisher
      : null;
  const subjectView = fromTitle ?? signed ?? fromOpening?.subject ?? cited ?? published ?? null;
  const subject =
    subjectView && head.title && fromTitle && !fuller && !reported
      ? originalOf(head.title, subjectView)
      : subjectView && input.writtenOf(subjectView);
  const openingType = fromOpening?.subjectType ?? (cited ? subjectTypeOf(cited) : null);
  const detected: Pick<ReportIdentity, 'subjectType' | 'subjectTypeSource'> =
    subjectView && isCentralBody(subjectView)
      ? { subjectType: null, subjectTypeSource: null }
      : titleType
        ? { subjectType: titleType, subjectTypeSource: 'title' }
        : signed
          ? { subjectType: subjectTypeOf(signed), subjectTypeSource: 'signature' }
          : openingType
            ? { subjectType: openingType, subjectTypeSource: 'body' }
            : { subjectType: null, subjectTypeSource: null };
  if (override) return { subject, subjectType: override, subjectTypeSource: 'override' };
  return { subject, ...detected };
}

/** Whether a page's 来源 / 发布机构 names one body: not a site, not a list of bodies
 * ("某开发区管委会办公室、某区人民政府办公室"). */
function isSingleBody(publisher: string): boolean {
  return (
    isOrganisationName(publisher) &&
    !/[、,，;；]/.test(publisher) &&
    !/(网站|网|门户|平台|客户端)$/.test(publisher)
  );
}

/** The issuer a document number names, when it names one for sure (a provincial government). */
function issuerOf(docNumber: string | null): string | null {
  return docNumber ? subjectFromDocNumber(docNumber) : null;
}

/** The organisation signing at the end ("青山区司法局" / "2023年2月28日"). */
function signatureName(tail: readonly string[]): string | null {
  for (let i = tail.length - 1; i > 0 && i >= tail.length - 4; i--) {
    if (
      /^[(（]?(20\d{2}|二[〇零○].{2})年.{1,3}月.{1,3}日[)）]?$/.test(tail[i] ?? '') &&
      isOrganisationName(tail[i - 1] ?? '')
    ) {
      return tail[i - 1] ?? null;
    }
  }
  return null;
}

/**
 * The subject as written in the title: the title's view differs from what was written by
 * simplified characters, dropped spaces and pinyin glosses, so the subject found in the view is
 * mapped back through the folded title's offsets.
 */
function originalOf(title: NonNullable<DocumentHead['title']>, view: string): string {
  const folded = foldText(title.text, title.simplified);
  const at = folded.text.indexOf(view);
  if (at < 0) return view;
  const range = originalRange(folded, at, at + view.length);
  return title.text.slice(range.start, range.end);
}
