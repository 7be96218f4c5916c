// Where output goes and what the command line accepts (issue 11, through the real bin): output
// files replaced whole, never over an input, a closed or full stdout, unreadable folders,
// control characters in names, strict numbers. Every refusal is one Chinese line and exit 2.

import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteField } from '../../src/format/csv.js';
import { printable } from '../../src/format/printable.js';
import { ROOT, runCli } from '../support/run-cli.js';

const GOOD = readFileSync(join(ROOT, 'fixtures/reports/good-county-2022.txt'), 'utf8');
const BIN = join(ROOT, 'bin/fzcheck.js');
const NOBODY = 65534;

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fzcheck-outputs-'));
  writeFileSync(join(dir, 'v.txt'), GOOD);
  return dir;
}

function expectOneChineseLine(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at |node:internal|Error:/);
  expect(stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
  expect(stderr).toMatch(/^fzcheck: .*\p{Script=Han}/u);
}

describe('output files', () => {
  it.each([
    ['the same name', ['check', 'v.txt', '-f', 'json=v.txt']],
    ['another spelling', ['check', 'v.txt', '-f', 'csv=./v.txt']],
    ['a folder it is in', ['check', '.', '-f', 'markdown=v.txt']],
    ['a rule pack', ['check', 'v.txt', '--rules', 'default', 'p.yaml', '-f', 'json=p.yaml']],
  ])('refuses an output that is an input (%s) and leaves it alone', (_, args) => {
    const dir = folder();
    const pack = readFileSync(join(ROOT, 'fixtures/packs/province-example.yaml'));
    writeFileSync(join(dir, 'p.yaml'), pack);
    const run = runCli(args, { cwd: dir });
    expect(run.code).toBe(2);
    expectOneChineseLine(run.stderr);
    expect(readFileSync(join(dir, 'v.txt'), 'utf8')).toBe(GOOD);
    expect(readFileSync(join(dir, 'p.yaml')).equals(pack)).toBe(true);
  });

  it('replaces an output file whole, leaving no temporary file', () => {
    const dir = folder();
    writeFileSync(join(dir, 'out.json'), 'old');
    expect(runCli(['check', 'v.txt', '-f', 'json=out.json'], { cwd: dir }).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).files[0].path).toBe('v.txt');
    expect(readdirSync(dir).sort()).toEqual(['out.json', 'v.txt']);
  });

  it.each([
    ['a folder', 'out', '输出路径“out”是一个目录，请给出文件名'],
    ['under a file', 'v.txt/x.json', '无法写入输出文件“v.txt/x.json”（路径中的'],
    ['under /proc', '/proc/self/nope/x.json', '无法写入输出文件“/proc/self/nope/x.json”'],
  ])('refuses an output path that is %s in one Chinese line', (_, target, message) => {
    const dir = folder();
    mkdirSync(join(dir, 'out'));
    const run = runCli(['check', 'v.txt', '-f', `json=${target}`], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expectOneChineseLine(run.stderr);
  });
});

/** Runs the bin with stdout closed by the reader before anything is written (EPIPE). */
function runWithClosedStdout(
  args: readonly string[],
  cwd: string,
): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('stdout', () => {
  const batch = () => {
    const dir = folder();
    for (let i = 0; i < 30; i++) writeFileSync(join(dir, `r${i}.txt`), GOOD);
    return dir;
  };

  it('ends with exit 2 and one Chinese line when the reader has gone (EPIPE)', async () => {
    const result = await runWithClosedStdout(['check', '.', '-f', 'json'], batch());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('fzcheck: 无法写入标准输出（管道已关闭），输出不完整');
    expectOneChineseLine(result.stderr);
  });

  it('ends with exit 2 and one Chinese line when the disk is full (ENOSPC)', () => {
    const fd = openSync('/dev/full', 'w');
    const result = spawnSync(process.execPath, [BIN, 'check', '.', '-f', 'json'], {
      cwd: batch(),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', fd, 'pipe'],
    });
    closeSync(fd);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('fzcheck: 无法写入标准输出（磁盘空间不足），输出不完整');
    expectOneChineseLine(result.stderr);
  });
});

describe('folders', () => {
  it('reports a folder it cannot read, with exit 2, and checks the rest', () => {
    const dir = folder();
    mkdirSync(join(dir, 'locked'));
    writeFileSync(join(dir, 'locked', 'a.txt'), GOOD);
    chmodSync(join(dir, 'locked'), 0o000);
    chmodSync(dir, 0o755);
    // Root reads any folder: the check runs as nobody then.
    const asNobody = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
    const result = spawnSync(process.execPath, [BIN, 'check', '.', '-f', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      ...asNobody,
    });
    chmodSync(join(dir, 'locked'), 0o755);
    expect(result.status).toBe(2);
    const files = (
      JSON.parse(result.stdout) as { files: Array<{ path: string; error: { code: string } | null }> }
    ).files;
    expect(files.map((file) => [file.path, file.error?.code ?? null])).toEqual([
      ['v.txt', null],
      ['locked', 'unreadable'],
    ]);
    expect(result.stderr).toContain('fzcheck: locked: 无法读取该目录（没有权限），其中的报告没有检查');
  });
});

describe('names on the terminal', () => {
  it('shows control characters of a file name escaped, in the table and on stderr', () => {
    const dir = folder();
    writeFileSync(join(dir, 'a\u001b[31mb.txt'), GOOD);
    writeFileSync(join(dir, 'c\u0007.txt'), '');
    const run = runCli(['check', '.'], { cwd: dir });
    expect(run.stdout).toContain('a\\x1B[31mb.txt');
    expect(run.stderr).toContain('fzcheck: c\\x07.txt: ');
    const output = `${run.stdout}${run.stderr}`;
    expect([output.includes('\u0007'), output.includes('\u001b')]).toEqual([false, false]);
  });

  it.each([
    ['plain', '普通文字', '普通文字'],
    ['ESC', 'a\u001b[2Jb', 'a\\x1B[2Jb'],
    ['C1 CSI', 'x\u009b31m', 'x\\x9B31m'],
    ['newline kept', '一\n二', '一\n二'],
  ])('printable: %s', (_, text, shown) => {
    expect(printable(text)).toBe(shown);
  });
});

describe('CSV cells', () => {
  it.each([
    ['=SUM(1+1).txt', "'=SUM(1+1).txt"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['=1,2', `"'=1,2"`],
    ['清河县', '清河县'],
  ])('neutralises %j', (value, cell) => {
    expect(quoteField(value)).toBe(cell);
  });
});

describe('numbers', () => {
  it.each([
    ['--jobs', '0x2', 2],
    ['--jobs', '1e0', 2],
    ['--jobs', ' 2', 2],
    ['--jobs', '', 2],
    ['--max-file-size', 'Infinity', 2],
    ['--max-file-size', '1_0', 2],
    ['--min-score', '+5', 2],
    ['--min-score', '60.', 2],
    ['--year', '２０２２', 2],
    ['--max-warnings', '-0', 2],
    ['--jobs', '2', 0],
    ['--max-file-size', '0.5', 0],
    ['--min-score', '60.5', 0],
  ])('%s=%j exits %i', (option, value, code) => {
    const dir = folder();
    const run = runCli(['check', 'v.txt', `${option}=${value}`], { cwd: dir });
    expect(run.code).toBe(code);
    if (code === 2) expect(run.stderr).toMatch(/^fzcheck: --[\w-]+ 的值“.*”无效，应为/);
  });
});

describe('a file with a huge finding', () => {
  it('is shown in the table clamped to its lines, and the good file beside it is checked', () => {
    const dir = folder();
    const lines = GOOD.split('\n');
    // An unfilled placeholder of 400,000 characters in the body: one finding quoting all of it.
    writeFileSync(
      join(dir, 'huge.txt'),
      [...lines.slice(0, 6), 'XX'.repeat(200_000), ...lines.slice(6)].join('\n'),
    );
    const run = runCli(['check', 'huge.txt', 'v.txt', '-f', 'table', '-f', 'json=out.json'], {
      cwd: dir,
      env: { COLUMNS: '80' },
    });
    expect(run.stderr).not.toMatch(/\n\s+at |结果太多/);
    expect(run.code).not.toBe(2);
    const paths = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).files.map(
      (file: { path: string; error: unknown }) => [file.path, file.error],
    );
    expect(paths).toEqual([
      ['huge.txt', null],
      ['v.txt', null],
    ]);
    expect(run.stdout).toContain('报告 v.txt');
    expect(run.stdout).toMatch(/未填写的占位符或起草标记“X+\n +X+…/);
    expect(Math.max(...run.stdout.split('\n').map((line) => line.length))).toBeLessThan(200);
  });
});
