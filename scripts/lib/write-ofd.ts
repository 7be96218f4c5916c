// Writes a plain-text report as an OFD package (GB/T 33190-2016) laid out like a GB/T 9704 公文:
// A4 pages, the title centred in a larger size, every paragraph indented two characters and wrapped
// at 28 characters, one TextObject per visual line (a TextCode with DeltaX for every glyph), and a
// "— N —" page number at the foot of each page. Used for test fixtures and by tests at run time.

import { writeZip } from './write-zip.js';

const NS = 'http://www.ofdspec.org/2016';
const PAGE_WIDTH = 210;
const PAGE_HEIGHT = 297;
const LEFT = 28;
const TEXT_WIDTH = 156;
const TOP = 37;
const BODY_SIZE = 5.6; // 三号, in millimetres
const TITLE_SIZE = 7.7; // 二号
const LINE_PITCH = 10.2;
const LINES_PER_PAGE = 22;

interface PlacedLine {
  readonly text: string;
  readonly x: number;
  readonly size: number;
}

/** The report's lines (one paragraph each; the first is the title) as an OFD file. */
export function writeOfd(report: string, title = 'report'): Buffer {
  const paragraphs = report.split('\n').filter((line) => line.trim() !== '');
  const placed: PlacedLine[] = [];
  for (const [i, paragraph] of paragraphs.entries()) {
    if (i === 0) {
      // One centred line, in 二号 or smaller if the title would not fit.
      const size = Math.min(TITLE_SIZE, round(TEXT_WIDTH / textWidth(paragraph, 1)));
      const width = textWidth(paragraph, size);
      placed.push({ text: paragraph, x: LEFT + (TEXT_WIDTH - width) / 2, size });
      continue;
    }
    for (const [n, line] of wrap(paragraph.trim(), TEXT_WIDTH - 2 * BODY_SIZE, TEXT_WIDTH).entries()) {
      placed.push({ text: line, x: n === 0 ? LEFT + 2 * BODY_SIZE : LEFT, size: BODY_SIZE });
    }
  }
  const pages: PlacedLine[][] = [];
  for (let i = 0; i < placed.length; i += LINES_PER_PAGE) pages.push(placed.slice(i, i + LINES_PER_PAGE));

  let id = 10;
  const pageXml = pages.map((lines, p) => {
    const objects = lines.map((line, row) => textObject(id++, line, TOP + row * LINE_PITCH));
    const number = `— ${p + 1} —`;
    const footer = { text: number, x: (PAGE_WIDTH - textWidth(number, BODY_SIZE)) / 2, size: BODY_SIZE };
    objects.push(textObject(id++, footer, PAGE_HEIGHT - 25));
    return `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="${NS}"><ofd:Content><ofd:Layer ID="${id++}">${objects.join('')}</ofd:Layer></ofd:Content></ofd:Page>`;
  });
  const pageList = pages
    .map((_, p) => `<ofd:Page ID="${id++}" BaseLoc="Pages/Page_${p}/Content.xml"/>`)
    .join('');
  return writeZip([
    {
      name: 'OFD.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="${NS}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>${title}</ofd:DocID><ofd:Title>${escapeXml(paragraphs[0] ?? '')}</ofd:Title><ofd:CreationDate>2022-02-18</ofd:CreationDate><ofd:Creator>fzcheck fixtures</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    },
    {
      name: 'Doc_0/Document.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="${NS}"><ofd:CommonData><ofd:MaxUnitID>${id}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>${pageList}</ofd:Pages></ofd:Document>`,
    },
    {
      name: 'Doc_0/PublicRes.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="${NS}" BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="仿宋" FamilyName="仿宋"/><ofd:Font ID="2" FontName="方正小标宋简体" FamilyName="方正小标宋简体"/></ofd:Fonts></ofd:Res>`,
    },
    ...pageXml.map((data, p) => ({ name: `Doc_0/Pages/Page_${p}/Content.xml`, data })),
  ]);
}

function textObject(id: number, line: PlacedLine, baseline: number): string {
  const glyphs = [...line.text];
  const deltas = glyphs.slice(0, -1).map((glyph) => round(glyphWidth(glyph, line.size)));
  const width = textWidth(line.text, line.size);
  const font = line.size === BODY_SIZE ? 1 : 2;
  return `<ofd:TextObject ID="${id}" Boundary="${round(line.x)} ${round(baseline - line.size)} ${round(width)} ${round(line.size * 1.2)}" Font="${font}" Size="${line.size}"><ofd:TextCode X="0" Y="${line.size}" DeltaX="${deltas.join(' ')}">${escapeXml(line.text)}</ofd:TextCode></ofd:TextObject>`;
}

/** Breaks a paragraph into lines: the first `firstWidth` wide (after the indent), the rest `width`. */
function wrap(paragraph: string, firstWidth: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const glyph of paragraph) {
    const room = lines.length === 0 ? firstWidth : width;
    const w = glyphWidth(glyph, BODY_SIZE);
    if (used + w > room + 0.01 && line !== '') {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += glyph;
    used += w;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function glyphWidth(glyph: string, size: number): number {
  return (glyph.codePointAt(0) ?? 0) <= 0xff ? size / 2 : size;
}

function textWidth(text: string, size: number): number {
  return [...text].reduce((sum, glyph) => sum + glyphWidth(glyph, size), 0);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
