// Options of the `consistency` kind (see ../consistency.ts) and helpers its checks share.

import type { ReportDocument } from '../../../parse/document.js';
import { inYearSpan, type YearSpan } from '../../../shared/year-span.js';
import { originalRange } from '../../../text/fold-text.js';
import type { TextRange } from '../../../text/text-range.js';

/** One edition of the 纲要. */
export interface OutlineEdition {
  readonly name: string;
  readonly span?: readonly [number, number];
  readonly reportYears: YearSpan;
  readonly citable?: YearSpan;
  readonly goal?: readonly string[];
}

/** Where the counts of a rate are stated. */
export interface FigureSource {
  readonly keywords: readonly string[];
  readonly units: readonly string[];
}

/** A rate and the counts it is computed from. */
export interface RatePair {
  readonly name: string;
  readonly rate: string;
  readonly numerator: FigureSource;
  readonly denominator: FigureSource;
  readonly window?: number;
}

/** Every option of the kind; each check reads its own. */
export interface ConsistencyOptions {
  readonly check: 'report-year' | 'goal-phrase' | 'outline-title-years' | 'rates';
  readonly editions?: readonly OutlineEdition[];
  readonly outlineTitle?: string;
  readonly planSection?: string;
  readonly headingLevels?: readonly number[];
  readonly allow?: readonly string[];
  readonly rateName?: string;
  readonly unbounded?: readonly string[];
  readonly pairs?: readonly RatePair[];
  readonly tolerance?: number;
}

/** The edition that governs a report year. */
export function editionFor(editions: readonly OutlineEdition[], year: number): OutlineEdition | undefined {
  return editions.find((edition) => inYearSpan(edition.reportYears, year));
}

/** The original-text range of a folded range. */
export function toOriginal(doc: ReportDocument, start: number, end: number): TextRange {
  return originalRange(doc.folded, start, end);
}
