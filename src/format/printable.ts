// Text for a terminal: control characters from file names and report text (ESC sequences, bells,
// carriage returns, C1 controls) are shown as escapes, so that a name cannot recolour, retitle or
// overwrite what the user reads. Formats with their own escaping (JSON, XML, HTML, CSV) do not
// need this.

import type { RunResult } from '../shared/results.js';

/** The text with control characters written as \xHH (tab kept; newlines kept unless `inLine`). */
export function printable(text: string, inLine = false): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const control =
      (code < 0x20 && code !== 0x09 && (inLine || code !== 0x0a)) || (code >= 0x7f && code <= 0x9f);
    if (!control) continue;
    out += `${text.slice(from, i)}\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** A copy of the run whose strings are printable; file paths are kept on one line. */
export function printableRun(run: RunResult): RunResult {
  return clean(run, '') as RunResult;
}

/** A copy of a value (a file's result, a run's head) whose strings are printable. */
export function printableValue<T>(value: T): T {
  return clean(value, '') as T;
}

// Copies only what changes: nearly every string is printable already, and a batch of many small
// files spent a tenth of its time copying results that came out equal.
function clean(value: unknown, key: string): unknown {
  if (typeof value === 'string') return printable(value, key === 'path');
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item = clean(value[i], key);
      if (item === value[i]) continue;
      copy ??= value.slice();
      copy[i] = item;
    }
    return copy ?? value;
  }
  let copy: Record<string, unknown> | null = null;
  for (const name in value) {
    const item = (value as Record<string, unknown>)[name];
    const cleaned = clean(item, name);
    if (cleaned === item) continue;
    copy ??= { ...value };
    copy[name] = cleaned;
  }
  return copy ?? value;
}
