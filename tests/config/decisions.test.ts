// fzcheck.decisions.yaml: validated with every problem at its line; applied by `check` so that the
// decided rule is no longer a gap, the score and grade follow (不适用 leaves the applicable weight,
// 已核实 counts as met), the reason is shown, and a finding-level decision moves only that finding.

import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { findDecisionsFile, parseDecisions, unknownRuleProblems } from '../../src/config/load-decisions.js';
import { ROOT, runCli } from '../support/run-cli.js';

async function problemsOf(text: string) {
  try {
    await parseDecisions('d.yaml', text);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => [p.line, p.message]);
    throw error;
  }
  return [];
}

describe('decisions file', () => {
  it('reads entries with the line each starts on', async () => {
    const decisions = await parseDecisions(
      'd.yaml',
      [
        '# 审阅决定',
        'decisions:',
        '  - report: 白鹭街道',
        '    rule: enforcement/three-systems',
        '    decision: 不适用',
        '    reason: 街道无行政执法权',
        '    date: 2025-03-02',
        '  - report: 报告.docx',
        '    rule: terms/standard-wording',
        '    decision: verified',
        '    reason: 引用原文件标题',
        "    date: '2025-03-03'",
        '    by: 李四',
        '    excerpt: 截止',
      ].join('\n'),
    );
    expect(decisions.entries).toEqual([
      {
        report: '白鹭街道',
        rule: 'enforcement/three-systems',
        kind: 'not-applicable',
        reason: '街道无行政执法权',
        date: '2025-03-02',
        by: null,
        excerpt: null,
        file: 'd.yaml',
        line: 3,
      },
      {
        report: '报告.docx',
        rule: 'terms/standard-wording',
        kind: 'verified',
        reason: '引用原文件标题',
        date: '2025-03-03',
        by: '李四',
        excerpt: '截止',
        file: 'd.yaml',
        line: 8,
      },
    ]);
    expect(unknownRuleProblems(decisions, new Set(['enforcement/three-systems']))).toEqual([
      {
        file: 'd.yaml',
        line: 8,
        column: 1,
        message: '没有 id 为“terms/standard-wording”的规则',
        hint: '规则 id 见 fzcheck rules list',
      },
    ]);
  });

  it('reports every schema problem at its line', async () => {
    expect(
      await problemsOf(
        [
          'decisions:',
          '  - report: 白鹭街道',
          '    rule: enforcement/three-systems',
          '    decision: 同意',
          '    reason: 理由',
          '    date: 2025-13-01',
          '  - report: 青石镇',
          '    rule: x/y',
          '    decision: 已核实',
          '    reasn: 拼错',
          '    date: 2025-01-01',
        ].join('\n'),
      ),
    ).toEqual([
      [4, '“decisions.0.decision”的值不在允许范围内'],
      [6, '“decisions.0.date”的格式不正确'],
      [7, '“decisions.1”缺少必填字段“reason”'],
      [10, '“decisions.1”有未知字段“reasn”'],
    ]);
    expect(await problemsOf('decisions:\n  - report: a\n    report: b\n')).toEqual([
      [3, 'YAML 语法错误：键重复'],
    ]);
    expect(await problemsOf('rules: []\n')).toEqual([
      [1, '文件顶层缺少必填字段“decisions”'],
      [1, '文件顶层有未知字段“rules”'],
    ]);
  });

  it('is found like the config, walking up', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-decisions-find-'));
    writeFileSync(join(dir, 'fzcheck.decisions.yaml'), 'decisions: []\n');
    expect(findDecisionsFile(join(dir, 'a', 'b'))).toBe(join(dir, 'fzcheck.decisions.yaml'));
  });
});

const REPORT = 'head-signature-date-street-2024.txt';

interface JsonResult {
  ruleId: string;
  status: string;
  weight: number;
  earned: number;
  findings: Array<{ excerpt: string; location: object }>;
  decision?: { kind: string; reason: string; date: string; source: { line: number } };
  undecided?: { status: string; earned: number };
  decided?: Array<{ excerpt: string; decision: { kind: string } }>;
}
interface JsonFile {
  score: number;
  grade: string;
  results: JsonResult[];
}

/** Checks the report in a folder of its own with the given decisions file. */
function checkWith(
  decisions: string | null,
  extra: readonly string[] = [],
): { code: number | null; file: JsonFile; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fzcheck-decisions-'));
  copyFileSync(join(ROOT, 'fixtures/reports', REPORT), join(dir, REPORT));
  if (decisions !== null) writeFileSync(join(dir, 'fzcheck.decisions.yaml'), decisions);
  const run = runCli(['check', REPORT, '-f', 'json', '--fail-on', 'warning', ...extra], { cwd: dir });
  const file = run.stdout ? (JSON.parse(run.stdout).files[0] as JsonFile) : (null as unknown as JsonFile);
  return { code: run.code, file, stderr: run.stderr };
}

function entry(fields: Record<string, string>): string {
  return `  - ${Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n    ')}\n`;
}

describe('decisions applied by check', () => {
  const plain = checkWith(null).file;
  const threeSystems = plain.results.find((result) => result.ruleId === 'enforcement/three-systems')!;
  const totals = plain.results.filter((r) => r.status !== 'skip');
  const earned = totals.reduce((sum, r) => sum + r.earned, 0);
  const possible = totals.reduce((sum, r) => sum + r.weight, 0);

  it('starts from a report whose 三项制度 is not met', () => {
    expect(threeSystems.status).toBe('fail');
    expect(threeSystems.findings).toHaveLength(1);
    expect(plain.score).toBe(Math.round((1000 * earned) / possible) / 10);
  });

  it('不适用 (by unit name) takes the rule out of the applicable weight', () => {
    const decided = checkWith(
      `decisions:\n${entry({ report: '白鹭街道', rule: 'enforcement/three-systems', decision: '不适用', reason: '街道无行政执法权', date: '2025-03-02' })}`,
    ).file;
    const result = decided.results.find((r) => r.ruleId === 'enforcement/three-systems')!;
    expect(result.status).toBe('skip');
    expect(result.earned).toBe(0);
    expect(result.findings).toEqual([]);
    expect(result.decision).toMatchObject({
      kind: 'not-applicable',
      reason: '街道无行政执法权',
      date: '2025-03-02',
      source: { line: 2 },
    });
    expect(result.undecided).toEqual({ status: 'fail', earned: threeSystems.earned });
    expect(result.decided).toHaveLength(1);
    const expected =
      Math.round((1000 * (earned - threeSystems.earned)) / (possible - threeSystems.weight)) / 10;
    expect(decided.score).toBe(expected);
  });

  it('已核实 (by file name) counts the rule as met', () => {
    const decided = checkWith(
      `decisions:\n${entry({ report: REPORT, rule: 'enforcement/three-systems', decision: '已核实', reason: '另附执法公示材料', date: '2025-03-02' })}`,
    ).file;
    const result = decided.results.find((r) => r.ruleId === 'enforcement/three-systems')!;
    expect(result.status).toBe('pass');
    expect(result.earned).toBe(threeSystems.weight);
    const expected =
      Math.round((1000 * (earned - threeSystems.earned + threeSystems.weight)) / possible) / 10;
    expect(decided.score).toBe(expected);
  });

  it('a decision on findings (by excerpt) moves those findings only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-decisions-excerpt-'));
    const text =
      '白鹭街道2024年度法治政府建设工作报告\n一、主要举措和成效\n截止12月底，办理案件3件。下步将继续推进。\n二、存在的不足\n截止目前仍有差距。\n';
    writeFileSync(join(dir, 'w.txt'), text);
    const check = () =>
      JSON.parse(runCli(['check', 'w.txt', '-f', 'json'], { cwd: dir }).stdout).files[0] as JsonFile;
    const before = check().results.find((r) => r.ruleId === 'terms/standard-wording')!;
    expect(before.findings.map((f) => f.excerpt)).toEqual(['截止', '下步', '截止']);
    writeFileSync(
      join(dir, 'fzcheck.decisions.yaml'),
      `decisions:\n${entry({ report: 'w.txt', rule: 'terms/standard-wording', decision: '已核实', reason: '原文件标题如此', date: '2025-03-02', excerpt: '截止' })}`,
    );
    const after = check();
    const result = after.results.find((r) => r.ruleId === 'terms/standard-wording')!;
    expect(result.status).toBe(before.status);
    expect(result.earned).toBe(before.earned);
    expect(result.findings.map((f) => f.excerpt)).toEqual(['下步']);
    expect(result.decided?.map((f) => [f.excerpt, f.decision.kind])).toEqual([
      ['截止', 'verified'],
      ['截止', 'verified'],
    ]);
  });

  it('decided findings no longer fail the run, and every format shows the decision', () => {
    const yaml = `decisions:\n${plain.results
      .filter((r) => r.findings.length > 0 && r.status !== 'pass' && r.status !== 'skip')
      .map((r) =>
        entry({ report: REPORT, rule: r.ruleId, decision: '已核实', reason: '逐条核实', date: '2025-03-02' }),
      )
      .join('')}`;
    expect(checkWith(null).code).toBe(1);
    const all = checkWith(yaml);
    expect(all.code).toBe(0);
    expect(all.file.score).toBe(100);
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-decisions-formats-'));
    copyFileSync(join(ROOT, 'fixtures/reports', REPORT), join(dir, REPORT));
    writeFileSync(join(dir, 'fzcheck.decisions.yaml'), yaml);
    for (const format of ['table', 'markdown', 'csv', 'html', 'junit', 'sarif']) {
      const out = runCli(['check', REPORT, '-f', format], { cwd: dir }).stdout;
      expect(out, format).toContain('逐条核实');
    }
  });

  it('refuses a decisions file with a problem, at its line', () => {
    const bad = checkWith(
      `decisions:\n${entry({ report: REPORT, rule: 'enforcement/three-sistems', decision: '不适用', reason: '无', date: '2025-03-02' })}`,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('fzcheck.decisions.yaml:2:1: 没有 id 为“enforcement/three-sistems”的规则');
  });
});
