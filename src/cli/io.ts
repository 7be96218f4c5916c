// The process-facing surface main() gets injected, so tests can run the CLI in-process.

import { fstatSync, writeSync } from 'node:fs';
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
      stderr.write(`fzcheck: 无法写入标准输出（${reason}），输出不完整\n`);
    } catch {
      // stderr is gone too: nothing left to tell
    }
  };
  const stdout = outputStream(1, () => {
    process.stdout.on('error', fail);
    return process.stdout;
  });
  const stderr = outputStream(2, () => {
    process.stderr.on('error', () => {});
    return process.stderr;
  });
  return {
    stdoutFailed: () => failed,
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: {
      write(text: string) {
        if (failed) return;
        try {
          stdout.write(text);
        } catch (error) {
          fail(error);
        }
      },
      get isTTY() {
        return stdout.isTTY;
      },
      get columns() {
        return stdout.columns;
      },
    },
    stderr,
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

/**
 * One of the process's output streams. A pipe, a socket (what a spawning Node or libuv gives its
 * child) or a file is written with writeSync on its fd: the first use of process.stdout on a pipe
 * loads net and the streams (~4 ms of every start). A terminal or anything unknown goes through
 * Node's stream (`open`, made on first use), as does the rest of the output once the fd would
 * block (a non-blocking pipe that is full).
 */
function outputStream(fd: number, open: () => NodeJS.WriteStream) {
  let stream: NodeJS.WriteStream | null = null;
  const node = () => {
    stream ??= open();
    return stream;
  };
  let direct = isPipeSocketOrFile(fd);
  return {
    write(text: string) {
      if (!direct) {
        node().write(text);
        return;
      }
      const bytes = Buffer.from(text);
      let written = 0;
      try {
        while (written < bytes.length) written += writeSync(fd, bytes, written);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        direct = false; // a non-blocking pipe that is full: Node's stream waits for it
        node().write(bytes.subarray(written));
      }
    },
    get isTTY() {
      return direct ? false : node().isTTY;
    },
    get columns() {
      return direct ? undefined : node().columns;
    },
  };
}

/** Whether `fd` is a pipe, a socket or a regular file (so not a terminal). */
function isPipeSocketOrFile(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isFIFO() || stat.isSocket() || stat.isFile();
  } catch {
    return false;
  }
}

/** Whether to colour output: --color/--no-color, then NO_COLOR, FORCE_COLOR, then the terminal. */
export function shouldColor(flag: boolean | undefined, io: CliIo): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}
