/** Exit codes: documented once, returned up to bin/, never process.exit'ed deep inside. */
export const ExitCode = {
  /** Ran and met the thresholds. */
  Ok: 0,
  /** Ran, and a threshold was missed (a finding at or above --fail-on, or a score below --min-score). */
  ThresholdMissed: 1,
  /** Could not run as asked: bad flags, bad rule or config file, unreadable input, nothing matched. */
  Fatal: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
