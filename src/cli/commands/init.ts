// fzcheck init: writes a commented starter config in the working directory; never overwrites.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAMES, STARTER_CONFIG } from '../../config/load-config.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';

/** Writes fzcheck.config.yaml unless a config already exists there. */
export function initConfig(io: CliIo): number {
  const existing = CONFIG_FILE_NAMES.map((name) => join(io.cwd, name)).find((path) => existsSync(path));
  if (existing) throw new UsageError(`已有配置文件 ${existing}，未覆盖`);
  const path = join(io.cwd, CONFIG_FILE_NAMES[0] as string);
  writeFileSync(path, STARTER_CONFIG);
  io.stdout.write(`已生成 ${path}\n`);
  return ExitCode.Ok;
}
