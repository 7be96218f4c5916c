// Writes dist/bundle/run.cache: V8's compiled code for the CLI bundle, taken after a check of a
// sample report so that the functions a usual check runs are in it, not only the top level. Runs
// the check in a child (its output thrown away) with --warm; the child writes the cache.

import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CODE_CACHE, loadCli } from '../bin/load-cli.js';

const SAMPLE = fileURLToPath(
  new URL('../fixtures/reports/buried-first-responsible-township-2019.txt', import.meta.url),
);

if (process.argv[2] === '--warm') {
  // No cache is read: this run compiles everything it runs, and the cache is made from that.
  const { cli, script } = loadCli(undefined, null);
  process.argv = [process.argv[0], 'fzcheck', 'check', SAMPLE, '--fail-on', 'never'];
  const code = await cli.run();
  if (code !== 0) throw new Error(`the warm-up check exited ${code}`);
  const temporary = `${CODE_CACHE}.${process.pid}`;
  writeFileSync(temporary, script.createCachedData());
  renameSync(temporary, CODE_CACHE);
} else {
  const self = fileURLToPath(import.meta.url);
  const env = { ...process.env, FORCE_COLOR: '0' };
  const run = spawnSync(process.execPath, [self, '--warm'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0 || !existsSync(CODE_CACHE)) {
    console.error(
      'build-code-cache: the warm-up run failed; the CLI works without a cache, only starts slower',
    );
    process.exit(1);
  }
  console.log(`code cache: ${(statSync(CODE_CACHE).size / 1024).toFixed(0)} KB`);
}
