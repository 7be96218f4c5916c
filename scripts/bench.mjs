// npm run bench: speed of fzcheck measured against a baseline taken in the same run, because this
// machine is shared and noisy. Prints
//   1. cold start: median wall time of `fzcheck check` on a 15 KB report vs `node -e 0`
//      (alternating runs, ≥ 10 each), their difference (our own overhead) and ratio;
//   2. batch: reports per second over ≥ 200 generated reports checked in one process, on one
//      thread and spread over the cores as `fzcheck check 目录/` does.
// Targets: overhead ≤ 150 ms; ≥ 300 reports/s on 2 cores.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const COLD_RUNS = Number(process.env.BENCH_RUNS ?? 15);
const BATCH = Number(process.env.BENCH_BATCH ?? 300);
const TARGET_BYTES = 15 * 1024;

/** A realistic report of about `bytes` bytes, built from a fixture report; `seed` varies it. */
function generateReport(bytes, seed, fixture = 'good-county-2022.txt') {
  const base = readFileSync(join(ROOT, 'fixtures/reports', fixture), 'utf8').split('\n');
  const extra = readFileSync(join(ROOT, 'fixtures/reports/web-chrome-bureau-2024.txt'), 'utf8')
    .split('\n')
    .filter((line) => /^[（(一二三四]|^[一二]是/.test(line) === false && line.length > 40);
  const county = ['清河县', '东湖区', '临川市', '青石镇', '南平市司法局'][seed % 5];
  const lines = base.map((line) =>
    line.replaceAll('清河县', county).replace(/\d+件/, `${(seed % 90) + 10}件`),
  );
  const insertAt = lines.findIndex((line) => line.startsWith('二、'));
  const body = [];
  let size = Buffer.byteLength(lines.join('\n'));
  for (let i = 0; size < bytes; i++) {
    const line = extra[(i + seed) % extra.length].replace(/。$/, `（第${i + 1}项）。`);
    body.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return [...lines.slice(0, insertAt), ...body, ...lines.slice(insertAt)].join('\n');
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function wallMs(command, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

const dir = mkdtempSync(join(tmpdir(), 'fzcheck-bench-'));
// Two cold-start cases: most reports need no segmentation at all (src/segment/boundary-lexicon.ts);
// some need a few lines cut by jieba (src/segment/dictionary-index.ts), so both are shown.
const report = join(dir, 'report-15k.txt');
// A paragraph broken inside a word (考 / 核) is only recognised with jieba, so this one segments.
writeFileSync(report, `${generateReport(TARGET_BYTES, 0)}\n严格落实年度考\n\n核制度，加强结果运用。\n`);
const plainReport = join(dir, 'report-15k-no-segmentation.txt');
writeFileSync(plainReport, generateReport(TARGET_BYTES, 0, 'web-chrome-bureau-2024.txt'));

// 1. Cold start, alternating so drifts in machine speed hit all commands alike.
const baseline = [];
const fzcheck = [];
const fzcheckPlain = [];
for (const path of [report, plainReport]) wallMs(process.execPath, ['bin/fzcheck.js', 'check', path]); // warm caches
for (let i = 0; i < COLD_RUNS; i++) {
  baseline.push(wallMs(process.execPath, ['-e', '0']));
  fzcheck.push(wallMs(process.execPath, ['bin/fzcheck.js', 'check', report]));
  fzcheckPlain.push(wallMs(process.execPath, ['bin/fzcheck.js', 'check', plainReport]));
}
const baseMedian = median(baseline);
const coldMedian = median(fzcheck);
const plainMedian = median(fzcheckPlain);
const kb = (Buffer.byteLength(readFileSync(report)) / 1024).toFixed(1);

// 2. Batch in one process: rules compiled once, every report loaded, parsed, checked and scored.
const { loadRules } = await import('../dist/config/load-packs.js');
const { checkInput } = await import('../dist/check-files.js');
const paths = [];
for (let i = 0; i < BATCH; i++) {
  const path = join(dir, `batch-${i}.txt`);
  writeFileSync(path, generateReport(TARGET_BYTES, i + 1));
  paths.push(path);
}
const batchStart = process.hrtime.bigint();
const { ruleSet } = await loadRules();
for (const path of paths) await checkInput({ path }, ruleSet, { maxBytes: 20 * 1024 * 1024 });
const batchSeconds = Number(process.hrtime.bigint() - batchStart) / 1e9;

// 3. The same batch the way `fzcheck check 目录/` runs it: this thread plus one worker per extra core.
const { checkBatch } = await import('../dist/check-batch.js');
const { availableParallelism } = await import('node:os');
const parallelStart = process.hrtime.bigint();
await checkBatch(
  paths.map((path) => ({ path })),
  ruleSet,
  { maxBytes: 20 * 1024 * 1024 },
  { keepText: false, rules: undefined, config: null, cwd: ROOT },
);
const parallelSeconds = Number(process.hrtime.bigint() - parallelStart) / 1e9;

const line = (label, value) => console.log(`${label.padEnd(52)}${value}`);
console.log(
  `fzcheck bench — ${COLD_RUNS} cold runs each, batch of ${BATCH} reports of ~${kb} KB (Node ${process.version})`,
);
line('node -e 0, median wall', `${baseMedian.toFixed(1)} ms`);
line(`fzcheck check (${kb} KB, with segmentation), median`, `${coldMedian.toFixed(1)} ms`);
line('  overhead over node -e 0', `${(coldMedian - baseMedian).toFixed(1)} ms  (target ≤ 150 ms)`);
line('  fzcheck / node -e 0', `${(coldMedian / baseMedian).toFixed(2)}×`);
line(`fzcheck check (${kb} KB, no segmentation), median`, `${plainMedian.toFixed(1)} ms`);
line('  overhead over node -e 0', `${(plainMedian - baseMedian).toFixed(1)} ms`);
line('  fzcheck / node -e 0', `${(plainMedian / baseMedian).toFixed(2)}×`);
line('batch, one process, one thread', `${(BATCH / batchSeconds).toFixed(0)} reports/s`);
line(
  `batch, one process, ${availableParallelism()} threads (as check 目录/)`,
  `${(BATCH / parallelSeconds).toFixed(0)} reports/s  (target ≥ 300 on 2 cores)`,
);
