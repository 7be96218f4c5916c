// The report year: named in the title, else in the opening ("2023年，我局…", "现将2023年度…报告如下").
// Not a report year: an edition ("（2021年版）"), a target ("力争到2020年"), a starting point
// ("自2016年以来", "2004年纲要颁布实施以来").

import { foldString } from '../../text/fold-text.js';

const YEAR_IN_TITLE = /(?<![\d—–\-－~～至])(20\d{2})年(度)?(?![\d—–\-－~～版])/;
const ANY_YEAR_IN_TITLE = /(?<![—–\-－~～至])(20\d{2})年(度)?(?!版)/;
// A year that starts a statement about the reported period: "2020年，", "2020年度" …
const YEAR_IN_BODY = /(?<![\d—–\-－~～至〔[(（])(20\d{2})年(度)?(?![\d—–\-－~～版])/g;
const TARGET_OR_START = /(到|至|自|从|截至|截止)$/;
const CLAUSE_END = /[,，。；;]/;

/** Year named in a title. */
export function yearFromTitle(title: string): number | null {
  const folded = foldString(title);
  const match = YEAR_IN_TITLE.exec(folded) ?? ANY_YEAR_IN_TITLE.exec(folded);
  return match ? Number(match[1]) : null;
}

/** First reported year named in opening text (folded view). */
export function yearFromBody(text: string): number | null {
  const reported = /现将[^。]{0,40}?(?<![\d—–\-－~～至])(20\d{2})年(度)?(?![\d—–\-－~～版])/.exec(text);
  if (reported) return Number(reported[1]);
  for (const match of text.matchAll(YEAR_IN_BODY)) {
    const at = match.index ?? 0;
    if (TARGET_OR_START.test(text.slice(Math.max(0, at - 2), at))) continue;
    // "2020年基本建成法治政府": a goal set for that year.
    if (/^(底前|前|基本建成|全面建成|建成)/.test(text.slice(at + match[0].length))) continue;
    // "2004年某纲要颁布实施以来": the clause counts from that year; "2023年以来，…" is the year itself.
    const after = text.slice(at + match[0].length);
    const clause = after.slice(0, after.search(CLAUSE_END) < 0 ? after.length : after.search(CLAUSE_END));
    if (/以来/.test(clause) && !/^以来/.test(clause)) continue;
    return Number(match[1]);
  }
  return null;
}
