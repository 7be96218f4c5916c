// Where each --format goes: "name" to stdout (at most one), "name=path" to a file. The only
// module that writes output files.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FORMATTERS } from '../format/index.js';
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

/** Writes one output file (creating its folder); throws UsageError with a Chinese line on failure. */
export function writeOutputFile(cwd: string, path: string, text: string | Uint8Array): void {
  const target = resolve(cwd, path);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`无法写入输出文件“${path}”${code ? `（${code}）` : ''}`);
  }
}
