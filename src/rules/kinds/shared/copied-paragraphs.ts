// Which paragraphs of this year's report are near-verbatim copies of last year's: a paragraph of
// at least `minChars` Han characters most of whose 8-character shingles occur in last year's
// text. One pass over each text (a set of last year's shingle hashes), computed once per pair of
// documents and shared by the history kinds (copied text, repeated figures).

import type { Paragraph, ReportDocument } from '../../../parse/document.js';
import { containment, countHanChars, shingleHashes } from '../../../text/shingles.js';

/** A paragraph found in last year's report. */
export interface CopiedParagraph {
  readonly paragraph: Paragraph;
  readonly share: number; // 0–1: its shingles found in last year's text
  readonly previousLine: number; // the line of last year's paragraph it shares most with
  readonly han: number; // its Han characters
}

/** The copied paragraphs and how much of the report they make up. */
export interface CopyComparison {
  readonly copied: readonly CopiedParagraph[];
  readonly han: number; // Han characters of all body paragraphs
  readonly copiedHan: number;
}

/** How to compare. */
export interface CopyOptions {
  readonly minChars: number; // paragraphs shorter than this (in Han characters) are not compared
  readonly threshold: number; // share of shingles that makes a copy
}

const cache = new WeakMap<ReportDocument, { previous: ReportDocument; key: string; value: CopyComparison }>();

/** The paragraphs of `doc` copied from `previous` (cached for the pair and options). */
export function copiedParagraphs(
  doc: ReportDocument,
  previous: ReportDocument,
  options: CopyOptions,
): CopyComparison {
  const key = `${options.minChars}:${options.threshold}`;
  const cached = cache.get(doc);
  if (cached && cached.previous === previous && cached.key === key) return cached.value;
  const value = compare(doc, previous, options);
  cache.set(doc, { previous, key, value });
  return value;
}

function compare(doc: ReportDocument, previous: ReportDocument, options: CopyOptions): CopyComparison {
  // Last year's shingles, each with the first paragraph it occurs in.
  const owner = new Map<number, number>();
  for (const paragraph of previous.paragraphs)
    for (const hash of shingleHashes(paragraph.text)) if (!owner.has(hash)) owner.set(hash, paragraph.index);
  const copied: CopiedParagraph[] = [];
  let han = 0;
  let copiedHan = 0;
  for (const paragraph of doc.paragraphs) {
    const count = countHanChars(paragraph.text);
    han += count;
    if (count < options.minChars) continue;
    const hashes = shingleHashes(paragraph.text);
    const share = containment(hashes, owner);
    if (share < options.threshold) continue;
    copiedHan += count;
    copied.push({ paragraph, share, previousLine: mostShared(hashes, owner, previous), han: count });
  }
  return { copied, han, copiedHan };
}

/** The line of last year's paragraph that holds most of these shingles. */
function mostShared(
  hashes: Uint32Array,
  owner: ReadonlyMap<number, number>,
  previous: ReportDocument,
): number {
  const votes = new Map<number, number>();
  for (const hash of hashes) {
    const index = owner.get(hash);
    if (index !== undefined) votes.set(index, (votes.get(index) ?? 0) + 1);
  }
  let best = -1;
  let most = 0;
  for (const [index, count] of votes) {
    if (count > most) {
      best = index;
      most = count;
    }
  }
  return previous.paragraphs[best]?.line ?? 0;
}

/** The `minChars` option of the kinds that compare paragraphs (copied-text, shared-paragraphs). */
export const MIN_CHARS_OPTION = {
  type: 'integer',
  minimum: 10,
  maximum: 10000,
  description: '参与比较的最短段落（汉字数），默认 50',
} as const;
