// npm run fuzz -- --count N --seed S [--class a,b] [--shape name] [--index i] [--scale x] [--keep]
// Runs the hostile-input campaign against bin/fzcheck.js and prints, per class, the inputs tried,
// crashes, stack traces, runs over the time and memory limits, peak memory and inputs modified,
// then one line per failing shape with an input number to rerun it alone.

import { parseArgs } from 'node:util';
import { type ClassStats, FUZZ_CLASSES, type InputReport, runFuzz } from './fuzz.js';
import { stopRuns } from './run-input.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    class: { type: 'string' },
    shape: { type: 'string' },
    index: { type: 'string' },
    scale: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopRuns();
    process.exit(130);
  });
}

const count = Number(values.count);
const seed = Number(values.seed);
const started = Date.now();
const classes = values.class?.split(',');
for (const name of classes ?? []) {
  if (!FUZZ_CLASSES.some((c) => c.name === name)) {
    console.error(`unknown class ${name}; classes: ${FUZZ_CLASSES.map((c) => c.name).join(', ')}`);
    process.exit(2);
  }
}

const stats = await runFuzz({
  count,
  seed,
  ...(classes ? { classes } : {}),
  ...(values.shape ? { shape: values.shape } : {}),
  ...(values.index !== undefined ? { index: Number(values.index) } : {}),
  scale: Number(values.scale),
  keep: values.keep,
  onInput: (report) => {
    if (report.failed) console.error(describe(report));
    else if (!values.quiet && report.index % 50 === 0) console.error(`… input ${report.index}`);
  },
});

console.log(table(stats));
const slowest = stats.map((s) => `${s.name} ${(s.slowestMs / 1000).toFixed(1)} s (${s.slowestShape})`);
console.log(`\nslowest input per class: ${slowest.join('; ')}`);
console.log(`\nseed ${seed}, ${count} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s`);
const failures = stats.flatMap((s) => s.failures);
if (failures.length > 0) {
  console.log('\nfailing shapes (rerun one with --index N --keep):');
  const byShape = new Map<string, InputReport[]>();
  for (const failure of failures) {
    const key = `${failure.className}/${failure.shape}`;
    byShape.set(key, [...(byShape.get(key) ?? []), failure]);
  }
  for (const [key, list] of [...byShape].sort()) {
    const first = list[0] as InputReport;
    console.log(`  ${key}: ${list.length} (e.g. --index ${first.index}) ${labels(first).join('; ')}`);
  }
}
process.exitCode = failures.length > 0 ? 1 : 0;

function table(rows: readonly ClassStats[]): string {
  const head = [
    'class',
    'tried',
    'crashes',
    'stack traces',
    'over 10 s',
    'over 1 GB',
    'peak MB',
    'slowest s',
    'modified',
    'good lost',
    'other',
  ];
  const body = rows.map((s) => [
    s.name,
    s.tried,
    s.crashes,
    s.stackTraces,
    s.overTime,
    s.overMemory,
    Math.round(s.peakKb / 1024),
    (s.slowestMs / 1000).toFixed(1),
    s.modified,
    s.goodLost,
    s.other,
  ]);
  const all = [head, ...body.map((row) => row.map(String))];
  const widths = head.map((_, i) => Math.max(...all.map((row) => String(row[i]).length)));
  const line = (row: readonly (string | number)[]) =>
    row
      .map((cell, i) =>
        i === 0 ? String(cell).padEnd(widths[i] ?? 0) : String(cell).padStart(widths[i] ?? 0),
      )
      .join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

function labels(report: InputReport): string[] {
  const v = report.verdict;
  return [
    ...(v.crash ? ['crash'] : []),
    ...(v.stackTrace ? ['stack trace'] : []),
    ...(v.overTime ? [`${(report.wallMs / 1000).toFixed(1)} s`] : []),
    ...(v.overMemory ? [`${Math.round(report.peakKb / 1024)} MB`] : []),
    ...(v.modified ? ['input modified'] : []),
    ...(v.goodLost ? ['good files lost'] : []),
    ...v.other,
    ...(report.firstLine ? [`stderr: ${report.firstLine}`] : []),
  ];
}

function describe(report: InputReport): string {
  return `✗ #${report.index} ${report.className}/${report.shape}: ${labels(report).join('; ')}${report.dir ? ` [${report.dir}]` : ''}`;
}
