// The process-facing surface main() gets injected, so tests can run the CLI in-process.

/** Streams and environment of one CLI invocation. */
export interface CliIo {
  readonly argv: readonly string[]; // arguments after the program name
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): void; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(text: string): void; readonly isTTY?: boolean };
  readStdin(): Promise<Uint8Array>;
  readonly stop?: Promise<void>; // resolves when a long-running command (serve) should stop
}

/** The real process's streams. */
export function processIo(): CliIo {
  return {
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    async readStdin() {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
  };
}

/** Whether to colour output: --color/--no-color, then NO_COLOR, FORCE_COLOR, then the terminal. */
export function shouldColor(flag: boolean | undefined, io: CliIo): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}
