import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const GOOD = 'fixtures/reports/good-county-2022.txt';
const NO_SHORTCOMINGS = 'fixtures/reports/missing-shortcomings-district-2021.txt';

function expectNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toMatch(/Error:/);
}

describe('fzcheck check', () => {
  it('prints a scored table and exits 0 for a complete report', () => {
    const run = runCli(['check', GOOD]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('清河县人民政府关于2022年度法治政府建设情况的报告');
    expect(run.stdout).toMatch(/得分 100\.0 \/ 100 {2}优秀/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('exits 1 when a statutory part is missing (an error-level finding)', () => {
    const run = runCli(['check', NO_SHORTCOMINGS]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '〔法定内容〕\n  ✗ 缺失 第3行  未找到“存在的不足”部分，无法检查“不足的原因”\n' +
        '  ✗ 缺失 第15行 缺少“存在的不足”：建议在本行之前增加标题“存在的不足和原因”\n',
    );
    expect(run.stdout).not.toContain('statutory/shortcomings');
    expect(runCli(['check', NO_SHORTCOMINGS, '--verbose']).stdout).toContain('statutory/shortcomings');
  });

  it('honours --fail-on never and --min-score', () => {
    expect(runCli(['check', NO_SHORTCOMINGS, '--fail-on', 'never']).code).toBe(0);
    expect(runCli(['check', GOOD, '--min-score', '101']).code).toBe(1);
    expect(runCli(['check', GOOD, '--min-score', '90']).code).toBe(0);
  });

  it('lists passing rules with evidence in --verbose', () => {
    const run = runCli(['check', GOOD, '--verbose']);
    expect(run.stdout).toContain('✓ 满足');
    expect(run.stdout).toMatch(/第7行 标题：（一）党政主要负责人/);
  });

  it('reads stdin with -', () => {
    const run = runCli(['check', '-', '--format', 'json'], { input: readFileSync(GOOD) });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.files[0].path).toBe('<stdin>');
    expect(json.files[0].report.year).toBe(2022);
  });

  it('gives a one-line Chinese error and exit 2 for a missing file, still checking the others', () => {
    const run = runCli(['check', 'no-such-report.txt', GOOD, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('fzcheck: no-such-report.txt: 文件不存在\n');
    const json = JSON.parse(run.stdout);
    expect(json.files.map((f: { error: unknown }) => f.error)).toEqual([
      { code: 'not-found', message: '文件不存在' },
      null,
    ]);
    expect(json.summary).toMatchObject({ files: 2, errors: 1, meanScore: 100 });
  });

  it.each([
    [['check', GOOD, '--bogus'], /未知选项 --bogus/],
    [['check'], /缺少要检查的文件/],
    [['check', GOOD, '--format', 'yaml'], /未知的输出格式“yaml”/],
    [['check', GOOD, '--year', '20x'], /--year 的值“20x”无效/],
    [['check', GOOD, '--subject-type', 'city'], /选项取值无效/],
    [['inspect', GOOD], /未知命令/],
  ])('exit 2 with a Chinese message for %j', (args, message) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expectNoStackTrace(run.stderr);
  });

  it('never writes to its input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-'));
    const copy = join(dir, 'report.txt');
    writeFileSync(copy, readFileSync(GOOD));
    const before = readFileSync(copy);
    runCli(['check', copy]);
    expect(readFileSync(copy).equals(before)).toBe(true);
  });
});

describe('JSON contract (version 1)', () => {
  const json = JSON.parse(runCli(['check', NO_SHORTCOMINGS, '--format', 'json']).stdout);

  it('has the documented top-level shape', () => {
    expect(Object.keys(json)).toEqual(['version', 'tool', 'files', 'summary']);
    expect(json.version).toBe(1);
    expect(json.tool).toEqual({ name: 'fzcheck', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(json.summary).toEqual({
      files: 1,
      errors: 0,
      meanScore: json.files[0].score,
      findings: { error: expect.any(Number), warning: expect.any(Number), info: expect.any(Number) },
      sharedParagraphs: [],
    });
  });

  it('describes each file with source, report, score, grade and results', () => {
    const file = json.files[0];
    for (const key of ['path', 'error', 'source', 'report', 'score', 'grade', 'results'])
      expect(file).toHaveProperty(key);
    expect(file.source).toEqual({ format: 'txt', encoding: 'utf-8', publisher: null });
    expect(file.report).toMatchObject({
      kind: 'annual-report',
      title: '东湖区2021年度法治政府建设情况报告',
      year: 2021,
      subject: '东湖区',
      subjectType: 'government',
      publishedAt: null,
    });
    expect(typeof file.score).toBe('number');
    expect(file.grade).toMatch(/^(优秀|良好|合格|不合格)$/);
  });

  it('gives every result and finding the contract keys', () => {
    const result = json.files[0].results.find(
      (r: { ruleId: string }) => r.ruleId === 'statutory/shortcomings',
    );
    expect(result).toMatchObject({
      ruleId: 'statutory/shortcomings',
      title: '存在的不足',
      category: 'statutory',
      level: 'error',
      status: 'fail',
      weight: 12,
      earned: 0,
      statutory: true,
      messageId: 'missing',
      message: '未找到“存在的不足”部分',
    });
    expect(result.findings[0]).toEqual({
      ruleId: 'statutory/shortcomings',
      level: 'error',
      messageId: 'missingWhere',
      data: { line: 15, suggested: '存在的不足和原因' },
      message: '缺少“存在的不足”：建议在本行之前增加标题“存在的不足和原因”',
      line: 15,
      column: 1,
      endLine: 15,
      endColumn: 10,
      offset: expect.any(Number),
      excerpt: '二、下一步工作打算',
      suggestion: '存在的不足和原因',
      location: {
        part: '二、下一步工作打算',
        heading: '二、下一步工作打算',
        paragraph: null,
        firstWords: '二、下一步工作打算',
      },
      baseline: null,
    });
  });
});
