/** One problem in a rule pack or config file, with where it is and how to fix it. */
export interface ConfigProblem {
  readonly file: string;
  readonly line: number; // 1-based; 0 when the problem is about the whole file
  readonly column: number; // 1-based
  readonly message: string;
  readonly hint?: string;
}

/** Rule packs or config that cannot be used; carries every problem found. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigError';
  }
}

/** "file:line:column: message（hint）" */
export function formatProblem(problem: ConfigProblem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  return `${where}: ${problem.message}${problem.hint ? `（${problem.hint}）` : ''}`;
}
