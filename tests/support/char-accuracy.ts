// Character accuracy of recognised text against the text it was printed from: 1 − edit distance /
// length, over Chinese characters, punctuation and digits (spaces and line breaks do not count).

const COUNTED = /[\p{Script=Han}\p{P}0-9%]/u;

/** 1 − (Levenshtein distance / length of the truth), on the counted characters only. */
export function charAccuracy(truth: string, recognized: string): number {
  const a = [...truth].filter((c) => COUNTED.test(c));
  const b = [...recognized].filter((c) => COUNTED.test(c));
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(
        Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)),
      );
    }
    previous = current;
  }
  return 1 - previous[b.length]! / a.length;
}
