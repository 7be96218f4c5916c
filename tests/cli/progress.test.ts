// The batch progress bar goes to stderr, only on a terminal and only outside CI.

import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const REPORTS = new URL('../../fixtures/batch/', import.meta.url).pathname;

async function run(env: Record<string, string>, extra: string[] = []) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    argv: ['check', 'good-county-2022.txt', 'partial-town-2023.txt', '--jobs', '1', '-f', 'json', ...extra],
    cwd: REPORTS,
    env,
    stdout: {
      write(text) {
        stdout += text;
      },
      isTTY: false,
    },
    stderr: {
      write(text) {
        stderr += text;
      },
      isTTY: true,
    },
    readStdin: async () => new Uint8Array(),
  };
  const code = await main(io);
  return { code, stdout, stderr };
}

describe('progress bar', () => {
  it('is drawn on a terminal stderr and cleared at the end; stdout stays clean', async () => {
    const { code, stdout, stderr } = await run({});
    expect(code).toBe(1);
    expect(stderr).toContain('\r检查中 [');
    expect(stderr).toContain('] 2/2');
    expect(stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(JSON.parse(stdout).files).toHaveLength(2);
  });

  it('is not drawn when CI is set or with --no-progress', async () => {
    expect((await run({ CI: 'true' })).stderr).toBe('');
    expect((await run({}, ['--no-progress'])).stderr).toBe('');
  });
});
