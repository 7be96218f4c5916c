// What one document may cost: caps that readers, the parser and the rule engine check as they go
// (decompressed bytes, pages, nesting, lines, findings), and a time budget that all of them draw
// from. A document over any of them gets one error that starts with 资源超限 and the batch goes on.
//
// JavaScript cannot interrupt a running function (a backtracking RegExp, a quadratic loop), but V8
// can stop a `vm` script that has run too long, including the host functions it calls; so the
// synchronous steps of a check run inside one such script with the time that is left.

import { createContext, Script } from 'node:vm';

/** The caps on one document. The numbers are far above any real report (see docs/inputs.md). */
export const DOCUMENT_LIMITS = {
  /** Time for reading, parsing and every rule, built-in and user alike, to which a long text adds… */
  timeMs: 6_000,
  /** …this much per million characters read, up to `maxTimeMs` in all (a 15 MB report of 5.6
   * million characters takes about 5 s of CPU and gets the 9 s): one input never costs 10 s. */
  timeMsPerMillionChars: 1_000,
  maxTimeMs: 9_000,
  /** Characters of text once read, and lines (a 15 MB report of the usual shape fits both). */
  chars: 8_000_000,
  lines: 200_000,
  /** Paragraphs of a Word or OFD document's XML (counted before it is parsed: the XML is capped too). */
  wordParagraphs: 50_000,
  /** Bytes the XML parts a reader parses may unpack to (Word: document, styles, notes; OFD: pages). */
  parsedXmlBytes: 6 * 1024 * 1024,
  /** Element nesting that a Word, OFD or web page reader accepts (deeper web markup is flattened). */
  nestingDepth: 200,
  /** Pages of a PDF or OFD. */
  pages: 2_000,
  /** Bytes the content streams of a PDF may inflate to (its fonts may take four times as much). */
  pdfStreamBytes: 16 * 1024 * 1024,
} as const;

/** A document that went over a limit; `message` is one Chinese line starting with 资源超限. */
export class OverBudgetError extends Error {
  readonly code = 'over-budget';

  constructor(what: string) {
    super(`资源超限：${what}`);
    this.name = 'OverBudgetError';
  }
}

// The context and script that run a step with a watchdog, made on first use: most checks (small
// inputs) never arm one, and a context costs ~1.2 ms of a cold start.
interface Watchdog {
  readonly context: { call: () => unknown };
  readonly script: Script;
}
let watchdog: Watchdog | null = null;

function watchdogScript(): Watchdog {
  if (!watchdog) {
    const context = { call: (): unknown => undefined };
    createContext(context);
    watchdog = { context, script: new Script('call()') };
  }
  return watchdog;
}

/** Milliseconds on a monotonic clock. process.hrtime, not performance.now: the first use of
 * `performance` loads perf_hooks and its eight modules (~2 ms of a cold start). */
export function nowMs(): number {
  const [seconds, nanoseconds] = process.hrtime();
  return seconds * 1000 + nanoseconds / 1e6;
}

/** The time budget of one document, started when it is created. */
export class Budget {
  /** What is running now, named in the error when the time runs out (e.g. 规则“x/y”). */
  step = '';
  private deadline: number;
  private allowed = false;

  constructor(public limitMs: number = DOCUMENT_LIMITS.timeMs) {
    this.deadline = nowMs() + limitMs;
  }

  /**
   * Adds the allowance for a text of `chars` characters, once, when the text has been read: the
   * rules are linear in the text, so a long report needs proportionally more time, within
   * DOCUMENT_LIMITS.maxTimeMs in all.
   */
  allowFor(chars: number): void {
    if (this.allowed) return;
    this.allowed = true;
    const extra = Math.max(
      0,
      Math.min(
        Math.ceil((Math.min(chars, DOCUMENT_LIMITS.chars) / 1e6) * DOCUMENT_LIMITS.timeMsPerMillionChars),
        DOCUMENT_LIMITS.maxTimeMs - this.limitMs,
      ),
    );
    this.deadline += extra;
    this.limitMs += extra;
  }

  /** Milliseconds left (0 when spent). */
  remainingMs(): number {
    return Math.max(0, this.deadline - nowMs());
  }

  /** Throws OverBudgetError when the time is spent; readers call it between steps. */
  checkTime(): void {
    if (this.remainingMs() <= 0) throw this.timeout();
  }

  /**
   * Runs a synchronous step; V8 stops it (OverBudgetError) when the time left runs out. Arming that
   * watchdog costs about 0.2 ms (a thread per call), more than checking a small report; callers
   * pass `preempt: false` for steps whose input is small (see isSmall), which only check the time
   * before they start: linear in a small input, they cannot use it up. A step may also be given a
   * slice shorter than the time left.
   */
  run<T>(fn: () => T, preempt = true, sliceMs = Number.POSITIVE_INFINITY): T {
    const remaining = Math.floor(this.remainingMs());
    if (remaining <= 0) throw this.timeout();
    if (!preempt) return fn();
    const { context, script } = watchdogScript();
    const previous = context.call;
    context.call = fn;
    try {
      return script.runInContext(context, { timeout: Math.min(remaining, sliceMs) }) as T;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw this.timeout();
      throw error;
    } finally {
      context.call = previous;
    }
  }

  private timeout(): OverBudgetError {
    const seconds = this.limitMs / 1000;
    return new OverBudgetError(
      `检查用时超过 ${seconds} 秒${this.step ? `（超时时正在运行${this.step}）` : ''}，已中止`,
    );
  }
}

/** Inputs up to this many characters (or bytes) are small: their steps run without a watchdog. */
export const SMALL_INPUT = 20_000;

/** Whether a text or byte length is small enough to run without a watchdog. */
export function isSmall(length: number): boolean {
  return length <= SMALL_INPUT;
}

/** Bytes as megabytes for a message: "6 MB", "0.5 MB". */
export function megabytes(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toPrecision(3))} MB`;
}

/** Throws OverBudgetError when `count` is over `limit`; `what` names the count (e.g. 文档行数). */
export function checkCount(what: string, count: number, limit: number, unit = ''): void {
  if (count > limit) throw new OverBudgetError(`${what} ${count}${unit}，超过上限 ${limit}${unit}`);
}
