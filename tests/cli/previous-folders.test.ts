// --previous with folders: this year's reports paired with last year's by unit (the subject),
// else by file name; a unit without last year's report is said to have none.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nameKey, unitKey } from '../../src/pipeline/previous-reports.js';
import { runCli } from '../support/run-cli.js';
import { yearReport } from '../support/year-reports.js';

const COPIED =
  '坚持把法治政府建设摆在全局工作的突出位置，成立由主要负责同志任组长的领导小组，定期听取工作汇报，研究解决重点难点问题，层层压实工作责任，形成上下联动的工作格局。';

function folders(): string {
  const root = mkdtempSync(join(tmpdir(), 'fzcheck-years-'));
  mkdirSync(join(root, '2023'));
  mkdirSync(join(root, '2022'));
  const report = (unit: string, year: number, measures: string[]) =>
    yearReport({ unit, year, measures, plan: ['继续推进依法行政。'] });
  writeFileSync(join(root, '2023', 'qingliu.txt'), report('青柳县', 2023, [COPIED]));
  writeFileSync(join(root, '2023', 'baishi.txt'), report('白石县', 2023, [COPIED]));
  writeFileSync(join(root, '2023', 'hongyan.txt'), report('红岩县', 2023, [COPIED]));
  // Matched by subject although the file names differ.
  writeFileSync(join(root, '2022', '2022-b.txt'), report('白石县', 2022, [COPIED]));
  // No subject in the text: matched by its file name against this year's unit.
  writeFileSync(
    join(root, '2022', '青柳县2022年度报告.txt'),
    report('', 2022, [COPIED]).replace(/^2022年度/, '关于2022年度'),
  );
  return root;
}

describe('--previous with a folder', () => {
  it('pairs each report with last year’s of the same unit, by subject or by file name', () => {
    const root = folders();
    const run = runCli(['check', '2023', '--previous', '2022', '-f', 'json'], { cwd: root });
    const files = JSON.parse(run.stdout).files as Array<{
      path: string;
      results: Array<{ ruleId: string; status: string; messageId: string }>;
    }>;
    const copied = (path: string) =>
      files.find((file) => file.path === path)?.results.find((r) => r.ruleId === 'history/copied-text');
    expect(copied(join('2023', 'baishi.txt'))).toMatchObject({ status: 'fail' });
    expect(copied(join('2023', 'qingliu.txt'))).toMatchObject({ status: 'fail' });
    expect(copied(join('2023', 'hongyan.txt'))).toMatchObject({
      status: 'skip',
      messageId: 'engine.noPrevious',
    });
    const table = runCli(['check', '2023', '--previous', '2022'], { cwd: root }).stdout;
    expect(table).toContain(`对照 ${join(root, '2022', '2022-b.txt')}\n`);
    expect(table).toContain('对照 没有找到本单位上一年度的报告\n');
  });

  it('exits 2 with one Chinese line when last year’s folder has no report', () => {
    const root = folders();
    mkdirSync(join(root, 'empty'));
    const run = runCli(['check', '2023', '--previous', 'empty'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^fzcheck: --previous：找不到上一年度的报告“empty”/);
  });
});

describe('unit and file-name keys', () => {
  it.each([
    ['白石县人民政府', '白石县'],
    ['中共白石县委', '白石县委'],
    ['新蒲新区管委会', '新蒲新区'],
    ['青石镇 人民政府', '青石镇'],
  ])('unit %s → %s', (subject, key) => expect(unitKey(subject)).toBe(key));

  it.each([
    ['2022年度新蒲新区法治政府建设工作报告.docx', '新蒲新区'],
    ['报告/新蒲新区2023年报告.txt', '新蒲新区'],
    ['关于白石县2021年法治政府建设情况的报告.pdf', '白石县'],
  ])('file %s → %s', (path, key) => expect(nameKey(path)).toBe(key));
});
