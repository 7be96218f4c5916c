// The real published report in ../shared/seed, printed at run time (in a temporary folder, never
// committed) as a stamped, slightly slanted 公文, rasterised at 150 dpi into JPEG pages and bound
// into a PDF without a text layer — a scan as units send it. Through the real bin it must give
// the year and the statutory verdicts of the .txt. Needs Chromium, pdftoppm and a Chinese font,
// which .ci/run installs.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canRender, printPdf, rasterize, reportHtml } from '../../scripts/lib/render-report.js';
import { writeImagePdf } from '../../scripts/lib/write-image-pdf.js';
import { runCli } from '../support/run-cli.js';
import { sharedPath } from '../support/shared-path.js';

const SEED = sharedPath('seed/xinpu-2020-report.txt');
const renders = canRender();
if (!renders) {
  console.warn(
    '跳过种子报告扫描件测试：需要 /usr/bin/chromium、pdftoppm 和中文字体（apt-get install -y chromium poppler-utils fonts-wqy-zenhei；.ci/run 会自动安装）',
  );
}

interface JsonFile {
  error: { code: string; message: string } | null;
  source: { format: string; encoding: string } | null;
  report: { year: number } | null;
  results: Array<{ ruleId: string; status: string }>;
}

const statutory = (file: JsonFile | undefined) =>
  Object.fromEntries(
    (file?.results ?? []).filter((r) => r.ruleId.startsWith('statutory/')).map((r) => [r.ruleId, r.status]),
  );

describe.skipIf(!SEED || !renders)('the seed report as a scan', () => {
  it('a stamped, slanted scanned PDF gives the year and statutory verdicts of the .txt', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-seed-scan-'));
    const text = readFileSync(SEED as string, 'utf8');
    writeFileSync(join(dir, 'seed.txt'), text);
    const html = reportHtml(text, { seal: '新区人民政府', sealOverLine: 6 }).replace(
      '</style>',
      'body { transform: rotate(0.7deg); transform-origin: 0 0; }</style>',
    );
    await printPdf(html, join(dir, 'printed.pdf'));
    const pages = rasterize(join(dir, 'printed.pdf'), 150, 'jpeg', 60);
    expect(pages.length).toBeGreaterThan(3);
    writeFileSync(
      join(dir, 'seed.pdf'),
      writeImagePdf(pages.map((page) => ({ jpeg: readFileSync(page), dpi: 150 }))),
    );
    const run = runCli(['check', 'seed.txt', 'seed.pdf', '--format', 'json', '--fail-on', 'never'], {
      cwd: dir,
    });
    expect(run.stderr).toBe('');
    const [plain, scan] = JSON.parse(run.stdout).files as JsonFile[];
    expect(plain?.report?.year).toBe(2020);
    expect(Object.keys(statutory(plain))).toHaveLength(7);
    expect(scan?.source).toMatchObject({ format: 'pdf', encoding: 'ocr' });
    expect(scan?.report?.year).toBe(2020);
    expect(statutory(scan)).toEqual(statutory(plain));
  }, 300_000);
});
