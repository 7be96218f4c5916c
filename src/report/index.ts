// Output formats by name. Each is a pure function from a run to text.

import { formatJson } from './json.js';
import type { Formatter } from './run-result.js';
import { formatTable } from './table.js';

/** Formatters by --format name, with a one-line description. */
export const FORMATTERS: ReadonlyMap<string, { readonly format: Formatter; readonly description: string }> =
  new Map([
    ['table', { format: formatTable, description: '带评分的缺项表（默认）' }],
    ['json', { format: (run) => formatJson(run), description: '稳定的 JSON 结构（version 1）' }],
  ]);
