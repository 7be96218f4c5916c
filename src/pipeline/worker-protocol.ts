// What the main thread and a batch worker say to each other. Both sides import this module; neither
// imports the other.

import type { FindingPlace } from '../rules/engine/to-result.js';
import { v8 } from '../shared/lazy-modules.js';
import type { FileResult } from '../shared/results.js';
import type { CheckedInput, CheckInput, CheckOptions } from './check-input.js';
import type { RuleTextTable } from './compact-result.js';
import { type PrintedLines, printedLines, unitOf } from './compare-batch.js';

/** What the main thread hands a worker when it starts it. */
export interface WorkerSetup {
  readonly rules: readonly string[] | undefined; // --rules entries, as given
  readonly config: string | null; // absolute path of the config file, or null for none
  readonly cwd: string;
  readonly options: CheckOptions;
  readonly keepText: boolean; // whether formatters need the document text
}

/** A task and its answer, matched by the input's index. */
export type WorkerTask = { readonly index: number; readonly input: CheckInput };
export type WorkerAnswer = { readonly index: number; readonly item: BatchItem };

/** A checked file's result, with the places of its compared paragraphs (null when not compared). */
export interface BatchRecord {
  readonly result: FileResult;
  readonly places: FindingPlace[] | null;
}

/**
 * A checked file as the batch receives it: what the comparison keeps in memory (path, unit, the
 * paragraphs' signatures and lines), and the record — serialised by a worker (its bytes move
 * between threads without a copy, and a compared batch stores them as they are), or as it is
 * when checked in this thread.
 */
export interface BatchItem {
  readonly path: string;
  readonly unit: string;
  readonly prints: PrintedLines | null; // null: failed, or not compared
  readonly bytes: Uint8Array | null;
  readonly record: BatchRecord | null;
}

/** Drops what need not outlive its file or cross a thread: the text, unless a formatter shows it. */
export function portableResult(result: FileResult, keepText: boolean): FileResult {
  return keepText ? result : { ...result, text: null };
}

/** A checked input as a batch item; serialised (without its rules' texts) when it is to cross a
 * thread. */
export function batchItem(checked: CheckedInput, keepText: boolean, texts: RuleTextTable | null): BatchItem {
  const result = portableResult(checked.result, keepText);
  const prints = result.error || !checked.prints ? null : checked.prints;
  const record: BatchRecord = { result, places: prints?.places ?? null };
  return {
    path: result.path,
    unit: unitOf(result),
    prints: prints ? printedLines(prints) : null,
    bytes: texts ? serialisedRecord(record, texts) : null,
    record: texts ? null : record,
  };
}

/** A record's bytes, its rules' texts left out. */
export function serialisedRecord(record: BatchRecord, texts: RuleTextTable): Uint8Array {
  return ownBuffer(v8().serialize({ ...record, result: texts.compact(record.result) }));
}

/** A record read back from its bytes, its rules' texts put back. */
export function recordFrom(bytes: Uint8Array, texts: RuleTextTable): BatchRecord {
  return restoredRecord(v8().deserialize(bytes) as BatchRecord, texts);
}

/** A deserialised record with its rules' texts put back. */
export function restoredRecord(record: BatchRecord, texts: RuleTextTable): BatchRecord {
  return { ...record, result: texts.restore(record.result) };
}

/** The buffers of an item that can be handed to another thread instead of copied. */
export function transferables(item: BatchItem): ArrayBuffer[] {
  const buffers = [item.bytes?.buffer, item.prints?.signatures.buffer];
  const lines = item.prints?.lines;
  if (lines instanceof Int32Array) buffers.push(lines.buffer);
  return buffers.filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
}

/** The bytes in an ArrayBuffer of their own (a Buffer may share a pool with others). */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : new Uint8Array(bytes);
}
