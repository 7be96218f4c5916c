// Node's built-in modules that only some runs need, loaded when first used: at start-up,
// child_process (which brings net and the streams), zlib, worker_threads and v8 cost about 10 ms
// of CPU together, for a plain-text check of one file that uses none of them.

import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/** node:child_process (opening a browser). */
export const childProcess = () => load('node:child_process') as typeof import('node:child_process');
/** node:zlib (zip entries, PDF streams). */
export const zlib = () => load('node:zlib') as typeof import('node:zlib');
/** node:worker_threads (the OCR engine's thread count). */
export const workerThreads = () => load('node:worker_threads') as typeof import('node:worker_threads');
/** node:v8 (a batch's serialised results; it loads the streams for heap snapshots). */
export const v8 = () => load('node:v8') as typeof import('node:v8');
/** node:crypto (baselines). */
export const crypto = () => load('node:crypto') as typeof import('node:crypto');
