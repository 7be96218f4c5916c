// The "checked when it lands" scenario in real Chromium (Debian's, driven by playwright-core): a
// new user starts `fzcheck serve` on an empty folder, uploads a Word report, sees its score, marks
// one finding 不适用 with a reason, and downloads the annotated .docx (one comment per remaining
// finding, which LibreOffice opens with those comments) and the workbook (three sheets). No
// console error (a CSP violation would be one) and no request leaves the server.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCommand } from '../support/has-command.js';
import { REPO_ROOT } from '../support/run-bin.js';
import { type ServeProcess, startServe } from '../support/serve-process.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);
const hasChromium = existsSync(CHROMIUM);
const hasSoffice = hasCommand('soffice');

interface JsonRun {
  files: Array<{ results: Array<{ status: string; findings: unknown[] }> }>;
}

/** Findings a comment is expected for: those of the rules not met. */
function remainingFindings(json: JsonRun): number {
  return json.files[0]!.results.filter(
    (result) => result.status !== 'pass' && result.status !== 'skip',
  ).reduce((count, result) => count + result.findings.length, 0);
}

describe.skipIf(!hasChromium)('fzcheck serve in Chromium (skipped without /usr/bin/chromium)', () => {
  let browser: Browser;
  let server: ServeProcess;
  let folder: string;
  const downloads = mkdtempSync(join(tmpdir(), 'fzcheck-serve-downloads-'));

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'fzcheck-serve-folder-'));
    server = await startServe([folder]);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The score `fzcheck check FILE -f json` gives, as the pages show it (one decimal). */
  function cliScore(file: string): string {
    const run = spawnSync(
      process.execPath,
      [join(REPO_ROOT, 'bin/fzcheck.js'), 'check', file, '-f', 'json'],
      {
        cwd: folder,
        encoding: 'utf8',
      },
    );
    return (JSON.parse(run.stdout) as { files: Array<{ score: number }> }).files[0]?.score.toFixed(1) ?? '';
  }

  it('uploads a Word report, marks a finding 不适用, and downloads the annotated copy and the workbook', async () => {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(server.origin)) problems.push(`request: ${request.url()}`);
    });

    await page.goto(server.url);
    await expect.poll(() => page.locator('#empty').isVisible()).toBe(true);
    await page.setInputFiles('#files', join(REPO_ROOT, 'fixtures/inputs/qinghe-sfj-2021.docx'));
    const row = page.locator('#reports tbody tr').first();
    // The page shows the score the CLI gives the same file (not a number pinned here).
    const expected = cliScore(join(REPO_ROOT, 'fixtures/inputs/qinghe-sfj-2021.docx'));
    await expect.poll(() => row.locator('td.pts').textContent(), { timeout: 20_000 }).toBe(expected);
    expect(await row.locator('td').first().textContent()).toBe('青禾区司法局');
    expect(readdirSync(folder)).toEqual(['qinghe-sfj-2021.docx']);
    await page.screenshot({ path: new URL('serve-list.png', ARTIFACTS).pathname, fullPage: true });

    await row.locator('a').click();
    await page.waitForURL(/\/report\?file=/);
    const before = (await (
      await page.request.get(`${server.origin}/download/json?file=qinghe-sfj-2021.docx`)
    ).json()) as JsonRun;
    const findingsBefore = remainingFindings(before);
    expect(findingsBefore).toBeGreaterThan(1);

    // The first finding whose rule has only this one: deciding it decides the rule.
    const target = page.locator('.acts[data-f] button[data-act="not-applicable"]').first();
    const key = await target.locator('..').getAttribute('data-f');
    expect(key).not.toBeNull();
    await target.click();
    await expect.poll(() => page.locator('#decide').isVisible()).toBe(true);
    await page.fill('#decide-reason', '本单位不承担该项工作');
    await Promise.all([page.waitForEvent('load'), page.click('#decide-ok')]);
    await expect
      .poll(() => page.locator('.decided').first().textContent())
      .toContain('不适用：本单位不承担该项工作');
    const decisions = readFileSync(join(folder, 'fzcheck.decisions.yaml'), 'utf8');
    expect(decisions).toContain('report: qinghe-sfj-2021.docx');
    expect(decisions).toContain('decision: 不适用');
    expect(decisions).toContain('reason: 本单位不承担该项工作');
    await page.screenshot({ path: new URL('serve-report.png', ARTIFACTS).pathname, fullPage: true });

    const after = (await (
      await page.request.get(`${server.origin}/download/json?file=qinghe-sfj-2021.docx`)
    ).json()) as JsonRun;
    const findingsAfter = remainingFindings(after);
    expect(findingsAfter).toBeLessThan(findingsBefore);

    const [docxDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download-docx')]);
    expect(docxDownload.suggestedFilename()).toBe('qinghe-sfj-2021.批注.docx');
    const docxPath = join(downloads, 'annotated.docx');
    await docxDownload.saveAs(docxPath);
    const parts = unzipSync(readFileSync(docxPath));
    const comments = strFromU8(parts['word/comments.xml']!);
    expect(comments.match(/<w:comment /g)?.length).toBe(findingsAfter);
    expect(comments).toContain('w:author="fzcheck"');
    expect(comments).not.toContain('本单位不承担该项工作');
    const document = strFromU8(parts['word/document.xml']!);
    expect(document.match(/<w:commentRangeStart /g)?.length).toBe(findingsAfter);
    expect(document.match(/<w:commentReference /g)?.length).toBe(findingsAfter);
    if (hasSoffice) {
      execFileSync('soffice', ['--headless', '--convert-to', 'odt', '--outdir', downloads, docxPath], {
        stdio: 'ignore',
        timeout: 120_000,
      });
      const odt = unzipSync(readFileSync(join(downloads, 'annotated.odt')));
      const content = strFromU8(odt['content.xml']!);
      expect(content.match(/<office:annotation[ >]/g)?.length).toBe(findingsAfter);
      expect(content.match(/<office:annotation-end /g)?.length).toBe(findingsAfter);
    }

    await page.goto(server.origin);
    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a[href="/download/xlsx"]'),
    ]);
    const xlsxPath = join(downloads, 'summary.xlsx');
    await xlsxDownload.saveAs(xlsxPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['排名', '问题清单', '热力图']);
    const ranking = workbook.getWorksheet('排名')!;
    expect(ranking.getRow(2).getCell(2).value).toBe('青禾区司法局');
    expect(ranking.getRow(2).getCell(8).value).toBe(1); // 已决定
    const list = workbook.getWorksheet('问题清单')!;
    expect(list.rowCount - 1).toBe(findingsAfter + 1); // the remaining findings and the decided one
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
