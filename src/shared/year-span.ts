// A span of report years, open at either end: which years a rule, a 纲要 edition or a deadline
// row applies to.

/** A span of report years; either end may be open. */
export interface YearSpan {
  readonly from?: number | undefined;
  readonly to?: number | undefined;
}

/** Whether a year lies in a span (both ends included). */
export function inYearSpan(span: YearSpan, year: number): boolean {
  return (span.from === undefined || year >= span.from) && (span.to === undefined || year <= span.to);
}

/** The JSON Schema of a year span in packs. */
export const YEAR_SPAN_SCHEMA = {
  type: 'object',
  properties: { from: { type: 'integer', minimum: 2000 }, to: { type: 'integer', minimum: 2000 } },
  additionalProperties: false,
} as const;
