// Regenerates the scanned-report fixtures in fixtures/inputs/scans/ from the two reports written
// for them (shiqiao-scjg-2022.txt, yunxi-town-2023.txt): printed with Chromium, rasterised at
// 150 dpi with pdftoppm, then spoilt with ImageMagick as a scanner or a phone would.
// Run: npx tsx scripts/make-ocr-fixtures.ts
// Needs chromium, poppler-utils, imagemagick and fonts-noto-cjk (apt-get install -y …).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PageStyle, printPdf, rasterize, reportHtml } from './lib/render-report.js';
import { writeImagePdf } from './lib/write-image-pdf.js';

const DIR = new URL('../fixtures/inputs/scans/', import.meta.url).pathname;
const BAD = new URL('../fixtures/inputs/bad/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'fzcheck-scans-'));
const magick = (...args: string[]) => execFileSync('convert', args);

// Red seals over the signature (overlapping the last lines of text), as units stamp their reports.
async function pages(name: string, style: PageStyle): Promise<string[]> {
  const text = readFileSync(join(DIR, `${name}.txt`), 'utf8');
  const pdf = join(work, `${name}.pdf`);
  await printPdf(reportHtml(text, style), pdf);
  return rasterize(pdf, 150, 'png');
}

// ---- a two-page department report, scanned to PDF: slightly slanted, soft, noisy, JPEG pages ----
const shiqiao = await pages('shiqiao-scjg-2022', { seal: '石桥县市场监督管理局', sealOverLine: 3 });
const scanned = shiqiao.map((page, i) =>
  magick(
    page,
    '-colorspace',
    'sRGB',
    '-blur',
    '0x0.7',
    '-background',
    'white',
    '-rotate',
    i === 0 ? '0.8' : '-1.2',
    '-attenuate',
    '0.3',
    '+noise',
    'Gaussian',
    '-quality',
    '55',
    'jpg:-',
  ),
);
writeFileSync(
  join(DIR, 'shiqiao-scjg-2022.scan.pdf'),
  writeImagePdf(scanned.map((jpeg) => ({ jpeg, dpi: 150 }))),
);

// ---- a one-page township report: a clean scan as PNG, and a phone photo as JPEG ----
const [yunxi] = await pages('yunxi-town-2023', { seal: '云溪镇人民政府' });
if (!yunxi) throw new Error('no page rendered');
// 32 grey and red levels keep the PNG small without touching the text.
magick(yunxi, '-colorspace', 'sRGB', '-colors', '32', `PNG8:${join(DIR, 'yunxi-town-2023.png')}`);
// The photo: a little slanted and soft, uneven light, stored on its side with EXIF Orientation 6
// (the phone was held in landscape), as phones do.
const sideways = magick(
  yunxi,
  '-colorspace',
  'sRGB',
  '-background',
  'white',
  '-rotate',
  '1.6',
  '-blur',
  '0x1.0',
  '(',
  '+clone',
  '-sparse-color',
  'Barycentric',
  '0,0 gray90 %w,%h white',
  ')',
  '-compose',
  'Multiply',
  '-composite',
  '-rotate',
  '-90',
  '-quality',
  '60',
  'jpg:-',
);
writeFileSync(join(DIR, 'yunxi-town-2023.jpg'), withExifOrientation(sideways, 6));

// ---- broken pictures ----
const photo = readFileSync(join(DIR, 'yunxi-town-2023.jpg'));
writeFileSync(join(BAD, 'truncated.jpg'), photo.subarray(0, Math.floor(photo.length * 0.4)));
writeFileSync(join(BAD, 'not-a-picture.png'), '这不是图片，只是改了扩展名的文字。\n');
/** A JPEG with an APP1 Exif segment holding only the Orientation tag, inserted after its SOI marker. */
function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('II*\0', 0, 'latin1'); // little-endian TIFF header
  tiff.writeUInt32LE(8, 4); // first directory at byte 8
  tiff.writeUInt16LE(1, 8); // one entry
  tiff.writeUInt16LE(0x0112, 10); // Orientation
  tiff.writeUInt16LE(3, 12); // SHORT
  tiff.writeUInt32LE(1, 14); // one value
  tiff.writeUInt16LE(orientation, 18);
  tiff.writeUInt32LE(0, 22); // no next directory
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)]);
}

console.log(`scans written to ${DIR} (work files in ${work})`);
