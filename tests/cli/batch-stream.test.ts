// A batch is written as it is checked: the outputs are the same whichever --jobs checks it, the JSON
// of many files is one complete document even when some files fail, and the formats that need the
// whole run say how many files they take.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILES_KEPT } from '../../src/cli/commands/check.js';
import { runCli } from '../support/run-cli.js';
import { yearReport } from '../support/year-reports.js';

const UNITS = ['松涛镇', '柳溪乡', '石门县', '望江街道', '云岭镇'];
// A paragraph every unit copied (with its own name): the batch comparison finds it in each file.
const COPIED = (unit: string) =>
  `${unit}把依法行政贯穿于经济社会发展各环节，由主要负责同志亲自部署推动，定期召开专题会议研究部署重点任务，逐项明确责任单位和完成时限，确保各项任务落到实处、见到成效。`;

/** A folder of `count` reports of five units, with an unreadable file at `broken`. */
function batchFolder(count: number, broken: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'fzcheck-stream-'));
  for (let i = 0; i < count; i++) {
    const name = join(dir, `r${String(i).padStart(3, '0')}.txt`);
    if (i === broken) {
      writeFileSync(name, Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00, 0x00, 0x41]));
      continue;
    }
    const unit = UNITS[i % UNITS.length] as string;
    writeFileSync(
      name,
      yearReport({
        unit,
        year: 2023,
        measures: [COPIED(unit), `全年办理行政复议案件${10 + i}件，按期办结率达到百分之百。`],
        plan: ['继续推进严格规范公正文明执法。'],
      }),
    );
  }
  return dir;
}

describe('a batch written as it is checked', () => {
  const dir = batchFolder(24, 7);
  const out = mkdtempSync(join(tmpdir(), 'fzcheck-stream-out-'));
  const run = (jobs: string) => {
    const prefix = join(out, `jobs${jobs}`);
    const result = runCli([
      'check',
      dir,
      '--jobs',
      jobs,
      '-f',
      `json=${prefix}.json`,
      '-f',
      `csv=${prefix}.csv`,
      '-f',
      `junit=${prefix}.xml`,
      '-f',
      'table',
    ]);
    return {
      code: result.code,
      table: result.stdout,
      json: readFileSync(`${prefix}.json`, 'utf8'),
      csv: readFileSync(`${prefix}.csv`, 'utf8'),
      junit: readFileSync(`${prefix}.xml`, 'utf8'),
    };
  };
  const one = run('1');
  const two = run('2');

  it('gives the same bytes in every format with --jobs 1 and --jobs 2', () => {
    expect(two.json).toBe(one.json);
    expect(two.csv).toBe(one.csv);
    expect(two.junit).toBe(one.junit);
    expect(two.table).toBe(one.table);
    expect([one.code, two.code]).toEqual([2, 2]);
  });

  it('writes one complete JSON document, every file in input order, the broken one as an error', () => {
    const json = JSON.parse(one.json);
    expect(json.files.map((file: { path: string }) => file.path)).toEqual(
      Array.from({ length: 24 }, (_, i) => join(dir, `r${String(i).padStart(3, '0')}.txt`)),
    );
    expect(json.files.map((file: { error: unknown }) => file.error !== null)).toEqual(
      Array.from({ length: 24 }, (_, i) => i === 7),
    );
    expect(json.summary.files).toBe(24);
    expect(json.summary.errors).toBe(1);
    // The copied paragraph, once, with the five units in input order and its 23 places.
    expect(json.summary.sharedParagraphs.map((item: { units: string[] }) => item.units)).toEqual([UNITS]);
    expect(json.summary.sharedParagraphs[0].places).toHaveLength(23);
    const shared = json.files[0].results.find(
      (result: { ruleId: string }) => result.ruleId === 'history/shared-paragraphs',
    );
    expect(shared.findings.map((finding: { data: unknown }) => finding.data)).toEqual([
      { units: '柳溪乡、石门县、望江街道、云岭镇', count: 5 },
    ]);
  });

  it('is as the formatter makes it from the whole run (the JSON pretty-printed, the CSV with one header)', () => {
    const json = JSON.parse(one.json);
    expect(one.json).toBe(`${JSON.stringify(json, null, 2)}\n`);
    expect(one.csv.startsWith('\uFEFF文件,')).toBe(true);
    expect(one.csv.split('\uFEFF')).toHaveLength(2);
  });
});

describe('formats that need the whole run', () => {
  it(`take at most ${MAX_FILES_KEPT} files, and say which format to use instead`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-many-'));
    mkdirSync(join(dir, 'reports'));
    for (let i = 0; i <= MAX_FILES_KEPT; i++) writeFileSync(join(dir, 'reports', `${i}.txt`), '');
    const result = runCli(['check', 'reports', '-f', `html=${join(dir, 'out.html')}`], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `fzcheck: html 格式要把全部结果留在内存中，一次最多 ${MAX_FILES_KEPT} 个文件（本次匹配到 ${MAX_FILES_KEPT + 1} 个）；请按文件夹分批检查，或改用 table、json、csv 格式（不限文件数）\n`,
    );
  });
});

describe('a file that spends its whole time budget', () => {
  // Both files go to the one worker of --jobs 2. It used to start the second while the first waited
  // on its unzip: the slow text then took the thread for its whole budget, and the Word report's
  // own budget, running since its start, was spent when it got the thread back.
  it('leaves a Word report checked beside it in the same worker with a budget of its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-budget-'));
    const root = new URL('../../fixtures/inputs/', import.meta.url);
    writeFileSync(join(dir, 'a.docx'), readFileSync(new URL('qinghe-sfj-2021.docx', root)));
    const report = readFileSync(new URL('qinghe-sfj-2021.txt', root), 'utf8');
    writeFileSync(join(dir, 'b.txt'), `${report}\n${'一、标题\n'.repeat(190_000)}`);
    runCli(['check', 'a.docx', 'b.txt', '--jobs', '2', '-f', 'json=out.json'], { cwd: dir });
    const files = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).files as {
      path: string;
      error: { message: string } | null;
    }[];
    expect(files[0]).toMatchObject({ path: 'a.docx', error: null });
    // Whether the text runs out of its own budget depends on the machine's speed: not asserted.
    expect(files[1]?.path).toBe('b.txt');
  }, 60_000);
});
