// A box-drawn table for the terminal. Cells arrive already wrapped to their column width (see
// wrap-text.ts), so drawing is only padding and borders; a row may instead span all columns
// (category headings in the gap table).

import { displayWidth, padStartToWidth, padToWidth } from './text-width.js';

/** A row: one list of lines per column, or one text across the whole table. */
export type TableRow = { readonly cells: ReadonlyArray<readonly string[]> } | { readonly span: string };

/** How each column's text sits in its cell. */
export type Alignment = 'left' | 'right';

/** The narrowest column widths that fit the header and every cell line. */
export function fitWidths(header: readonly string[], rows: readonly TableRow[]): number[] {
  const widths = header.map(displayWidth);
  for (const row of rows) {
    if ('span' in row) continue;
    row.cells.forEach((lines, column) => {
      for (const line of lines) widths[column] = Math.max(widths[column] ?? 0, displayWidth(line));
    });
  }
  return widths;
}

/** Draws a table whose columns have the given content widths (padding not included). */
export function drawTable(
  widths: readonly number[],
  header: readonly string[],
  rows: readonly TableRow[],
  align: readonly Alignment[] = [],
  compact = false, // no rule between consecutive rows of cells
): string {
  const inner = widths.reduce((sum, width) => sum + width + 2, 0) + widths.length - 1;
  const rule = (left: string, join: string, right: string) =>
    `${left}${widths.map((width) => '─'.repeat(width + 2)).join(join)}${right}`;
  const out = [
    rule('┌', '┬', '┐'),
    cellLines(
      widths,
      header.map((text) => [text]),
      [],
    ),
  ];
  let previousWasSpan = false;
  for (const [index, row] of rows.entries()) {
    if ('span' in row) {
      out.push(rule('├', previousWasSpan ? '─' : '┴', '┤'), `│ ${padToWidth(row.span, inner - 2)} │`);
      previousWasSpan = true;
    } else {
      if (!compact || previousWasSpan || index === 0) out.push(rule('├', previousWasSpan ? '┬' : '┼', '┤'));
      out.push(cellLines(widths, row.cells, align));
      previousWasSpan = false;
    }
  }
  out.push(rule('└', previousWasSpan ? '─' : '┴', '┘'));
  return out.join('\n');
}

function cellLines(
  widths: readonly number[],
  cells: ReadonlyArray<readonly string[]>,
  align: readonly Alignment[],
): string {
  const height = Math.max(1, ...cells.map((lines) => lines.length));
  const lines: string[] = [];
  for (let i = 0; i < height; i++) {
    const padded = widths.map((width, column) => {
      const text = cells[column]?.[i] ?? '';
      return align[column] === 'right' ? padStartToWidth(text, width) : padToWidth(text, width);
    });
    lines.push(`│ ${padded.join(' │ ')} │`);
  }
  return lines.join('\n');
}
