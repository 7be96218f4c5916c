// Where the publication date comes from: the page's metadata, else the date under the signature
// at the end of the text (落款: "某某镇人民政府" / "2024年2月20日"). A page that reposts the text
// dates its own copy, not the report: such a date is kept but marked as a repost's.

import { isOrganisationName } from './subject.js';

/** A date as the identity reports it, with where it came from. */
export interface PublicationDate {
  readonly publishedAt: string | null;
  readonly source: 'page' | 'repost' | 'signature' | null;
}

const SIGNATURE_DATE =
  /^[(（]?(20\d{2}|二[〇零○][一二三四五六七八九〇零○]{2})年([\d一二三四五六七八九十]{1,3})月([\d一二三四五六七八九十]{1,3})日[)）]?$/;
const SIGNATURE_LINES = 5;
const REPOST_GAP_DAYS = 60;
const DAY_MS = 86_400_000;

/** The date under the signature at the end: the last lines (clean views, blank lines left out). */
export function signatureDate(tail: readonly string[]): string | null {
  const lines = tail.slice(-SIGNATURE_LINES);
  for (let i = lines.length - 1; i > 0; i--) {
    const match = SIGNATURE_DATE.exec(lines[i] ?? '');
    if (match && isOrganisationName(lines[i - 1] ?? '')) return isoOf(match[1], match[2], match[3]);
  }
  return null;
}

/**
 * The publication date: the page's, unless the text is plainly a repost (its page date more than
 * two months after its own signature date, a 来源 that says it is reposted, or a traditional-character
 * copy of a mainland report); else the signature's.
 */
export function publicationDate(
  pageDate: string | null,
  signed: string | null,
  evidence: { readonly publisher: string | null; readonly traditional: boolean },
): PublicationDate {
  if (pageDate) {
    const late = signed !== null && (Date.parse(pageDate) - Date.parse(signed)) / DAY_MS > REPOST_GAP_DAYS;
    const reposted = late || /转载|转自/.test(evidence.publisher ?? '') || evidence.traditional;
    return { publishedAt: pageDate, source: reposted ? 'repost' : 'page' };
  }
  if (signed) return { publishedAt: signed, source: 'signature' };
  return { publishedAt: null, source: null };
}

const CN_DIGIT = '〇一二三四五六七八九';

function numberOf(text: string | undefined): number {
  if (!text) return Number.NaN;
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 4)
    return Number([...text].map((ch) => CN_DIGIT.indexOf(ch === '零' || ch === '○' ? '〇' : ch)).join(''));
  const tens = text.indexOf('十');
  const digit = (ch: string | undefined) => (ch ? CN_DIGIT.indexOf(ch) : 0);
  if (tens < 0) return digit(text);
  return (tens === 0 ? 1 : digit(text[0])) * 10 + digit(text[tens + 1]);
}

function isoOf(year: string | undefined, month: string | undefined, day: string | undefined): string | null {
  const y = numberOf(year);
  const m = numberOf(month);
  const d = numberOf(day);
  if (!(y >= 2000 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
