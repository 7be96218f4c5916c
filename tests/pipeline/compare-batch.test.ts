// Reports of several units in one batch: a paragraph two units share (a template passed around,
// with the unit's name changed) is found in both, listed once in the summary with both units.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/config/load-packs.js';
import { formatTable } from '../../src/format/table.js';
import { checkBatch } from '../../src/pipeline/check-batch.js';
import type { FileResult } from '../../src/shared/results.js';
import { runCli } from '../support/run-cli.js';
import { yearReport } from '../support/year-reports.js';

const TEMPLATE = (unit: string) =>
  `${unit}坚持把法治政府建设摆在全局工作的突出位置，成立由主要负责同志任组长的领导小组，定期听取工作汇报，研究解决重点难点问题，层层压实工作责任，形成了上下联动、齐抓共管的工作格局。`;
const OWN = [
  '全年受理行政复议案件41件，全部在法定期限内审结，纠错率有所下降，复议化解行政争议的主渠道作用进一步显现，群众对复议工作的认可度不断提高。',
  '新建公共法律服务工作站十四个，配备专职人民调解员，及时化解邻里纠纷和劳资矛盾，基层治理的法治化程度稳步提升，群众的获得感和满意度明显增强。',
  '组织执法人员参加业务培训三期，开展执法案卷评查两次，对评查中发现的程序不规范问题逐一整改到位，执法规范化水平有了明显提高，执法投诉明显减少。',
];

function batchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fzcheck-batch-'));
  const write = (name: string, unit: string, measures: string[]) =>
    writeFileSync(join(dir, name), yearReport({ unit, year: 2023, measures, plan: ['继续推进依法行政。'] }));
  write('a.txt', '青柳县', [TEMPLATE('青柳县'), OWN[0] as string]);
  write('b.txt', '白石县', [OWN[1] as string, TEMPLATE('白石县')]);
  write('c.txt', '红岩县', [OWN[2] as string]);
  return dir;
}

function sharedFindings(file: FileResult) {
  const result = file.results.find((r) => r.ruleId === 'history/shared-paragraphs');
  return { status: result?.status, findings: result?.findings.map((f) => [f.line, f.data]) ?? [] };
}

describe('paragraphs shared between units of a batch', () => {
  it('are found in each report that has them and listed once with all units', async () => {
    const dir = batchDir();
    const { ruleSet, categories } = await loadRules();
    const { files, shared } = await checkBatch(
      ['a.txt', 'b.txt', 'c.txt'].map((name) => ({ path: join(dir, name) })),
      ruleSet,
      { maxBytes: 1e6 },
      { jobs: 1, keepText: false, rules: undefined, config: null, cwd: dir },
    );
    expect(shared).toEqual([
      {
        excerpt: `${[...TEMPLATE('青柳县')].slice(0, 40).join('')}…`,
        units: ['青柳县', '白石县'],
        places: [
          { path: join(dir, 'a.txt'), line: 4 },
          { path: join(dir, 'b.txt'), line: 5 },
        ],
      },
    ]);
    expect(files.map(sharedFindings)).toEqual([
      { status: 'fail', findings: [[4, { units: '白石县', count: 2 }]] },
      { status: 'fail', findings: [[5, { units: '青柳县', count: 2 }]] },
      { status: 'pass', findings: [] },
    ]);
    const summary = formatTable(
      { tool: { name: 'fzcheck', version: '0' }, files, rules: [], categories, sharedParagraphs: shared },
      { color: false, verbose: false, width: 80, summaryOnly: true },
    );
    expect(summary).toContain(
      '多家单位基本相同的段落（1 段，疑为相互套用）\n  1. “青柳县坚持把法治政府建设摆在全局工作的突出位置，成立由主要负责同志任组长的\n',
    );
    expect(summary).toContain('     青柳县、白石县（2家）\n');
  });

  it('come the same way through the real bin, in JSON and in the table', () => {
    const dir = batchDir();
    const json = JSON.parse(runCli(['check', dir, '-f', 'json', '--jobs', '2']).stdout);
    expect(json.summary.sharedParagraphs.map((item: { units: string[] }) => item.units)).toEqual([
      ['青柳县', '白石县'],
    ]);
    const table = runCli(['check', dir]).stdout;
    expect(table).toContain('  i 提示 第4行 本段与白石县的报告基本相同（2家单位共用）');
    expect(table.match(/青柳县、白石县（2家）/g)).toHaveLength(1);
  });

  it('are not compared for a single report', () => {
    const dir = batchDir();
    const json = JSON.parse(runCli(['check', join(dir, 'a.txt'), '-f', 'json']).stdout);
    const result = json.files[0].results.find(
      (r: { ruleId: string }) => r.ruleId === 'history/shared-paragraphs',
    );
    expect(result.status).toBe('skip');
    expect(json.summary.sharedParagraphs).toEqual([]);
  });
});
