// A time limit for checks of user rules. A user's pattern can backtrack catastrophically
// (`^(\p{Han}+)+$` on a long line); JavaScript cannot interrupt a running RegExp, but V8 can stop
// a `vm` script that has run too long, and that includes host functions the script calls
// (about 0.12 ms per call). Built-in rules are trusted and run directly.

import { createContext, Script } from 'node:vm';

/** Time a user rule may take on one document, in milliseconds. */
export const CHECK_TIME_LIMIT_MS = 500;

/** Thrown when a guarded call ran out of time. */
export class CheckTimeoutError extends Error {
  constructor(readonly limitMs: number) {
    super(`检查超过 ${limitMs} 毫秒`);
  }
}

const context = createContext({ call: (): unknown => undefined });
const script = new Script('call()');

/** Runs `fn` and returns its result, or throws CheckTimeoutError when it runs out of time. */
export function runGuarded<T>(fn: () => T, limitMs = CHECK_TIME_LIMIT_MS): T {
  context.call = fn;
  try {
    return script.runInContext(context, { timeout: limitMs }) as T;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new CheckTimeoutError(limitMs);
    throw error;
  } finally {
    context.call = () => undefined;
  }
}
