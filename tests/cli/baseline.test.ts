// CI baselines through the real bin: --write-baseline records today's findings, --baseline fails
// only on new ones; a finding whose line moved is still known.

import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const REPORT = readFileSync('fixtures/reports/missing-shortcomings-district-2021.txt', 'utf8');

function workspace(text = REPORT): string {
  const dir = mkdtempSync(join(tmpdir(), 'fzcheck-baseline-'));
  writeFileSync(join(dir, '报告.txt'), text);
  return dir;
}

function baselineFlags(dir: string, args: string[] = []): boolean[] {
  const run = runCli(['check', '报告.txt', '--baseline', 'fzcheck-baseline.json', '-f', 'json', ...args], {
    cwd: dir,
  });
  return JSON.parse(run.stdout).files[0].results.flatMap(
    (result: { findings: Array<{ baseline: boolean }> }) =>
      result.findings.map((finding) => finding.baseline),
  );
}

describe('--write-baseline and --baseline', () => {
  it('records today’s findings atomically, the same bytes each time, and exits 0', () => {
    const dir = workspace();
    expect(runCli(['check', '报告.txt'], { cwd: dir }).code).toBe(1);
    const write = runCli(['check', '报告.txt', '--write-baseline'], { cwd: dir });
    expect(write.code).toBe(0);
    expect(write.stderr).toBe('fzcheck: 已写入基线 fzcheck-baseline.json：14 处问题\n');
    const first = readFileSync(join(dir, 'fzcheck-baseline.json'), 'utf8');
    runCli(['check', '报告.txt', '--write-baseline', 'ci/基线.json'], { cwd: dir });
    expect(readFileSync(join(dir, 'ci', '基线.json'), 'utf8')).toBe(first);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const baseline = JSON.parse(first);
    expect(baseline.version).toBe(1);
    expect(Object.keys(baseline.files)).toEqual(['报告.txt']);
    expect(baseline.files['报告.txt'][0]).toEqual({
      ruleId: 'duties/first-responsible-evidence',
      messageId: 'tooFew',
      part: '', // something missing is keyed without its place
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      message: '只提及3项（学法、研究部署、听取汇报），至少需要4项',
      count: 1,
    });
  });

  it('passes with every finding known, also after lines moved', () => {
    const dir = workspace();
    runCli(['check', '报告.txt', '--write-baseline'], { cwd: dir });
    expect(runCli(['check', '报告.txt', '--baseline', 'fzcheck-baseline.json'], { cwd: dir }).code).toBe(0);
    expect(new Set(baselineFlags(dir))).toEqual(new Set([true]));
    const lines = REPORT.split('\n');
    const moved = [lines[0], '', '', ...lines.slice(1, 8), '', ...lines.slice(8)].join('\n');
    writeFileSync(join(dir, '报告.txt'), moved);
    const flags = baselineFlags(dir);
    expect(flags.length).toBe(14);
    expect(new Set(flags)).toEqual(new Set([true]));
  });

  it('fails on a new finding only, and marks it new in JSON and the table', () => {
    const dir = workspace();
    runCli(['check', '报告.txt', '--write-baseline'], { cwd: dir });
    writeFileSync(
      join(dir, '报告.txt'),
      REPORT.replace('一、主要举措和成效\n', '一、主要举措和成效\n截止年底，全区完成清理。\n'),
    );
    const flags = baselineFlags(dir);
    expect(flags.filter((known) => !known)).toHaveLength(1);
    const table = runCli(
      ['check', '报告.txt', '--baseline', 'fzcheck-baseline.json', '--fail-on', 'warning'],
      {
        cwd: dir,
      },
    );
    expect(table.code).toBe(1);
    expect(table.stdout).toContain('［新］“截止”应为“截至”');
    expect(table.stdout).toContain('基线 已记录 14 处   新 1 处\n');
    // Without the new finding's level in --fail-on, the known errors do not fail the run.
    expect(runCli(['check', '报告.txt', '--baseline', 'fzcheck-baseline.json'], { cwd: dir }).code).toBe(0);
  });

  it('counts identical findings: a second one is new', () => {
    const dir = workspace(
      REPORT.replace('一、主要举措和成效\n', '一、主要举措和成效\n截止年底，全区完成清理。\n'),
    );
    runCli(['check', '报告.txt', '--write-baseline'], { cwd: dir });
    writeFileSync(
      join(dir, '报告.txt'),
      REPORT.replace(
        '一、主要举措和成效\n',
        '一、主要举措和成效\n截止年底，全区完成清理。\n截止年底，全区完成清理。\n',
      ),
    );
    expect(baselineFlags(dir).filter((known) => !known)).toHaveLength(1);
  });

  it.each([
    ['{"files": {}}', /^fzcheck: 基线文件“fzcheck-baseline.json”无法使用：不是 fzcheck 的基线文件/],
    ['not json', /^fzcheck: 基线文件“fzcheck-baseline.json”无法使用：不是有效的 JSON\n$/],
    [null, /^fzcheck: 无法读取基线文件“fzcheck-baseline.json”：文件不存在（先用 --write-baseline 生成）\n$/],
  ])('exits 2 with one Chinese line for a baseline file %j', (content, message) => {
    const dir = workspace();
    if (content !== null) writeFileSync(join(dir, 'fzcheck-baseline.json'), content);
    const run = runCli(['check', '报告.txt', '--baseline', 'fzcheck-baseline.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(dir, '报告.txt'))).toBe(true);
  });
});
