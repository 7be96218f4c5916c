// Lays a plain-text report out as a printed 公文 page (A4, 三号 body, title and 一、 headings in a
// sans face, first-line indents) and prints it to PDF with Debian's Chromium, then rasterises the
// pages with pdftoppm — how the OCR fixtures and the seed-report scan test make "paper" to scan.
// Needs /usr/bin/chromium, pdftoppm (poppler-utils) and a Chinese font (fonts-noto-cjk or
// fonts-wqy-zenhei).

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Whether this machine can render and rasterise reports. */
export function canRender(): boolean {
  if (!existsSync(CHROMIUM)) return false;
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

/** Options for the printed page. */
export interface PageStyle {
  readonly bodyPt?: number; // 16 = 三号
  readonly seal?: string; // the unit's name: a red seal over the signature and the lines above it
  readonly sealOverLine?: number; // also a seal over the text after this line (0-based)
}

/** The report as an HTML page laid out like a printed 公文. */
export function reportHtml(text: string, style: PageStyle = {}): string {
  const pt = style.bodyPt ?? 16;
  const lines = text
    .replace(/\r/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const seal = (css: string) =>
    style.seal ? `<div class="seal" style="${css}">${sealSvg(style.seal, 170)}</div>` : '';
  const signatureAt = lines.findIndex((line, i) => i >= lines.length - 2 && line.length < 20);
  const body = lines
    .map((line, i) => {
      let html: string;
      if (i === 0) html = `<h1>${escapeHtml(line)}</h1>`;
      else if (/^[一二三四五六七八九十]+、/.test(line)) html = `<h2>${escapeHtml(line)}</h2>`;
      else if (signatureAt >= 0 && i >= signatureAt) html = `<p class="sign">${escapeHtml(line)}</p>`;
      else html = `<p>${escapeHtml(line)}</p>`;
      if (i === signatureAt) html = `<div class="anchor">${seal('right:12mm;top:-22mm')}</div>${html}`;
      if (i === style.sealOverLine) html += `<div class="anchor">${seal('left:55mm;top:-18mm')}</div>`;
      return html;
    })
    .join('\n');
  return `<!doctype html><meta charset="utf-8"><style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: 'Noto Serif CJK SC', 'WenQuanYi Zen Hei', serif; font-size: ${pt}pt; line-height: 1.75; margin: 0; }
h1 { font-family: 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', sans-serif; font-size: ${pt * 1.35}pt; font-weight: normal; text-align: center; margin: 0 0 1em; }
h2 { font-family: 'Noto Sans CJK SC', 'WenQuanYi Zen Hei', sans-serif; font-size: ${pt}pt; font-weight: normal; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.sign { text-align: right; padding-right: 2em; }
.anchor { position: relative; height: 0; }
.seal { position: absolute; mix-blend-mode: multiply; }
</style>${body}`;
}

/** Prints an HTML page to PDF with headless Chromium. */
export async function printPdf(html: string, pdfPath: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html);
    await page.pdf({ path: pdfPath, format: 'A4', preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}

/** Rasterises every page of a PDF at `dpi` (pdftoppm): the page files in order. */
export function rasterize(pdfPath: string, dpi: number, format: 'png' | 'jpeg', quality = 90): string[] {
  const prefix = pdfPath.replace(/\.pdf$/, '-page');
  const args = ['-r', String(dpi), format === 'png' ? '-png' : '-jpeg'];
  if (format === 'jpeg') args.push('-jpegopt', `quality=${quality}`);
  execFileSync('pdftoppm', [...args, pdfPath, prefix]);
  const dir = join(prefix, '..');
  const stem = prefix.slice(dir.length + 1);
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${stem}-`))
    .sort(
      (a, b) => Number.parseInt(a.slice(stem.length + 1), 10) - Number.parseInt(b.slice(stem.length + 1), 10),
    )
    .map((name) => join(dir, name));
}

/** A round red seal (公章) as inline SVG: ring, star and the unit's name, for drawing over a page. */
export function sealSvg(name: string, size = 160): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
<defs><path id="arc" d="M 18 55 A 33 33 0 1 1 82 55"/></defs>
<g fill="none" stroke="rgba(215,25,30,0.85)" stroke-width="3.5"><circle cx="50" cy="50" r="46"/></g>
<polygon fill="rgba(215,25,30,0.85)" points="50,33 54.5,46 68,46 57,54 61,67 50,59 39,67 43,54 32,46 45.5,46"/>
<text font-family="Noto Sans CJK SC, WenQuanYi Zen Hei" font-size="12" fill="rgba(215,25,30,0.85)"><textPath href="#arc" startOffset="50%" text-anchor="middle">${name}</textPath></text>
</svg>`;
}
