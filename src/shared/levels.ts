// Finding levels: how serious a finding is. Always a string id in code and data; the Chinese words
// for them live with the formatters (format/labels.ts).

/** How serious a finding is; never a number. */
export type Level = 'error' | 'warning' | 'info';

/** Every level, most serious first (the order schemas and listings use). */
export const LEVELS: readonly Level[] = ['error', 'warning', 'info'];

const RANK: Readonly<Record<Level, number>> = { error: 3, warning: 2, info: 1 };

/** Compares two levels: positive when `a` is more serious than `b`. */
export function compareLevels(a: Level, b: Level): number {
  return RANK[a] - RANK[b];
}

/** Whether `level` is at least as serious as `threshold`. */
export function isAtLeast(level: Level, threshold: Level): boolean {
  return RANK[level] >= RANK[threshold];
}

/** The less serious of two levels (`requested` may only lower `level`, never raise it). */
export function lowerOf(level: Level, requested: Level | undefined): Level {
  return requested !== undefined && RANK[requested] < RANK[level] ? requested : level;
}

/** One step less serious: error → warning → info (info stays info). */
export function oneLevelDown(level: Level): Level {
  return level === 'error' ? 'warning' : 'info';
}
