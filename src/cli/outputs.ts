// Where each --format goes: "name" to stdout (at most one), "name=path" to a file. The only
// module that writes output files. A file is written whole or not at all (a temporary file next
// to it, then renamed over it), and never over one of the run's own inputs.

import {
  chmodSync,
  closeSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { FormatterOutput } from '../format/formatter.js';
import { FORMATTERS } from '../format/index.js';
import { systemErrorText } from '../shared/system-errors.js';
import { UsageError } from './usage-error.js';

/** One requested output: a format and its destination (null = stdout). */
export interface OutputSpec {
  readonly format: string;
  readonly path: string | null;
}

/** Parses --format values; throws UsageError for unknown names, two stdout outputs or one path twice. */
export function parseOutputSpecs(values: readonly string[] | undefined): OutputSpec[] {
  const specs = (values && values.length > 0 ? values : ['table']).map((value): OutputSpec => {
    const at = value.indexOf('=');
    const format = (at < 0 ? value : value.slice(0, at)).trim();
    const path = at < 0 ? null : value.slice(at + 1).trim();
    if (!FORMATTERS.has(format)) {
      throw new UsageError(`未知的输出格式“${format}”，可用：${[...FORMATTERS.keys()].join('、')}`);
    }
    if (path === '') throw new UsageError(`--format ${format}= 后缺少文件路径`);
    if (path === null && FORMATTERS.get(format)?.binary) {
      throw new UsageError(`${format} 是二进制文件，只能写入文件：--format ${format}=文件路径`);
    }
    return { format, path };
  });
  if (specs.filter((spec) => spec.path === null).length > 1) {
    throw new UsageError('只能有一种格式输出到标准输出；其余请写成 格式=文件路径，如 --format json=out.json');
  }
  const paths = specs.flatMap((spec) => (spec.path === null ? [] : [spec.path]));
  const repeated = paths.find((path, i) => paths.indexOf(path) !== i);
  if (repeated !== undefined) throw new UsageError(`输出文件“${repeated}”被指定了不止一次`);
  return specs;
}

/** Writes one output file atomically (creating its folder); throws UsageError with a Chinese line on failure. */
export function writeOutputFile(cwd: string, path: string, text: FormatterOutput): void {
  const file = new OutputFile(cwd, path);
  try {
    for (const piece of pieces(text)) file.write(piece);
  } catch (error) {
    file.abort();
    throw error;
  }
  file.commit();
}

/**
 * An output file written piece by piece as a run goes, made whole only at `commit` (a temporary
 * file beside it, then renamed over it); `abort` leaves what was there before. A device or pipe
 * (/dev/null, /dev/stdout) is written as it is: it cannot be replaced.
 */
export class OutputFile {
  private fd: number | null = null;
  private temporary: string | null = null;
  private readonly target: string;
  private readonly existing: Stats | null;

  constructor(
    cwd: string,
    private readonly path: string,
  ) {
    this.target = resolve(cwd, path);
    this.existing = statOrNull(this.target);
    if (this.existing?.isDirectory()) throw new UsageError(`输出路径“${path}”是一个目录，请给出文件名`);
    this.guard(() => {
      if (this.existing && !this.existing.isFile()) {
        this.fd = openSync(this.target, 'w');
        return;
      }
      makeFolder(dirname(this.target), path);
      const temporary = join(dirname(this.target), `.${basename(this.target)}.${process.pid}.fzcheck-tmp`);
      try {
        this.fd = openSync(temporary, 'wx');
        this.temporary = temporary;
      } catch (error) {
        // A folder we may not write in, holding a file we may: that file is written in place.
        const code = (error as NodeJS.ErrnoException).code;
        if (!(this.existing && (code === 'EACCES' || code === 'EPERM'))) throw error;
        this.fd = openSync(this.target, 'w');
      }
    });
  }

  /** Appends a piece. */
  write(piece: string | Uint8Array): void {
    this.guard(() => {
      if (typeof piece === 'string') writeSync(this.fd as number, piece);
      else writeSync(this.fd as number, piece);
    });
  }

  /** Closes the file and puts it in place. */
  commit(): void {
    this.guard(() => {
      this.close();
      if (this.temporary === null) return;
      try {
        if (this.existing) chmodSync(this.temporary, this.existing.mode & 0o7777);
        renameSync(this.temporary, this.target);
      } finally {
        rmSync(this.temporary, { force: true });
        this.temporary = null;
      }
    });
  }

  /** Closes the file and removes the temporary one. */
  abort(): void {
    try {
      this.close();
    } catch {}
    if (this.temporary !== null) rmSync(this.temporary, { force: true });
    this.temporary = null;
  }

  private close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private guard(action: () => void): void {
    try {
      action();
    } catch (error) {
      if (error instanceof UsageError) throw error;
      this.abort();
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`无法写入输出文件“${this.path}”（${systemErrorText(code)}）`);
    }
  }
}

/**
 * Creates the missing folders of an output path one level at a time (a recursive mkdir can spin
 * for ever on paths such as /proc/self/x/y).
 */
function makeFolder(folder: string, path: string): void {
  const missing: string[] = [];
  let at = folder;
  for (;;) {
    const info = statOrNull(at);
    if (info) {
      if (!info.isDirectory()) throw new UsageError(`无法写入输出文件“${path}”（路径中的“${at}”不是目录）`);
      break;
    }
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const dir of missing.reverse()) mkdirSync(dir);
}

/** Refuses output files that are inputs of the run (reports, rule packs, the config file). */
export function refuseOutputsOverInputs(
  cwd: string,
  specs: readonly OutputSpec[],
  inputs: readonly (string | Uint8Array)[],
): void {
  const targets = specs.flatMap((spec) => {
    const info = spec.path === null ? null : statOrNull(resolve(cwd, spec.path));
    return info?.isFile() ? [{ path: spec.path as string, key: `${info.dev}:${info.ino}` }] : [];
  });
  if (targets.length === 0) return;
  const keys = new Set(targets.map((target) => target.key));
  for (const input of inputs) {
    const info = statOrNull(typeof input === 'string' ? resolve(cwd, input) : Buffer.from(input));
    const hit =
      info && targets.find((target) => target.key === `${info.dev}:${info.ino}` && keys.has(target.key));
    if (hit)
      throw new UsageError(`输出文件“${hit.path}”是本次要读取的输入文件，不能覆盖它；请换一个输出路径`);
  }
}

/** An output as the pieces to write: text, bytes, or the pieces of a large text. */
export function pieces(output: FormatterOutput): Iterable<string | Uint8Array> {
  return typeof output === 'string' || output instanceof Uint8Array ? [output] : output;
}

function statOrNull(path: string | Buffer): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
