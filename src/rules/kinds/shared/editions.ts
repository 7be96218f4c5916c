// The editions of the 法治政府建设实施纲要 as packs list them: which report years each governs.

import { inYearSpan, YEAR_SPAN_SCHEMA, type YearSpan } from '../../../shared/year-span.js';

/** What every edition names: itself and the report years it governs. */
export interface Edition {
  readonly name: string;
  readonly reportYears: YearSpan;
}

/** Schema properties every edition has. */
export const EDITION_PROPERTIES = {
  name: { type: 'string', minLength: 1, description: '版本名称，如“2021—2025年纲要”' },
  reportYears: { ...YEAR_SPAN_SCHEMA, description: '以该版本为准的报告年度' },
} as const;

/** The edition that governs a report year. */
export function editionFor<E extends Edition>(editions: readonly E[], year: number): E | undefined {
  return editions.find((edition) => inYearSpan(edition.reportYears, year));
}
