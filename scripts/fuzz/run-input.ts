// Runs the real bin/fzcheck.js on one input as a child process: wall-clock limit, peak memory
// (GNU time's maximum RSS, with /proc polling as a guard that stops a run before it takes the
// machine down), stdout wired as the case asks.

import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FuzzCase, JsonReport, RunOutcome } from './fuzz-case.js';

/** Limits of one run. */
export interface RunLimits {
  readonly timeMs: number; // the target; the run is stopped at 1.5× this
  readonly killKb: number; // resident memory at which the run is stopped
}

const FZCHECK = new URL('../../bin/fzcheck.js', import.meta.url).pathname;
const GNU_TIME = '/usr/bin/time';
const KEEP_OUTPUT = 4 * 1024 * 1024;
const POLL_MS = 20;
const NOBODY = 65534;
const running = new Set<number>(); // process groups of the runs in progress

/** Stops every run in progress (when the campaign itself is interrupted). */
export function stopRuns(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Runs fzcheck for a case in `dir`; `reportPath` is where the added JSON report goes, if any. */
export async function runInput(
  fuzzCase: FuzzCase,
  dir: string,
  args: readonly string[],
  reportPath: string | null,
  limits: RunLimits,
): Promise<RunOutcome> {
  const timeFile = join(dir, '.fuzz', 'time.txt');
  const useTime = existsSync(GNU_TIME);
  const command = useTime ? GNU_TIME : process.execPath;
  const commandArgs = useTime
    ? ['-f', '%M', '-o', timeFile, process.execPath, FZCHECK, ...args]
    : [FZCHECK, ...args];
  const stdoutMode = fuzzCase.stdout ?? 'collect';
  const opened: number[] = [];
  const stdin =
    fuzzCase.stdin === 'dev-zero' ? open('/dev/zero', 'r', opened) : fuzzCase.stdin ? 'pipe' : 'ignore';
  const stdout = stdoutMode === 'dev-full' ? open('/dev/full', 'w', opened) : 'pipe';
  const started = performance.now();
  const child = spawn(command, commandArgs, {
    cwd: dir,
    detached: true, // its own process group, so a stop reaches node behind GNU time
    stdio: [stdin, stdout, 'pipe'],
    env: { ...process.env, FZCHECK_DEBUG: '', CI: '1', NO_COLOR: '1', FORCE_COLOR: '' },
    ...(fuzzCase.asNobody && process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  for (const fd of opened) closeSync(fd);
  if (child.pid) running.add(child.pid);

  let killedBy: RunOutcome['killedBy'] = null;
  const stop = (why: NonNullable<RunOutcome['killedBy']>) => {
    if (killedBy) return;
    killedBy = why;
    try {
      process.kill(-(child.pid as number), 'SIGKILL');
    } catch {
      // already gone
    }
  };

  feedStdin(child, fuzzCase);
  const out = collect(child.stdout, stdoutMode);
  const err = collect(child.stderr, 'collect');
  let polledKb = 0;
  const watched = fuzzCase.killWhenChanged ? join(dir, fuzzCase.killWhenChanged) : null;
  const before = watched ? fingerprint(watched) : '';
  const watch = watched
    ? setInterval(() => {
        if (fingerprint(watched) !== before) stop('case');
      }, 1)
    : null;
  const poll = setInterval(() => {
    polledKb = Math.max(polledKb, residentKb(child.pid as number, useTime));
    if (polledKb > limits.killKb) stop('memory');
    if (performance.now() - started > limits.timeMs * 1.5) stop('time');
  }, POLL_MS);

  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (code, sig) => resolve([code, sig])),
  );
  const wallMs = performance.now() - started;
  if (child.pid) running.delete(child.pid);
  clearInterval(poll);
  if (watch) clearInterval(watch);
  const timed = useTime ? readTimeFile(timeFile) : { kb: 0, signal: null };
  return {
    exitCode: timed.signal ? null : exitCode,
    signal: timed.signal ?? signal,
    killedBy,
    wallMs,
    peakKb: Math.max(timed.kb, polledKb),
    stdout: await out,
    stderr: await err,
    report: reportPath ? readReport(reportPath) : null,
  };
}

function open(path: string, flags: string, opened: number[]): number {
  const fd = openSync(path, flags);
  opened.push(fd);
  return fd;
}

function feedStdin(child: ChildProcess, fuzzCase: FuzzCase): void {
  const input = fuzzCase.stdin;
  const stream = child.stdin;
  if (!stream || input === undefined || input === 'dev-zero') return;
  stream.on('error', () => {}); // the child may stop reading early: that is the point
  if (Buffer.isBuffer(input)) {
    stream.end(input);
    return;
  }
  const chunk = Buffer.from(input.endless.repeat(Math.ceil(65536 / input.endless.length)));
  const pump = () => {
    while (!stream.destroyed && stream.writable) {
      if (!stream.write(chunk)) {
        stream.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

function collect(stream: NodeJS.ReadableStream | null, mode: string): Promise<string> {
  if (!stream) return Promise.resolve('');
  const readable = stream as NodeJS.ReadableStream & { destroy(): void };
  if (mode === 'closed') {
    readable.destroy();
    return Promise.resolve('');
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let tail: Buffer = Buffer.alloc(0);
    readable.on('data', (chunk: Buffer) => {
      if (kept < KEEP_OUTPUT) {
        chunks.push(chunk);
        kept += chunk.length;
      } else {
        tail = Buffer.concat([tail, chunk]).subarray(-65536);
      }
      if (mode === 'first-chunk') {
        readable.destroy();
        resolve(Buffer.concat(chunks).toString('utf8'));
      }
    });
    const done = () => resolve(Buffer.concat([...chunks, tail]).toString('utf8'));
    readable.on('end', done);
    readable.on('close', done);
    readable.on('error', done);
  });
}

function residentKb(pid: number, behindTime: boolean): number {
  try {
    const target = behindTime
      ? Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)[0])
      : pid;
    if (!target) return 0;
    const status = readFileSync(`/proc/${target}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function readTimeFile(path: string): { kb: number; signal: string | null } {
  try {
    const text = readFileSync(path, 'utf8');
    const lines = text.trim().split('\n');
    const signal = /terminated by signal (\d+)/.exec(text)?.[1];
    return { kb: Number(lines.at(-1)) || 0, signal: signal ? `signal ${signal}` : null };
  } catch {
    return { kb: 0, signal: null };
  }
}

function fingerprint(path: string): string {
  try {
    const info = statSync(path);
    return `${info.ino}:${info.size}:${info.mtimeMs}`;
  } catch {
    return 'absent';
  }
}

function readReport(path: string): JsonReport | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as JsonReport;
  } catch {
    return null;
  }
}
