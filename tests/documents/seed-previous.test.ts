// The real 2020 report (read where it lies in ../shared, never copied) checked against last
// year's "report": a copy of itself made at test time, with one plan item removed and one
// paragraph rewritten. The comparison must find the copied share and nothing else.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { sharedPath } from '../support/shared-path.js';

const SEED = sharedPath('seed/xinpu-2020-report.txt');

interface JsonResult {
  ruleId: string;
  status: string;
  data: Record<string, unknown>;
  findings: Array<{ line: number; messageId: string; data: Record<string, unknown> }>;
}

describe.skipIf(!SEED)('the seed report beside a near copy of itself as last year’s', () => {
  // The body of a skipped describe still runs (to collect its tests): read nothing then.
  const lines = SEED ? readFileSync(SEED, 'utf8').split('\n') : [];
  // The plan part's second item (its own line), and the sixth measure (六是…), rewritten.
  const planItem = lines.findIndex(
    (line) => /^[(（]二[)）]/.test(line) && lines.indexOf('三、下步工作打算') < lines.indexOf(line),
  );
  const rewritten = lines.findIndex((line) => line.startsWith('六是'));
  const lastYear = lines
    .map((line, i) =>
      i === rewritten
        ? '六是建设统一的法律服务热线平台，改造司法所视频会议系统，群众足不出户即可咨询法律问题，平台运行平稳有序，服务范围覆盖辖区各镇街道和社区。'
        : line,
    )
    .filter((_, i) => i !== planItem);
  const dir = mkdtempSync(join(tmpdir(), 'fzcheck-previous-'));
  const previous = join(dir, '2019年度报告.txt');
  writeFileSync(previous, lastYear.join('\n'));

  const results = (args: string[]): JsonResult[] => {
    const run = runCli(['check', SEED as string, ...args, '-f', 'json']);
    return JSON.parse(run.stdout).files[0].results;
  };
  const compared = results(['--previous', previous]);
  const alone = results([]);

  it('finds every paragraph but the rewritten and the removed one copied, and their share', () => {
    expect(planItem).toBeGreaterThan(0);
    expect(rewritten).toBeGreaterThan(0);
    const copied = compared.find((result) => result.ruleId === 'history/copied-text') as JsonResult;
    expect(copied.status).toBe('fail');
    const copiedLines = copied.findings.map((finding) => finding.line);
    expect(copiedLines).toEqual([8, 12, 14, 16, 18, 26, 28, 32, 34, 40]);
    expect(copiedLines).not.toContain(rewritten + 1);
    expect(copiedLines).not.toContain(planItem + 1);
    expect(copied.data).toEqual({ count: 10, share: 94 });
  });

  it('finds nothing else: every plan item reported, no figure repeated outside the copies', () => {
    const byId = new Map(compared.map((result) => [result.ruleId, result]));
    expect(byId.get('history/plan-followup')).toMatchObject({
      status: 'pass',
      findings: [],
      data: { total: 2 },
    });
    expect(byId.get('history/repeated-figures')).toMatchObject({ status: 'pass', findings: [] });
    // Every other rule comes out exactly as without --previous.
    const others = (list: JsonResult[]) =>
      list.filter(
        (result) =>
          !['history/copied-text', 'history/plan-followup', 'history/repeated-figures'].includes(
            result.ruleId,
          ),
      );
    expect(others(compared)).toEqual(others(alone));
  });

  it('names last year’s report in the table header', () => {
    const table = runCli(['check', SEED as string, '--previous', previous]).stdout;
    expect(table).toContain(`\n对照 ${previous}\n`);
    expect(table).toContain('本段与上一年度报告基本相同（全文约94%的文字与上年相同）（4处：第');
  });
});
