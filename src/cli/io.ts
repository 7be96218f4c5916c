// The process-facing surface main() gets injected, so tests can run the CLI in-process.

import { systemErrorText } from '../shared/system-errors.js';
import { ExitCode } from './exit-codes.js';

/** Streams and environment of one CLI invocation. */
export interface CliIo {
  readonly argv: readonly string[]; // arguments after the program name
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): void; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(text: string): void; readonly isTTY?: boolean };
  readStdin(maxBytes: number): Promise<Uint8Array>; // stops once it has read maxBytes
  readonly stop?: Promise<void>; // resolves when a long-running command (serve) should stop
}

/** The real process's streams, and whether writing stdout failed. */
export function processIo(): CliIo & { stdoutFailed(): boolean } {
  let failed = false;
  // The reader went away (`| head -1`, EPIPE) or the disk is full (ENOSPC): say so once, in one
  // line, stop writing, and end with exit 2 (also when the error arrives after main() returned).
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    process.exitCode = ExitCode.Fatal;
    const reason = systemErrorText((error as NodeJS.ErrnoException).code);
    try {
      process.stderr.write(`fzcheck: 无法写入标准输出（${reason}），输出不完整\n`);
    } catch {
      // stderr is gone too: nothing left to tell
    }
  };
  process.stdout.on('error', fail);
  process.stderr.on('error', () => {});
  const stdout = {
    write(text: string) {
      if (failed) return;
      try {
        process.stdout.write(text);
      } catch (error) {
        fail(error);
      }
    },
    get isTTY() {
      return process.stdout.isTTY;
    },
    get columns() {
      return process.stdout.columns;
    },
  };
  return {
    stdoutFailed: () => failed,
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout,
    stderr: process.stderr,
    async readStdin(maxBytes) {
      const chunks: Buffer[] = [];
      let length = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        length += (chunk as Buffer).length;
        if (length >= maxBytes) break; // leaving the loop destroys the stream: nothing more is read
      }
      return Buffer.concat(chunks).subarray(0, maxBytes);
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
