// Where a compared batch keeps its checked files until the comparison is done: each file's record
// serialised (v8), in memory up to IN_MEMORY_BYTES, then in a temporary file that is unlinked as
// soon as it is open (nothing is left behind if the run is killed). Read back once, in order. The
// first MAX_LIVE_RECORDS records checked in this thread are kept as they are: serialising and
// reading them back cost 7 % of a 300-file batch’s CPU; kept whole they take ~15 MB at most.

import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Bytes kept in memory before the records go to a temporary file. */
export const IN_MEMORY_BYTES = 8 * 1024 * 1024;
/** Records kept unserialised (about 55 KB of heap each: heapUsed after GC, 200 real-shaped reports). */
export const MAX_LIVE_RECORDS = 256;

/** A record kept as it was added. */
export interface LiveRecord<T> {
  readonly live: T;
}

/** Records, serialised (or a few kept as they are), added and read back in order; the reader
 * deserialises them. */
export class RecordSpill<T> {
  private readonly held: (Uint8Array | LiveRecord<T>)[] = [];
  private heldBytes = 0;
  private live = 0;
  private readonly lengths: number[] = [];
  private fd: number | null = null;

  constructor(
    private readonly inMemoryBytes = IN_MEMORY_BYTES,
    private readonly maxLive = MAX_LIVE_RECORDS,
  ) {}

  /** Adds the next record as it is while there is room for it, else serialised by `serialise`. */
  addLive(record: T, serialise: () => Uint8Array): void {
    if (this.fd !== null || this.live >= this.maxLive) {
      this.add(serialise());
      return;
    }
    this.live++;
    this.lengths.push(0);
    this.held.push({ live: record });
  }

  /** Adds the next record, as v8.serialize made it. */
  add(bytes: Uint8Array): void {
    this.lengths.push(bytes.byteLength);
    if (this.fd === null && this.heldBytes + bytes.byteLength <= this.inMemoryBytes) {
      this.held.push(bytes);
      this.heldBytes += bytes.byteLength;
      return;
    }
    this.fd ??= openUnlinked();
    this.write(bytes);
  }

  private write(bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.byteLength) done += writeSync(this.fd as number, bytes, done);
  }

  /** The records in the order they were added, as they were added; each is dropped as it is read. */
  *entries(): Generator<Uint8Array | LiveRecord<T>> {
    let position = 0;
    for (const [i, length] of this.lengths.entries()) {
      if (i < this.held.length) {
        const entry = this.held[i] as Uint8Array | LiveRecord<T>;
        this.held[i] = EMPTY;
        yield entry;
        continue;
      }
      const bytes = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const read = readSync(this.fd as number, bytes, done, length - done, position + done);
        if (read === 0) throw new Error('临时文件被截断');
        done += read;
      }
      position += length;
      yield bytes;
    }
  }

  /** Closes the temporary file. */
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.held.length = 0;
  }
}

const EMPTY = new Uint8Array(0);

function openUnlinked(): number {
  const folder = mkdtempSync(join(tmpdir(), 'fzcheck-'));
  const path = join(folder, 'results.bin');
  const fd = openSync(path, 'w+', 0o600);
  try {
    unlinkSync(path);
    rmSync(folder, { recursive: true, force: true });
  } catch {
    // A system that cannot unlink an open file: it goes when the folder is cleaned.
  }
  return fd;
}
