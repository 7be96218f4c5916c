// Batch throughput: N copies of one report in a temporary folder, checked by the real CLI with
// --jobs 1 (this thread only) and with the default (one thread per core). Prints the best of R
// runs per setting, since a shared machine adds noise only upwards.
// Usage: npm run build && node scripts/bench-batch.mjs REPORT [N=200] [R=5]

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [report, count = '200', rounds = '5'] = process.argv.slice(2);
if (!report) {
  console.error('用法：node scripts/bench-batch.mjs 报告.txt [份数=200] [轮数=5]');
  process.exit(2);
}
const bin = fileURLToPath(new URL('../bin/fzcheck.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'fzcheck-bench-'));
for (let i = 0; i < Number(count); i++) copyFileSync(report, join(dir, `r${String(i).padStart(4, '0')}.txt`));
const files = readdirSync(dir).map((name) => join(dir, name));

function best(args) {
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < Number(rounds); i++) {
    const start = performance.now();
    execFileSync(process.execPath, [bin, 'check', ...files, '-f', 'json', '--fail-on', 'never', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      maxBuffer: 1 << 30,
    });
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

console.log(
  `${files.length} 份报告，${availableParallelism()} 个核，负载 ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}，每种取 ${rounds} 轮最快`,
);
for (const [label, args] of [
  ['--jobs 1（单线程）', ['--jobs', '1']],
  ['默认（每核一个线程）', []],
]) {
  const ms = best(args);
  console.log(
    `${label}: ${(ms / 1000).toFixed(2)} s，${((files.length * 1000) / ms).toFixed(0)} 份/秒（含进程启动）`,
  );
}
rmSync(dir, { recursive: true, force: true });
