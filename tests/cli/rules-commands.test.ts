import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/format/text-width.js';
import { ROOT, runCli } from '../support/run-cli.js';

const LOCAL_PACK = `pack: local
title: 本省要求
basis: 某省法治政府建设年度报告工作指引
category: statutory
rules:
  - id: local/legal-adviser-count
    kind: mention
    title: 写明法律顾问数量
    level: warning
    weight: 3
    match: text
    items:
      - name: 法律顾问数量
        patterns: ['法律顾问\\d+名|\\d+名法律顾问']
    examples:
      pass: ["聘请法律顾问3名。"]
      fail: ["发挥法律顾问作用。", "聘请法律顾问3名。"]
`;

describe('fzcheck rules and explain', () => {
  it('lists the rules for a year, most important category first', () => {
    const run = runCli(['rules', 'list', '--year', '2016']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('statutory/shortcomings');
    expect(run.stdout).not.toContain('enforcement/three-systems');
    expect(run.stdout.indexOf('报告识别')).toBeLessThan(run.stdout.indexOf('法定内容'));
  });

  it.each([80, 40])('lists the rules within %i columns, a long title wrapped under itself', (columns) => {
    const run = runCli(['rules', 'list'], { env: { COLUMNS: String(columns) } });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(columns);
    expect(run.stdout.replaceAll(/\n +/g, '')).toContain('党政主要负责人履行推进法治建设第一责任人职责情况');
    expect(lines.filter((line) => line.includes('statutory/first-responsible'))).toHaveLength(1);
  });

  it('explains a rule with its basis and examples', () => {
    const run = runCli(['explain', 'statutory/first-responsible']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('依据：《法治政府建设与责任落实督察工作规定》');
    expect(run.stdout).toContain('部分符合的例子：');
  });

  it('rejects an unknown rule id with exit 2', () => {
    const run = runCli(['explain', 'statutory/nope']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('未知的规则 id “statutory/nope”');
  });

  it('validates and tests a local pack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-pack-'));
    const file = join(dir, 'local.yaml');
    writeFileSync(file, LOCAL_PACK);
    expect(runCli(['rules', 'validate', file]).stdout).toBe(`✓ ${file}\n`);
    const run = runCli(['rules', 'test', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✓ local/legal-adviser-count pass #1');
    expect(run.stdout).toContain('✗ local/legal-adviser-count fail #2：实际为 pass');
    expect(run.stdout).toMatch(/\n2 passed, 1 failed\n$/);
  });

  it('validate reports broken files with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-pack-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, LOCAL_PACK.replace('level: warning', 'level: severe'));
    const run = runCli(['rules', 'validate', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}:9:12: “rules.0.level”的值不在允许范围内`);
  });
});

describe('config file', () => {
  function project(config: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-config-'));
    writeFileSync(join(dir, 'fzcheck.config.yaml'), config);
    writeFileSync(
      join(dir, 'report.txt'),
      readFileSync(join(ROOT, 'fixtures/reports/missing-shortcomings-district-2021.txt')),
    );
    return dir;
  }

  it('fzcheck init writes a starter config that loads, and refuses to overwrite it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-init-'));
    expect(runCli(['init'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'fzcheck.config.yaml'), 'utf8')).toContain('overrides:');
    writeFileSync(join(dir, 'report.txt'), readFileSync(join(ROOT, 'fixtures/reports/good-county-2022.txt')));
    expect(runCli(['check', 'report.txt'], { cwd: dir }).code).toBe(0);
    const again = runCli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已有配置文件');
  });

  it('turns rules off, changes level and weight, and sets thresholds', () => {
    const dir = project(
      'overrides:\n  statutory/shortcomings: { enabled: false }\n  statutory/shortcoming-causes: { level: info, weight: 0 }\nthresholds:\n  failOn: warning\n',
    );
    const run = runCli(['check', 'report.txt', '--format', 'json'], { cwd: dir });
    const results = JSON.parse(run.stdout).files[0].results;
    const byId = (id: string) => results.find((r: { ruleId: string }) => r.ruleId === id);
    expect(byId('statutory/shortcomings')).toMatchObject({ status: 'skip', message: '已在配置文件中关闭' });
    expect(byId('statutory/shortcoming-causes')).toMatchObject({ level: 'info', weight: 0 });
    expect(run.code).toBe(1); // failOn warning: the partial 第一责任人 finding is a warning
    expect(runCli(['check', 'report.txt', '--fail-on', 'never'], { cwd: dir }).code).toBe(0);
  });

  it('is found from a subdirectory', () => {
    const dir = project('thresholds:\n  minScore: 99\n');
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    writeFileSync(join(sub, 'r.txt'), readFileSync(join(ROOT, 'fixtures/reports/good-county-2022.txt')));
    expect(runCli(['check', 'r.txt'], { cwd: sub }).code).toBe(0);
    expect(runCli(['check', 'r.txt', '--min-score', '101'], { cwd: sub }).code).toBe(1);
  });

  it('sets the grade scale and the statutory gate; the table and the JSON say why a grade is capped', () => {
    // This report lacks its plan: 84.0 points, 良好 by points, 合格 through the gate.
    const withPlanMissing = (config: string) => {
      const dir = project(config);
      writeFileSync(
        join(dir, 'report.txt'),
        readFileSync(join(ROOT, 'fixtures/reports/missing-plan-department-2023.txt')),
      );
      return dir;
    };
    // Wide enough that the footer is one line (at 80 columns it wraps).
    const table = runCli(['check', 'report.txt', '--fail-on', 'never'], {
      cwd: withPlanMissing('rules: [default]\n'),
      env: { COLUMNS: '160' },
    });
    expect(table.stdout).toContain(
      '84.0 / 100  合格（按得分为良好；缺少法定内容“下一年度主要安排”，等级最高为合格）',
    );
    const json = (config: string) =>
      JSON.parse(runCli(['check', 'report.txt', '-f', 'json'], { cwd: withPlanMissing(config) }).stdout)
        .files[0];
    expect(json('rules: [default]\n').gradeCap).toEqual({
      reason: 'missingStatutory',
      pointsGrade: '良好',
      cap: '合格',
      rules: [{ ruleId: 'statutory/next-year-plan', title: '下一年度主要安排' }],
    });
    const off = json('grades:\n  statutoryGate: { missing: null }\n');
    expect([off.grade, off.gradeCap]).toEqual(['良好', null]);
    const scale = json(
      'grades:\n  scale: [{ label: 好, min: 70 }, { label: 差, min: 0 }]\n  statutoryGate: { missing: 差, partial: 好 }\n',
    );
    expect([scale.grade, scale.gradeCap.pointsGrade, scale.gradeCap.cap]).toEqual(['差', '好', '差']);
  });

  it('rejects a gate grade that is not on the scale, and a scale out of order', () => {
    const bad = runCli(['check', 'report.txt'], {
      cwd: project('grades:\n  statutoryGate: { missing: 及格 }\n'),
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('fzcheck.config.yaml:2:20: “及格”不是等级之一（优秀、良好、合格、不合格）');
    const order = runCli(['check', 'report.txt'], {
      cwd: project('grades:\n  scale: [{ label: 甲, min: 60 }, { label: 乙, min: 80 }]\n'),
    });
    expect(order.code).toBe(2);
    expect(order.stderr).toContain('等级须从高到低排列');
  });

  it('rejects unknown keys and unknown rule ids with their line', () => {
    const dir = project('overrides:\n  statutory/nope: { enabled: false }\nthreshold:\n  minScore: 50\n');
    const run = runCli(['check', 'report.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'fzcheck.config.yaml:3:1: 文件顶层有未知字段“threshold”（是否想写“thresholds”？）',
    );
    const ids = project('overrides:\n  statutory/nope: { enabled: false }\n');
    const idRun = runCli(['check', 'report.txt'], { cwd: ids });
    expect(idRun.code).toBe(2);
    expect(idRun.stderr).toContain('fzcheck.config.yaml:2:3: 未知的规则 id “statutory/nope”');
  });
});

describe('the worked example in docs/rules.md', () => {
  it('passes its own examples', () => {
    const run = runCli(['rules', 'test', 'fixtures/packs/province-example.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\n5 passed, 0 failed\n$/);
  });

  it('replaces the built-in deadline through its config', () => {
    const run = runCli([
      'check',
      'fixtures/reports/web-chrome-bureau-2024.txt',
      '--config',
      'fixtures/packs/province-example.config.yaml',
      '--format',
      'json',
    ]);
    const results = JSON.parse(run.stdout).files[0].results;
    const byId = (id: string) => results.find((r: { ruleId: string }) => r.ruleId === id);
    expect(byId('timeliness/publication-deadline').status).toBe('skip');
    expect(byId('province/department-deadline')).toMatchObject({ status: 'pass' });
    expect(byId('province/legal-adviser-figures')).toMatchObject({ status: 'fail' });
  });
});
