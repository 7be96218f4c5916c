// Fingerprints of Chinese text for finding copied paragraphs: the text's Han characters only
// (punctuation, digits, Latin and spaces dropped, so that changed figures or a reflowed line do
// not hide a copy), cut into overlapping 8-character shingles, each hashed to 32 bits. Two
// paragraphs are near-verbatim copies when most of one's shingles are among the other's; a
// MinHash signature (16 values) estimates that for many paragraphs at once with bounded memory.
// Everything is linear in the text's length.

/** Shingle length in Han characters. */
export const SHINGLE_LENGTH = 8;

/** Whether a code point is a Han character (CJK unified ideographs, extensions, compatibility). */
function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x20000 && code <= 0x3134f) ||
    code === 0x3007
  );
}

/** The code points of a text's Han characters, in order. */
export function hanCodes(text: string): Uint32Array {
  const codes = new Uint32Array(text.length);
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (isHan(code)) codes[count++] = code;
  }
  return codes.subarray(0, count);
}

/** The number of Han characters in a text. */
export function countHanChars(text: string): number {
  return hanCodes(text).length;
}

const BASE = 0x01000193;
// BASE^(SHINGLE_LENGTH − 1) mod 2^32: what the character leaving a rolling window weighed.
const LEAVING = Array.from({ length: SHINGLE_LENGTH - 1 }).reduce<number>(
  (power) => Math.imul(power, BASE),
  1,
);

/**
 * 32-bit hashes of every 8-character shingle of a text's Han characters: a polynomial hash rolled
 * along the text (one multiplication per character), each mixed so that the bits spread.
 */
export function shingleHashes(text: string): Uint32Array {
  const codes = hanCodes(text);
  const count = Math.max(0, codes.length - SHINGLE_LENGTH + 1);
  const hashes = new Uint32Array(count);
  let hash = 0;
  for (let i = 0; i < codes.length; i++) {
    if (i >= SHINGLE_LENGTH) hash = (hash - Math.imul(codes[i - SHINGLE_LENGTH] as number, LEAVING)) | 0;
    hash = (Math.imul(hash, BASE) + (codes[i] as number)) | 0;
    if (i >= SHINGLE_LENGTH - 1) hashes[i - SHINGLE_LENGTH + 1] = fmix32(hash);
  }
  return hashes;
}

/** Share (0–1) of `hashes` that are in `among`; 0 for an empty list. */
export function containment(hashes: Uint32Array, among: { has(hash: number): boolean }): number {
  if (hashes.length === 0) return 0;
  let inside = 0;
  for (const hash of hashes) if (among.has(hash)) inside++;
  return inside / hashes.length;
}

/** Values in a MinHash signature. */
export const SIGNATURE_SIZE = 16;

// Seeds of the hash family: h_i(x) = fmix32(x ^ SEEDS[i]), one independent-looking hash each.
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => fmix32(0x9e3779b9 * (i + 1)));

/** The MinHash signature of a shingle set: for each hash of the family, its smallest value. */
export function minhashSignature(hashes: Uint32Array): Uint32Array {
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const hash of hashes) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const value = fmix32(hash ^ (SEEDS[i] as number));
      if (value < (signature[i] as number)) signature[i] = value;
    }
  }
  return signature;
}

/** The estimated Jaccard similarity of two shingle sets: the share of equal signature values. */
export function signatureSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** Rows per LSH band: signatures that agree on any whole band are compared. */
export const BAND_ROWS = 2;

/** The band keys of a signature, for bucketing candidates (8 bands of 2 values). */
export function bandKeys(signature: ArrayLike<number>): string[] {
  const keys: string[] = [];
  for (let band = 0; band < SIGNATURE_SIZE / BAND_ROWS; band++) {
    let key = `${band}`;
    for (let row = 0; row < BAND_ROWS; row++) key += `:${signature[band * BAND_ROWS + row]}`;
    keys.push(key);
  }
  return keys;
}

function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
