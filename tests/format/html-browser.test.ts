// The HTML report in real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core):
// renders without console errors or network requests, highlights sit on the right words, the
// tooltip shows message and basis, and screenshots go to test-artifacts/.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/format/html.js';
import { runBin } from '../support/run-bin.js';
import { FORMAT_OPTIONS, SAMPLE_TEXT, sampleRun } from '../support/sample-run.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `跳过 HTML 浏览器测试：没有 ${CHROMIUM}（安装：apt-get install -y --no-install-recommends chromium；.ci/run 会自动安装）`,
  );
}

interface Loaded {
  readonly page: Page;
  readonly problems: string[]; // console errors, page errors and any network request
}

describe.skipIf(!hasChromium)(
  'HTML report in headless Chromium (skipped when /usr/bin/chromium is absent)',
  () => {
    let browser: Browser;
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-html-'));

    beforeAll(async () => {
      // playwright starts Chromium with a fresh temporary --user-data-dir of its own.
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
      mkdirSync(ARTIFACTS, { recursive: true });
    });
    afterAll(async () => {
      await browser?.close();
    });

    async function open(html: string, name: string): Promise<Loaded> {
      const file = join(dir, name);
      writeFileSync(file, html);
      const url = pathToFileURL(file).href;
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      page.on('request', (request) => {
        if (request.url() !== url) problems.push(`request: ${request.url()}`);
      });
      await page.goto(url, { waitUntil: 'load' });
      return { page, problems };
    }

    /** For each finding key: the text of its marks, joined in document order. */
    async function highlighted(page: Page, scope: string): Promise<Record<string, string>> {
      const marks = await page
        .locator(`${scope} mark.fz`)
        .evaluateAll((elements) =>
          elements.map((mark) => [mark.getAttribute('data-f') ?? '', mark.textContent ?? '']),
        );
      const out: Record<string, string> = {};
      for (const [keys, text] of marks)
        for (const key of keys!.split(' ')) out[key] = (out[key] ?? '') + text;
      return out;
    }

    it('renders the sample run with highlights on the right words and a working tooltip', async () => {
      const run = sampleRun();
      const { page, problems } = await open(formatHtml(run, FORMAT_OPTIONS), 'sample.html');
      expect(await page.locator('#r1 .doc').textContent()).toBe(SAMPLE_TEXT);

      const marks = await highlighted(page, '#r1');
      const codePoints = Array.from(SAMPLE_TEXT);
      const findings = run.files[0]!.results.filter(
        (r) => r.status !== 'pass' && r.status !== 'skip',
      ).flatMap((r) => r.findings);
      expect(Object.keys(marks)).toHaveLength(findings.length);
      findings.forEach((finding, i) => {
        const text = marks[`r1-f${i + 1}`];
        expect(text).toBe(codePoints.slice(finding.offset, finding.endOffset).join(''));
        if (finding.endOffset > finding.offset) expect(text).toBe(finding.excerpt);
      });
      expect(marks['r1-f4']).toBe('溪镇');
      expect(marks['r1-f3']).toBe('下步');

      const tip = page.locator('#fz-tip');
      await expect.poll(() => tip.isHidden()).toBe(true);
      await page.locator('#r1-f4').hover();
      await expect.poll(() => tip.isVisible()).toBe(true);
      expect(await tip.textContent()).toContain(
        '文首（标题部分）（第1行）：地名"溪镇"前有生僻字, 请核对：100%',
      );
      expect(await tip.textContent()).toContain('依据：《党政机关公文格式》（GB/T 9704-2012）');
      await page.locator('#r1-f3').click();
      const both = await tip.textContent();
      expect(both).toContain('“下步”应为“下一步”');
      expect(both).toContain('缺少“存在的不足”');
      expect(both).toContain('建议：存在的不足和原因');
      await page.keyboard.press('Escape');
      await expect.poll(() => tip.isHidden()).toBe(true);

      expect(await page.locator('#r1 svg.chart rect.track').count()).toBe(3);
      expect(await page.locator('table.heat tbody tr').count()).toBe(3);
      await page.locator('#r1-f3').hover();
      await page.screenshot({ path: new URL('html-sample.png', ARTIFACTS).pathname, fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    });

    it('renders a real batch from the CLI, highlights matching the JSON findings', async () => {
      const reports = ['good-county-2022.txt', 'partial-town-2023.txt', '报告/石桥街道-2022.txt'];
      const cwd = new URL('../../fixtures/batch/', import.meta.url).pathname;
      const htmlFile = join(dir, 'batch.html');
      const jsonFile = join(dir, 'batch.json');
      // --jobs 2 starts a worker even for three files: the text must survive the thread boundary.
      const result = runBin(
        ['check', ...reports, '--jobs', '2', '-f', `html=${htmlFile}`, '-f', `json=${jsonFile}`],
        cwd,
      );
      expect(result.status).toBe(1);
      const json = JSON.parse(readFileSync(jsonFile, 'utf8')) as {
        files: Array<{
          results: Array<{
            status: string;
            findings: Array<{ offset: number; endOffset?: number; excerpt: string }>;
          }>;
        }>;
      };
      const { page, problems } = await open(readFileSync(htmlFile, 'utf8'), 'batch-copy.html');
      for (const [i, report] of reports.entries()) {
        const text = readFileSync(join(cwd, report), 'utf8');
        expect(await page.locator(`#r${i + 1} .doc`).textContent()).toBe(text);
        const marks = await highlighted(page, `#r${i + 1}`);
        const findings = json.files[i]!.results.filter(
          (r) => r.status !== 'pass' && r.status !== 'skip',
        ).flatMap((r) => r.findings);
        expect(Object.keys(marks)).toHaveLength(findings.length);
        findings.forEach((finding, k) => {
          const marked = marks[`r${i + 1}-f${k + 1}`]!;
          // The excerpt is the marked text with whitespace collapsed, cut at 40 characters.
          const collapsed = marked.replace(/\s+/g, ' ').trim();
          if (marked !== '')
            expect(finding.excerpt.replace(/…$/, '')).toBe(Array.from(collapsed).slice(0, 40).join(''));
        });
      }
      expect(await page.locator('table.ranking tbody tr').count()).toBe(3);
      await page.screenshot({ path: new URL('html-batch.png', ARTIFACTS).pathname, fullPage: true });
      expect(problems).toEqual([]);
      await page.close();
    });
  },
);
