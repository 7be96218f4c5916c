// The command line as a reviewer meets it: help in Chinese within 80 columns, help for a bare
// command, -r before the files, and output as wide as COLUMNS (80 when piped).

import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/format/text-width.js';
import { runCli } from '../support/run-cli.js';
import { sharedPath } from '../support/shared-path.js';

const GOOD = 'fixtures/reports/good-county-2022.txt';
const SEED = sharedPath('seed/xinpu-2020-report.txt');
// English that commander would print: headings, [options], (choices: …), (default: …).
const ENGLISH = /\b(Usage|Options|Commands|Arguments|options|command|choices|default:|preset|display help)\b/;

function widest(text: string): number {
  return Math.max(0, ...text.split('\n').map(displayWidth));
}

describe('help', () => {
  it.each([
    [['--help']],
    [['check', '--help']],
    [['rules', '--help']],
    [['rules', 'list', '--help']],
    [['rules', 'validate', '--help']],
    [['explain', '--help']],
    [['init', '--help']],
    [['serve', '--help']],
    [['help', 'check']],
  ])('%j is Chinese, fits 80 columns and exits 0', (args) => {
    const run = runCli(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^用法： fzcheck /);
    expect(run.stdout).not.toMatch(ENGLISH);
    expect(widest(run.stdout)).toBeLessThanOrEqual(80);
  });

  it('gives examples under the program and the check command', () => {
    expect(runCli(['--help']).stdout).toContain('示例：\n  fzcheck check 报告.docx\n');
    expect(runCli(['check', '--help']).stdout).toContain(
      '  fzcheck check 报告/ --baseline fzcheck-baseline.json\n      CI：只有新问题才失败\n',
    );
  });

  it('names the allowed values in Chinese', () => {
    expect(runCli(['check', '--help']).stdout).toMatch(
      /--level <级别> +只显示该级别及以上的问题.*\n +（可选：error、warning、info）/,
    );
  });

  it.each([[[]], [['rules']]])('shows the help on stderr and exits 2 for the bare command %j', (args) => {
    const run = runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^用法： fzcheck /);
    expect(run.stderr).toContain('命令：');
  });
});

describe('options', () => {
  it('takes one pack per -r, so that -r before the files does not swallow them', () => {
    const run = runCli(['check', '-r', 'statutory', GOOD, '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.files.map((file: { path: string }) => file.path)).toEqual([GOOD]);
    expect(new Set(json.files[0].results.map((r: { ruleId: string }) => r.ruleId.split('/')[0]))).toEqual(
      new Set(['statutory']),
    );
  });

  it('accepts several packs with a comma or a repeated -r', () => {
    const ids = (args: string[]) =>
      new Set(
        JSON.parse(runCli(['check', ...args, GOOD, '-f', 'json']).stdout).files[0].results.map(
          (r: { ruleId: string }) => r.ruleId.split('/')[0],
        ),
      );
    expect(ids(['-r', 'statutory,style'])).toEqual(new Set(['statutory', 'style']));
    expect(ids(['-r', 'statutory', '-r', 'style'])).toEqual(new Set(['statutory', 'style']));
  });
});

describe.skipIf(!SEED)('width', () => {
  const seed = SEED as string;

  it('is 80 columns when piped, and COLUMNS when set', () => {
    const piped = runCli(['check', seed]).stdout;
    expect(widest(piped)).toBeLessThanOrEqual(80);
    expect(widest(piped)).toBeGreaterThan(70);
    const narrow = runCli(['check', seed], { env: { COLUMNS: '60' } }).stdout;
    expect(widest(narrow)).toBeLessThanOrEqual(60);
    expect(widest(narrow)).toBeGreaterThan(50);
    const wide = runCli(['check', seed], { env: { COLUMNS: '120' } }).stdout;
    expect(widest(wide)).toBeGreaterThan(80);
    expect(widest(wide)).toBeLessThanOrEqual(120);
  });

  it('lists the seed report at 80 columns in one line or two per finding, grouped by part', () => {
    const lines = runCli(['check', seed]).stdout.replace(/\n$/, '').split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    const headings = lines.filter((line) => /^(〔|[一二三四五六七八九十]+、)/.test(line));
    expect(headings).toEqual([
      '〔法定内容〕',
      '〔前后一致〕',
      '〔规范用语〕',
      '〔公文格式〕',
      '一、主要工作完成情况',
      '二、存在的问题',
      '三、下步工作打算',
    ]);
    // Each entry: a status line, at most one continuation line (indented to the text column).
    let continuation = 0;
    for (const line of lines) {
      if (/^ {2}[✗◐!i] /.test(line)) continuation = 0;
      else if (/^ {15,}\S/.test(line)) {
        continuation++;
        expect(continuation, line).toBe(1);
      }
    }
    expect(lines.length).toBeLessThanOrEqual(50);
    expect(lines).not.toContain(expect.stringMatching(/^ *(改法|依据)：/));
  });
});
