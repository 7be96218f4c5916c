// The records of a compared batch wait in memory, then in an unlinked temporary file; either way
// they come back in the order they went in, whole.

import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { RecordSpill } from '../../src/pipeline/result-spill.js';

describe('RecordSpill', () => {
  it.each([
    ['all in memory', 1e9],
    ['in memory, then on disk', 200],
    ['all on disk', 0],
  ])('gives the records back in order (%s)', (_, inMemoryBytes) => {
    const spill = new RecordSpill<{ i: number; text: string; bytes: Uint8Array }>(inMemoryBytes);
    const records = Array.from({ length: 50 }, (_, i) => ({
      i,
      text: '段落'.repeat(i * 7),
      bytes: Uint8Array.from({ length: i }, (_, j) => j),
    }));
    for (const record of records) spill.add(serialize(record));
    expect([...spill.records()]).toEqual(records);
    spill.close();
  });
});
