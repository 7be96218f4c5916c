/** The user asked for something that cannot run (exit 2); `message` is one Chinese line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
