// npm run fuzz -- --count N --seed S [--class a,b] [--shape name] [--index i] [--scale x] [--keep]
//                  [--shard K/P] [--results file.jsonl [--resume]]
// npm run fuzz -- --summarise a.jsonl b.jsonl …
// Runs the hostile-input campaign against bin/fzcheck.js and prints, per class, the inputs tried,
// crashes, stack traces, runs over the time and memory limits, peak memory and inputs modified,
// then one line per failing shape with an input number to rerun it alone. A long campaign can run
// in parts (--shard 1/2 and --shard 2/2 each take every other input, the same inputs a whole run
// takes) that write one line per input (--results); --resume skips the inputs a results file
// already holds (a campaign stopped and taken up again); --summarise prints the table of all parts.

import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type ClassStats, FUZZ_CLASSES, type InputReport, runFuzz, summarise } from './fuzz.js';
import { stopRuns } from './run-input.js';

const { values, positionals } = parseArgs({
  options: {
    count: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    class: { type: 'string' },
    shape: { type: 'string' },
    index: { type: 'string' },
    scale: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    shard: { type: 'string' },
    results: { type: 'string' },
    summarise: { type: 'boolean', default: false },
    resume: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopRuns();
    process.exit(130);
  });
}

if (values.summarise) {
  const reports = positionals.flatMap(readReports);
  const indexes = new Set(reports.map((r) => r.index));
  printStats(summarise(reports), `${indexes.size} inputs from ${positionals.length} file(s)`);
  process.exit(process.exitCode ?? 0);
}

const count = Number(values.count);
const seed = Number(values.seed);
const started = Date.now();
const shard = parseShard(values.shard);
const done =
  values.resume && values.results && existsSync(values.results)
    ? new Set(
        readReports(values.results)
          .filter((report) => (report as InputReport & { seed?: number }).seed === seed)
          .map((report) => report.index),
      )
    : null;
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
  ...(shard ? { shard } : {}),
  ...(done ? { skip: done } : {}),
  onInput: (report) => {
    if (values.results) appendFileSync(values.results, `${JSON.stringify({ ...report, seed })}\n`);
    if (report.failed) console.error(describe(report));
    else if (!values.quiet && report.index % 50 === 0) console.error(`… input ${report.index}`);
  },
});

const part = shard ? ` (part ${shard.part} of ${shard.parts})` : '';
printStats(stats, `seed ${seed}, ${count} inputs${part}, ${((Date.now() - started) / 1000).toFixed(0)} s`);

function printStats(stats: readonly ClassStats[], footer: string): void {
  console.log(table(stats));
  const slowest = stats.map((s) => `${s.name} ${(s.slowestMs / 1000).toFixed(1)} s (${s.slowestShape})`);
  console.log(`\nslowest input per class: ${slowest.join('; ')}`);
  console.log(`\n${footer}`);
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
}

/** The input reports a results file holds (a line cut by a kill is left out). */
function readReports(file: string): InputReport[] {
  const reports: InputReport[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    try {
      if (line.trim() !== '') reports.push(JSON.parse(line) as InputReport);
    } catch {
      // the last line of a campaign killed while writing
    }
  }
  return reports;
}

function parseShard(text: string | undefined): { part: number; parts: number } | null {
  if (text === undefined) return null;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const part = Number(match?.[1]);
  const parts = Number(match?.[2]);
  if (!match || parts < 1 || part < 1 || part > parts) {
    console.error(`--shard wants K/P with 1 ≤ K ≤ P, not ${text}`);
    process.exit(2);
  }
  return { part, parts };
}

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
