// An optional item (其他需要报告的情况 may be left out) is 提示 in every format: the table, the
// CSV and the HTML gap table and heat map agree, and none shows it as missing.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const NO_OTHER = [
  'fixtures/reports/missing-shortcomings-district-2021.txt',
  'fixtures/reports/good-county-2022.txt',
];

describe('其他需要报告的情况 left out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fzcheck-optional-'));
  const csvPath = join(dir, 'out.csv');
  const htmlPath = join(dir, 'out.html');
  const table = runCli([
    'check',
    ...NO_OTHER,
    '-f',
    'table',
    '-f',
    `csv=${csvPath}`,
    '-f',
    `html=${htmlPath}`,
  ]).stdout;
  const csv = readFileSync(csvPath, 'utf8');
  const html = readFileSync(htmlPath, 'utf8');

  it('is 提示 in the table', () => {
    expect(table).toContain('  i 提示 第16行 缺少“其他需要报告的情况”');
    expect(table).not.toMatch(/✗ 缺失[^\n]*其他需要报告的情况/);
  });

  it('is 提示 in the CSV', () => {
    const rows = csv.split('\r\n').filter((row) => row.includes(',statutory/other,'));
    // The first report leaves the item out, the second has it.
    expect(rows.map((row) => row.split(',')[9])).toEqual(['提示', '满足']);
  });

  it('is 提示 in the HTML gap table and heat map, never a red ✗', () => {
    const cells = [...html.matchAll(/<td class="h h-(\w+)" title="[^"]*其他需要报告的情况：([^"]+)">/g)];
    // Ranked: the complete report first, then the one that leaves the item out.
    expect(cells.map((cell) => [cell[1], cell[2]])).toEqual([
      ['met', '满足'],
      ['advice', '提示'],
    ]);
    expect(html).toMatch(
      /<tr class="st-advice"><td class="status">提示<\/td><td>法定内容<\/td><td>其他需要报告的情况/,
    );
    expect(html).not.toMatch(/<tr class="st-missing">[^\n]*其他需要报告的情况/);
  });
});
