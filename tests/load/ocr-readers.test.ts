// The OCR readers on the committed scans of two invented reports (fixtures/inputs/scans, made by
// scripts/make-ocr-fixtures.ts): what the loader produces, what the parser then finds, and how
// close the recognised text is to the text the pages were printed from. The accuracy floors are
// the measured accuracy less a margin for other CPUs (measured: PNG 1.000, photo 1.000, PDF 0.996).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../src/load/load-source.js';
import { parseDocument } from '../../src/parse/parse-document.js';
import { charAccuracy } from '../support/char-accuracy.js';

const DIR = new URL('../../fixtures/inputs/scans/', import.meta.url).pathname;
const OPTIONS = { maxBytes: 20 * 1024 * 1024 };
const OCR_TIMEOUT = 120_000;

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

async function read(scan: string, original: string) {
  const source = await loadFile(DIR + scan, OPTIONS);
  const truth = readFileSync(DIR + original, 'utf8');
  const document = parseDocument(source.text, source.meta);
  const expected = parseDocument(truth, {});
  const headings = (d: typeof document) => d.headings.map((h) => `${h.level} ${h.marker}${h.title}`);
  return {
    source,
    truth,
    document,
    expected,
    headings: headings(document),
    expectedHeadings: headings(expected),
  };
}

describe('scanned pages through OCR', () => {
  it(
    'a PNG scan with a red seal over the signature reads back as the text it was printed from',
    async () => {
      const { source, truth, document, headings, expectedHeadings } = await read(
        'yunxi-town-2023.png',
        'yunxi-town-2023.txt',
      );
      expect([source.format, source.encoding]).toEqual(['image', 'ocr']);
      expect(document.identity.year).toBe(2023);
      expect(document.identity.title).toBe('云溪镇2023年度法治政府建设情况报告');
      expect(headings).toEqual(expectedHeadings);
      expect(charAccuracy(truth, source.text)).toBeGreaterThanOrEqual(0.99);
      // the seal's own lettering is not read as text
      expect(source.text).not.toMatch(/云溪镇人民政府.*云溪镇人民政府/s);
    },
    OCR_TIMEOUT,
  );

  it(
    'a slanted, soft phone photo stored on its side (EXIF orientation 6) is turned upright first',
    async () => {
      const { source, truth, document, headings, expectedHeadings } = await read(
        'yunxi-town-2023.jpg',
        'yunxi-town-2023.txt',
      );
      expect([source.format, source.encoding]).toEqual(['image', 'ocr']);
      expect(document.identity.year).toBe(2023);
      expect(headings).toEqual(expectedHeadings);
      expect(charAccuracy(truth, source.text)).toBeGreaterThanOrEqual(0.99);
    },
    OCR_TIMEOUT,
  );

  it(
    'a two-page scanned PDF (no text layer, JPEG pages, seals over the text) keeps its paragraphs',
    async () => {
      const { source, truth, document, expected } = await read(
        'shiqiao-scjg-2022.scan.pdf',
        'shiqiao-scjg-2022.txt',
      );
      expect([source.format, source.encoding]).toEqual(['pdf', 'ocr']);
      expect(document.identity.year).toBe(2022);
      expect(document.identity.title).toBe('石桥县市场监督管理局2022年度法治政府建设工作报告');
      // Every heading is found at its level; the seal over “（二）推进包容审慎监管。” hides the 。
      // (read as ，), so that heading's title runs on into its first sentence.
      const outline = (d: typeof document) => d.headings.map((h) => `${h.level} ${h.marker}`);
      expect(outline(document)).toEqual(outline(expected));
      expect(
        document.headings.filter(
          (h) => !h.title.startsWith(expected.headings[document.headings.indexOf(h)]!.title),
        ),
      ).toEqual([]);
      expect(document.headings.filter((h) => h.level === 1).map((h) => h.title)).toEqual(
        expected.headings.filter((h) => h.level === 1).map((h) => h.title),
      );
      // every paragraph of the original is one line, as in the .txt (a page break does not split one)
      expect(lines(source.text)).toHaveLength(lines(truth).length);
      expect(charAccuracy(truth, source.text)).toBeGreaterThanOrEqual(0.985);
    },
    OCR_TIMEOUT,
  );
});
