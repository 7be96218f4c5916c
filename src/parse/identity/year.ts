// The report year: named in the title, else in the opening ("2023年，我局…", "现将2023年度…报告如下").

import { foldString } from '../../text/fold-text.js';

const YEAR_IN_TITLE = /(?<![\d—–\-－~～至])(20\d{2})年(度)?(?![\d—–\-－~～])/;
// A year that starts a statement about the reported period: "2020年，", "2020年度" …
const YEAR_IN_BODY = /(?<![\d—–\-－~～至〔[(（])(20\d{2})年(度)?(?![\d—–\-－~～])/;

/** Year named in a title. */
export function yearFromTitle(title: string): number | null {
  const folded = foldString(title);
  const match = YEAR_IN_TITLE.exec(folded) ?? /(20\d{2})年(度)?/.exec(folded);
  return match ? Number(match[1]) : null;
}

/** First reported year named in opening text (folded view). */
export function yearFromBody(text: string): number | null {
  const reported = /现将[^。]{0,40}?(20\d{2})年(度)?/.exec(text);
  if (reported) return Number(reported[1]);
  const match = YEAR_IN_BODY.exec(text);
  return match ? Number(match[1]) : null;
}
