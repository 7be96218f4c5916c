// The records of a compared batch wait in memory, then in an unlinked temporary file; either way
// they come back in the order they went in, whole.

import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { RecordSpill } from '../../src/pipeline/result-spill.js';

/** The spill's records read back, the serialised ones deserialised. */
function readBack<T>(spill: RecordSpill<T>): T[] {
  return [...spill.entries()].map((entry) =>
    entry instanceof Uint8Array ? (deserialize(entry) as T) : entry.live,
  );
}

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
    expect(readBack(spill)).toEqual(records);
    spill.close();
  });

  it.each([
    ['all live, then serialised in memory', 1e9, 5, 5],
    ['live until the first goes to disk', 200, 5, 3],
    ['none live', 1e9, 0, 0],
  ])(
    'keeps the first records as they are and gives all back in order (%s)',
    (_, inMemoryBytes, maxLive, kept) => {
      const spill = new RecordSpill<{ i: number; text: string }>(inMemoryBytes, maxLive);
      const records = Array.from({ length: 30 }, (_, i) => ({ i, text: '段落'.repeat(i * 7) }));
      let serialised = 0;
      for (const record of records) {
        if (record.i % 2 === 0)
          spill.addLive(record, () => {
            serialised++;
            return serialize(record);
          });
        else spill.add(serialize(record));
      }
      expect(serialised).toBe(15 - kept);
      const entries = [...spill.entries()];
      const live = entries.filter((entry) => !(entry instanceof Uint8Array));
      expect(live.map((entry) => (entry as { live: { i: number } }).live.i)).toEqual(
        records
          .filter((r) => r.i % 2 === 0)
          .slice(0, kept)
          .map((r) => r.i),
      );
      spill.close();
      const again = new RecordSpill<{ i: number; text: string }>(inMemoryBytes, maxLive);
      for (const record of records) again.addLive(record, () => serialize(record));
      expect(readBack(again)).toEqual(records);
      again.close();
    },
  );
});
