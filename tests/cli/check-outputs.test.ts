// End-to-end through the real bin: several outputs in one run, deterministic json/sarif,
// thresholds and exit codes, batch order with and without worker threads.

import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../support/run-bin.js';

const REPORTS = new URL('../../fixtures/batch/', import.meta.url).pathname;
const GOOD = 'good-county-2022.txt';
const PARTIAL = 'partial-town-2023.txt';
const STREET = '报告/石桥街道-2022.txt';
const ALL = [GOOD, PARTIAL, STREET];

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'fzcheck-cli-'));
}

describe('fzcheck check: outputs', () => {
  it('writes several formats in one run: the bare one to stdout, name=path to files', () => {
    const dir = tempDir();
    const json = join(dir, 'out.json');
    const sarif = join(dir, 'nested/out.sarif');
    const csv = join(dir, 'out.csv');
    const result = runBin(
      [
        'check',
        ...ALL,
        '-f',
        'table',
        '-f',
        `json=${json}`,
        '--format',
        `sarif=${sarif}`,
        '-f',
        `csv=${csv}`,
      ],
      REPORTS,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('汇总（3 份报告，按得分排序）');
    expect(result.stdout).not.toContain('\u001b[');
    const parsed = JSON.parse(readFileSync(json, 'utf8')) as {
      files: Array<{ path: string; score: number }>;
    };
    expect(parsed.files.map((file) => file.path)).toEqual(ALL);
    const log = JSON.parse(readFileSync(sarif, 'utf8')) as {
      runs: Array<{ columnKind: string; results: unknown[] }>;
    };
    expect(log.runs[0]!.columnKind).toBe('unicodeCodePoints');
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
    expect(readFileSync(csv).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes nothing to stdout when every format goes to a file', () => {
    const dir = tempDir();
    const result = runBin(['check', GOOD, '-f', `markdown=${join(dir, 'summary.md')}`], REPORTS);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('## fzcheck 检查结果');
  });

  it('refuses two formats on stdout, an unknown format and one file twice (exit 2)', () => {
    const two = runBin(['check', GOOD, '-f', 'table', '-f', 'json'], REPORTS);
    expect(two.status).toBe(2);
    expect(two.stderr).toContain('只能有一种格式输出到标准输出');
    const unknown = runBin(['check', GOOD, '-f', 'xml'], REPORTS);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('未知的输出格式“xml”');
    const twice = runBin(['check', GOOD, '-f', 'json=a.json', '-f', 'sarif=a.json'], tempDir());
    expect(twice.status).toBe(2);
  });

  it('gives byte-identical json and sarif for identical input, with and without workers', () => {
    // Twelve files (four copies of each fixture) in a folder, so that the workers start.
    const folder = tempDir();
    const names: string[] = [];
    for (let copy = 1; copy <= 4; copy++) {
      for (const report of ALL) {
        const name = `${copy}-${report.replace('/', '-')}`;
        copyFileSync(join(REPORTS, report), join(folder, name));
        names.push(name);
      }
    }
    const outputs = [1, 2, 3].map((i) => {
      const dir = tempDir();
      const jobs = i === 3 ? ['--jobs', '1'] : ['--jobs', '2'];
      const args = [
        'check',
        ...names,
        ...jobs,
        '-f',
        `json=${join(dir, 'a.json')}`,
        '-f',
        `sarif=${join(dir, 'a.sarif')}`,
      ];
      expect(runBin(args, folder).status).toBe(1);
      return [readFileSync(join(dir, 'a.json')), readFileSync(join(dir, 'a.sarif'))] as const;
    });
    expect(outputs[1]![0].equals(outputs[0]![0])).toBe(true);
    expect(outputs[1]![1].equals(outputs[0]![1])).toBe(true);
    expect(outputs[2]![0].equals(outputs[0]![0])).toBe(true);
    expect(outputs[2]![1].equals(outputs[0]![1])).toBe(true);
    const files = (JSON.parse(outputs[0]![0].toString('utf8')) as { files: Array<{ path: string }> }).files;
    expect(files.map((file) => file.path)).toEqual(names);
  });

  it('counts columns in code points after 𠀀 (json column vs UTF-16 column)', () => {
    const result = runBin(['check', PARTIAL, '-f', 'json', '--fail-on', 'never'], REPORTS);
    expect(result.status).toBe(0);
    const text = readFileSync(join(REPORTS, PARTIAL), 'utf8');
    const json = JSON.parse(result.stdout) as {
      files: Array<{
        results: Array<{
          findings: Array<{ line: number; column: number; offset: number; excerpt: string }>;
        }>;
      }>;
    };
    const findings = json.files[0]!.results.flatMap((r) => r.findings);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      const codePoints = Array.from(text);
      const lineStart = codePoints.slice(0, finding.offset).lastIndexOf('\n') + 1;
      expect(finding.column).toBe(finding.offset - lineStart + 1);
    }
  });

  it('prints GitHub annotations, JUnit and Markdown for a batch', () => {
    const github = runBin(['check', ...ALL, '-f', 'github'], REPORTS);
    expect(
      github.stdout.split('\n').filter((line) => line.startsWith('::error file=partial-town-2023.txt,line='))
        .length,
    ).toBeGreaterThan(0);
    const junit = runBin(['check', ...ALL, '-f', 'junit'], REPORTS);
    const json = JSON.parse(runBin(['check', GOOD, '-f', 'json'], REPORTS).stdout) as {
      files: [{ results: unknown[] }];
    };
    const tests = 3 * json.files[0].results.length; // one test case per file × rule
    expect(junit.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(junit.stdout).toMatch(new RegExp(`\n<testsuites name="fzcheck" tests="${tests}" failures="[1-9]`));
    const markdown = runBin(['check', ...ALL, '-f', 'markdown', '--summary-only'], REPORTS);
    expect(markdown.stdout.split('\n').filter((line) => /^\| \d+ \|/.test(line))).toHaveLength(3);
    expect(markdown.stdout).not.toContain('| 状态 |');
  });

  it('shows no progress bar when stderr is not a terminal', () => {
    const result = runBin(['check', ...ALL, ...ALL, '-f', 'json', '--fail-on', 'never'], REPORTS);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe('fzcheck check: thresholds and exit codes', () => {
  it('exits 0 when thresholds are met', () => {
    expect(runBin(['check', GOOD, '--min-score', '50', '--fail-on', 'never'], REPORTS).status).toBe(0);
  });

  it('exits 1 for --min-score 101', () => {
    expect(runBin(['check', GOOD, '--min-score', '101'], REPORTS).status).toBe(1);
  });

  it('exits 1 when warnings exceed --max-warnings, 0 when they do not', () => {
    // The partial report has warning-level findings; with --fail-on never only the count decides.
    const json = JSON.parse(
      runBin(['check', PARTIAL, '-f', 'json', '--fail-on', 'never'], REPORTS).stdout,
    ) as {
      summary: { findings: { warning: number } };
    };
    const warnings = json.summary.findings.warning;
    expect(warnings).toBeGreaterThan(0);
    expect(
      runBin(['check', PARTIAL, '--fail-on', 'never', '--max-warnings', String(warnings - 1)], REPORTS)
        .status,
    ).toBe(1);
    expect(
      runBin(['check', PARTIAL, '--fail-on', 'never', '--max-warnings', String(warnings)], REPORTS).status,
    ).toBe(0);
  });

  it('exits 1 at the --fail-on level and 0 with never', () => {
    expect(runBin(['check', PARTIAL], REPORTS).status).toBe(1);
    expect(runBin(['check', PARTIAL, '--fail-on', 'never'], REPORTS).status).toBe(0);
  });

  it('exits 2 for a missing path, still reporting the other files', () => {
    const dir = tempDir();
    const result = runBin(
      ['check', GOOD, 'no-such-report.txt', '-f', `json=${join(dir, 'a.json')}`],
      REPORTS,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no-such-report.txt');
    const json = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')) as {
      files: Array<{ error: unknown }>;
    };
    expect(json.files.map((file) => file.error === null)).toEqual([true, false]);
  });

  it('exits 2 for a bad --max-warnings value', () => {
    expect(runBin(['check', GOOD, '--max-warnings', '-1'], REPORTS).status).toBe(2);
  });

  it('exits 2 when an output file cannot be written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocker'), '');
    const result = runBin(['check', GOOD, '-f', `json=${join(dir, 'blocker', 'out.json')}`], REPORTS);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('无法写入输出文件');
    expect(existsSync(join(dir, 'blocker', 'out.json'))).toBe(false);
  });
});
