// npm run bench: fzcheck's speed, every figure against a baseline measured in the same run (this
// machine is shared and noisy, so absolute times drift; ratios measured side by side do not).
// Every child runs with NODE_EXTRA_CA_CERTS unset (it adds ~50–85 ms to each node start here and
// users do not have it). Reports are real-shaped: the seed report's variants (../shared/seed, when
// present) and the fixture reports, not only generated text.
//
//   1. cold start: `fzcheck check` on a txt report vs `node -e 0` (alternating runs, medians);
//      target: fzcheck's own time ≤ 80 ms
//   2. formats: the same report as docx / html / pdf / ofd / doc vs txt; target: within 2× of txt
//   3. linearity: one report of ~150 KB and one of ~15 MB in one process, time per MB;
//      target: the 15 MB report within 1.5× per MB of the 150 KB one
//   4. batch: a folder of real-shaped reports through the CLI with -f json=file, --jobs 1 and 2;
//      baseline: a node process that only reads and decodes the same files;
//      targets: ≥ 500 reports/s on 2 cores, --jobs 2 ≥ 1.7× --jobs 1
//   5. memory: peak RSS of 1,000 vs 10,000 reports (JSON to a file; --quick: 1,000 vs 3,000);
//      target ≤ 1.3×; with --full also 100,000 reports, which must run to the end
//
// Usage: npm run bench [-- --quick | --full] [--only=batch,memory]   (sections: cold, formats,
// linear, batch, memory)

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const QUICK = process.argv.includes('--quick');
const FULL = process.argv.includes('--full');
const COLD_RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 7 : 15));
const BATCH = Number(process.env.BENCH_BATCH ?? (QUICK ? 300 : 1000));
// V8 grows its heap over the first few seconds of a batch whatever the batch holds: 300 reports end
// before that (their peak is lower for that alone), so the quick run compares 3,000 with 1,000.
const MEMORY_SIZES = QUICK ? [1000, 3000] : FULL ? [1000, 10000, 100000] : [1000, 10000];
const ONLY = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const want = (section) => !ONLY || ONLY.includes(section);
const ENV = { ...process.env };
delete ENV.NODE_EXTRA_CA_CERTS;
const BIN = join(ROOT, 'bin/fzcheck.js');
const SEED = join(ROOT, '../shared/seed/xinpu-2020-report.txt');
const dir = mkdtempSync(join(tmpdir(), 'fzcheck-bench-'));

const results = [];
function report(label, value, target = '') {
  results.push([label, value, target]);
  console.log(`${label.padEnd(46)}${value.padEnd(26)}${target}`);
}
const verdict = (ok) => (ok ? '✓' : '✗');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function wallMs(args) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, env: ENV, stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return elapsed;
}

/** Runs a child to its end, polling its peak RSS (VmHWM, all threads); returns wall ms and MB. */
function measured(args) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd: ROOT, env: ENV, stdio: ['ignore', 'ignore', 'pipe'] });
    let peak = 0;
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peak = Math.max(peak, kb);
      } catch {}
    }, 25);
    child.on('exit', (code) => {
      clearInterval(poll);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0 && code !== 1)
        reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(0, 400)}`));
      else resolve({ ms, mb: peak / 1024 });
    });
  });
}

// Real-shaped report texts: the seed's body under other names and figures, and every fixture report.
function reportTexts() {
  const fixtures = [
    'good-county-2022',
    'nanhu-district-2025',
    'beichuan-justice-bureau-2023',
    'web-chrome-bureau-2024',
  ]
    .map((name) => join(ROOT, 'fixtures/reports', `${name}.txt`))
    .filter(existsSync)
    .map((path) => readFileSync(path, 'utf8'));
  const seed = existsSync(SEED) ? readFileSync(SEED, 'utf8') : null;
  return { seed, fixtures };
}

const UNITS = ['东湖区', '临川县', '青石镇', '南平市司法局', '北岸街道', '西林县', '白沙镇', '江口区'];
function variant(text, i) {
  return text
    .replaceAll('新蒲新区', UNITS[i % UNITS.length])
    .replace(/(\d+)件/, (_, n) => `${Number(n) + (i % 50)}件`)
    .replace(/(\d+)人次/, (_, n) => `${Number(n) + (i % 30)}人次`);
}

function writeBatch(count, name) {
  const { seed, fixtures } = reportTexts();
  const sources = seed ? [seed, ...fixtures] : fixtures;
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++)
    writeFileSync(
      join(folder, `r${String(i).padStart(6, '0')}.txt`),
      variant(sources[i % sources.length], i),
    );
  return folder;
}

console.log(
  `fzcheck bench — Node ${process.version}, ${availableParallelism()} cores, NODE_EXTRA_CA_CERTS unset for every child${QUICK ? '（--quick）' : ''}`,
);
const { seed, fixtures } = reportTexts();
const coldText = seed ? variant(seed, 1) : fixtures[0];
const coldPath = join(dir, 'cold.txt');
writeFileSync(coldPath, coldText);

// 1. Cold start, alternating so that drifts in machine speed hit both commands alike.
if (want('cold')) {
  wallMs([BIN, 'check', coldPath]);
  const base = [];
  const ours = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    base.push(wallMs(['-e', '0']));
    ours.push(wallMs([BIN, 'check', coldPath]));
  }
  const overhead = median(ours) - median(base);
  report('node -e 0 (baseline), median', `${median(base).toFixed(1)} ms`);
  report(
    `fzcheck check ${(Buffer.byteLength(coldText) / 1024).toFixed(1)} KB txt, median`,
    `${median(ours).toFixed(1)} ms (${(median(ours) / median(base)).toFixed(2)}×)`,
  );
  report(
    '  fzcheck’s own time over node -e 0',
    `${overhead.toFixed(1)} ms`,
    `target ≤ 80 ms ${verdict(overhead <= 80)}`,
  );
}

// 2. Formats: the same report in every format it is committed in.
if (want('formats')) {
  const inputs = join(ROOT, 'fixtures/inputs');
  const formats = [
    ['txt', 'qinghe-sfj-2021.txt'],
    ['docx', 'qinghe-sfj-2021.docx'],
    ['html', 'qinghe-sfj-2021.gbk.html'],
    ['pdf', 'qinghe-sfj-2021.pdf'],
    ['ofd', 'qinghe-sfj-2021.ofd'],
    ['doc', 'qinghe-sfj-2021.doc'],
  ].filter(([, name]) => existsSync(join(inputs, name)));
  for (const [, name] of formats) wallMs([BIN, 'check', join(inputs, name)]);
  const times = new Map(formats.map(([format]) => [format, []]));
  const base = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    base.push(wallMs(['-e', '0']));
    for (const [format, name] of formats) times.get(format).push(wallMs([BIN, 'check', join(inputs, name)]));
  }
  const own = (format) => median(times.get(format)) - median(base);
  for (const [format] of formats) {
    if (format === 'txt') {
      report('same report as txt: own time', `${own('txt').toFixed(1)} ms`);
      continue;
    }
    const ratio = median(times.get(format)) / median(times.get('txt'));
    report(
      `  as ${format}: own time (wall vs txt)`,
      `${own(format).toFixed(1)} ms (${ratio.toFixed(2)}×)`,
      `target ≤ 2× ${verdict(ratio <= 2)}`,
    );
  }
}

// 3. Linearity: one big report in one process, time per MB at two sizes.
if (want('linear')) {
  const body = (seed ?? fixtures.join('\n')).split('\n');
  const head = body.slice(0, 12).join('\n');
  const repeat = body.slice(12).join('\n');
  const sized = (bytes) => {
    const parts = [head];
    let size = Buffer.byteLength(head);
    for (let i = 0; size < bytes; i++) {
      const part = variant(repeat, i);
      parts.push(part);
      size += Buffer.byteLength(part) + 1;
    }
    return parts.join('\n');
  };
  const script = `
    const { readFileSync } = await import('node:fs');
    const { loadRules } = await import(${JSON.stringify(join(ROOT, 'dist/config/load-packs.js'))});
    const { checkSource } = await import(${JSON.stringify(join(ROOT, 'dist/pipeline/check-input.js'))});
    const { ruleSet } = await loadRules();
    const text = readFileSync(process.argv[1], 'utf8');
    const start = performance.now();
    checkSource({ path: 'x.txt', format: 'txt', encoding: 'utf-8', text, meta: {} }, ruleSet, { maxBytes: 1e12 });
    console.log(performance.now() - start);`;
  const perMb = [];
  for (const bytes of [150 * 1024, 15 * 1024 * 1024]) {
    const path = join(dir, `big-${bytes}.txt`);
    writeFileSync(path, sized(bytes));
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, path], {
      env: ENV,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(run.stderr);
    const mb = Buffer.byteLength(readFileSync(path)) / 1024 / 1024;
    perMb.push(Number(run.stdout) / mb);
    report(
      `one report of ${mb.toFixed(2)} MB, in process`,
      `${(Number(run.stdout) / 1000).toFixed(2)} s, ${(Number(run.stdout) / mb).toFixed(0)} ms/MB`,
    );
  }
  const ratio = perMb[1] / perMb[0];
  report('  15 MB per MB vs 150 KB per MB', `${ratio.toFixed(2)}×`, `target ≤ 1.5× ${verdict(ratio <= 1.5)}`);
}

// 4. Batch throughput through the CLI, JSON written to a file.
if (want('batch') || want('memory')) writeBatch(BATCH, 'batch');
if (want('batch')) {
  const folder = join(dir, 'batch');
  const floorScript = `
    const { readdirSync, readFileSync } = await import('node:fs');
    const folder = process.argv[1];
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let chars = 0;
    for (const name of readdirSync(folder)) chars += decoder.decode(readFileSync(folder + '/' + name)).length;
    console.log(chars);`;
  const floor = [];
  const one = [];
  const two = [];
  for (let i = 0; i < (QUICK ? 2 : 3); i++) {
    floor.push(wallMs(['--input-type=module', '-e', floorScript, folder]));
    one.push(
      wallMs([
        BIN,
        'check',
        folder,
        '-f',
        `json=${join(dir, 'one.json')}`,
        '--jobs',
        '1',
        '--fail-on',
        'never',
      ]),
    );
    two.push(
      wallMs([
        BIN,
        'check',
        folder,
        '-f',
        `json=${join(dir, 'two.json')}`,
        '--jobs',
        '2',
        '--fail-on',
        'never',
      ]),
    );
  }
  const rate = (ms) => (BATCH * 1000) / ms;
  const best = (list) => Math.min(...list);
  report(`read + decode ${BATCH} reports (baseline)`, `${rate(best(floor)).toFixed(0)} files/s`);
  report(`batch of ${BATCH}, --jobs 1, JSON to a file`, `${rate(best(one)).toFixed(0)} reports/s`);
  const twoRate = rate(best(two));
  report(
    `batch of ${BATCH}, --jobs 2, JSON to a file`,
    `${twoRate.toFixed(0)} reports/s`,
    `target ≥ 500 ${verdict(twoRate >= 500)}`,
  );
  const speedup = best(one) / best(two);
  report('  --jobs 2 vs --jobs 1', `${speedup.toFixed(2)}×`, `target ≥ 1.7× ${verdict(speedup >= 1.7)}`);
  report('  --jobs 2 vs read + decode', `${(best(two) / best(floor)).toFixed(1)}× the floor`);
}

// 5. Memory: peak RSS as the batch grows.
if (want('memory')) {
  const peaks = [];
  for (const count of MEMORY_SIZES) {
    const source = count === BATCH ? join(dir, 'batch') : writeBatch(count, `batch-${count}`);
    const { ms, mb } = await measured([
      BIN,
      'check',
      source,
      '-f',
      `json=${join(dir, `mem-${count}.json`)}`,
      '--fail-on',
      'never',
    ]);
    peaks.push(mb);
    report(
      `${count} reports, JSON to a file: peak RSS`,
      `${mb.toFixed(0)} MB in ${(ms / 1000).toFixed(1)} s`,
    );
    if (count !== BATCH) rmSync(source, { recursive: true, force: true });
  }
  const ratio = peaks[1] / peaks[0];
  report(
    `  ${MEMORY_SIZES[1]} vs ${MEMORY_SIZES[0]} reports`,
    `${ratio.toFixed(2)}×`,
    `target ≤ 1.3× ${verdict(ratio <= 1.3)}`,
  );
}

rmSync(dir, { recursive: true, force: true });
