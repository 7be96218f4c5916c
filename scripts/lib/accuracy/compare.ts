// How a detected value is compared with a hand label. The rules are general (about how titles and
// body names are written), fixed before looking at individual misses, and never name a page. The
// yardstick folds text on its own (NFKC, no spaces) rather than through fzcheck's helpers, so
// that it does not move with the code it measures.

/** Text as compared: NFKC (full-width ASCII → half-width, compatibility forms) without any whitespace. */
export function foldForCompare(text: string | null): string {
  return (text ?? '').normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * A detected title matches a labelled one when both fold to the same text, or when the label is
 * the first line of a title split over several lines and the detection joined the lines: the
 * detected title is the label followed by the text that starts the next lines. A detected title
 * that runs on into anything else (a body sentence on the same line, a site name) is a miss, as
 * is any title where the label says the excerpt shows none.
 */
export function sameTitle(
  labelled: string | null,
  detected: string | null,
  nextLines: readonly string[],
): boolean {
  const label = foldForCompare(labelled);
  const got = foldForCompare(detected);
  if (label === '' || got === '') return label === got;
  if (got === label) return true;
  return got.startsWith(label) && foldForCompare(nextLines.join('')).startsWith(got.slice(label.length));
}

/**
 * Generic words for "the government of" a place (a 开发区's 管委会 is its government); a body named
 * with or without one is the same body.
 */
const GENERIC_SUFFIXES = [
  '人民政府',
  '政府',
  '街道办事处',
  '办事处',
  '辦事處',
  '管理委员会',
  '管委会',
] as const;
/** The last character of a place name at some level: a qualifier ending in one of these is a place. */
const DIVISION_ENDINGS = /[省市区區县縣州旗盟镇鎮乡鄉]$/u;
const DIVISION_STARTS = /^[省市区區县縣州旗盟]/u;
/** A label naming joint bodies (党委 and 政府) lists them separated by spaces or 、. */
const JOINT_SEPARATOR = /[\s、，,]+/u;

/**
 * A detected subject matches a labelled one when, after folding and dropping a generic
 * government suffix (人民政府, 政府, 街道办事处 → 街道, 办事处, 管委会), they are equal, or one is the other
 * with a higher-level place in front (重庆市綦江区 + 关坝镇; 上海 + 市生态环境局, where the label
 * itself starts at the level word). A joint label (中共…委员会 …人民政府) matches either body or
 * the whole. A subject detected where the label says the text names none is a miss.
 */
export function sameSubject(labelled: string | null, detected: string | null): boolean {
  const label = foldForCompare(labelled);
  const got = foldForCompare(detected);
  if (label === '' || got === '') return label === got;
  const parts = [label, ...(labelled ?? '').split(JOINT_SEPARATOR).map(foldForCompare)].filter(Boolean);
  return parts.some((part) => sameBody(part, got));
}

function sameBody(a: string, b: string): boolean {
  const x = withoutGenericSuffix(a);
  const y = withoutGenericSuffix(b);
  if (x === y) return true;
  const [shorter, longer] = x.length < y.length ? [x, y] : [y, x];
  if (shorter === '' || !longer.endsWith(shorter)) return false;
  const qualifier = longer.slice(0, longer.length - shorter.length);
  return DIVISION_ENDINGS.test(qualifier) || DIVISION_STARTS.test(shorter);
}

function withoutGenericSuffix(name: string): string {
  for (const suffix of GENERIC_SUFFIXES) {
    if (name.endsWith(suffix) && name.length > suffix.length) {
      const stem = name.slice(0, -suffix.length);
      return suffix === '街道办事处' ? `${stem}街道` : stem;
    }
  }
  return name;
}
