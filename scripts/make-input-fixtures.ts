// Regenerates the binary input fixtures in fixtures/inputs/ from the two fixture reports written
// for this project (qinghe-sfj-2021.txt, liutang-town-2019.txt). Run: npx tsx scripts/make-input-fixtures.ts
// The PDF and the .doc need LibreOffice (soffice); without it those files are left as they are.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeOfd } from './lib/write-ofd.js';
import { writeZip } from './lib/write-zip.js';

const DIR = new URL('../fixtures/inputs/', import.meta.url).pathname;
const BAD = join(DIR, 'bad');
const ARCHIVES = join(DIR, 'archives');
mkdirSync(BAD, { recursive: true });
mkdirSync(ARCHIVES, { recursive: true });

const qinghe = readFileSync(join(DIR, 'qinghe-sfj-2021.txt'), 'utf8');
const liutang = readFileSync(join(DIR, 'liutang-town-2019.txt'), 'utf8');

// ---- GBK text ----
writeFileSync(join(DIR, 'liutang-town-2019.gbk.txt'), encodeGbk(liutang));

// ---- docx with real heading styles ----
type Block = { text: string; style?: 'Title' | 'h1' | 'h2' | 'h3' } | { table: string[][] };

const qingheBlocks: Block[] = [];
for (const [i, line] of lines(qinghe).entries()) {
  if (i === 0) qingheBlocks.push({ text: line, style: 'Title' });
  else if (/^[一二三四五六七八九十]、/.test(line)) qingheBlocks.push({ text: line, style: 'h1' });
  else if (/^（[一二三四五六七八九十]）/.test(line)) qingheBlocks.push({ text: line, style: 'h2' });
  else qingheBlocks.push({ text: line });
  if (line.startsWith('全年收到行政复议申请')) {
    qingheBlocks.push({
      table: [
        ['项目', '件数'],
        ['收到行政复议申请', '48件'],
        ['受理', '42件'],
        ['审结', '39件'],
      ],
    });
  }
}
writeFileSync(join(DIR, 'qinghe-sfj-2021.docx'), buildDocx(qingheBlocks));

// Headings numbered by Word itself: the 一、 is not in the text, only the heading style says so.
const liutangBlocks: Block[] = lines(liutang).map((line) => {
  const marker = /^[一二三四五六七八九十]、/.exec(line);
  return marker ? { text: line.slice(marker[0].length), style: 'h1' as const } : { text: line };
});
writeFileSync(join(DIR, 'liutang-town-2019-autonumbered.docx'), buildDocx(liutangBlocks));

// ---- saved web pages ----
writeFileSync(join(DIR, 'qinghe-sfj-2021.gbk.html'), encodeGbk(trsPage(qinghe)));
writeFileSync(join(DIR, 'liutang-town-2019.html'), plainPage(liutang));

// ---- OFD, laid out as a 公文 by scripts/lib/write-ofd.ts ----
writeFileSync(join(DIR, 'qinghe-sfj-2021.ofd'), writeOfd(qinghe, 'qinghe-sfj-2021'));
writeFileSync(join(DIR, 'liutang-town-2019.ofd'), writeOfd(liutang, 'liutang-town-2019'));

// ---- a unit's zipped folder: GBK names as Windows writes them, a nested zip, junk to skip ----
{
  const file = (name: string) => readFileSync(join(DIR, name));
  const gbk = (name: string, data: Uint8Array) => ({ name, rawName: encodeGbk(name), data });
  const inner = writeZip([gbk('乡镇/柳塘镇2019年报告.txt', file('liutang-town-2019.gbk.txt'))]);
  writeFileSync(
    join(ARCHIVES, 'unit-reports.zip'),
    writeZip([
      gbk('单位报告/', new Uint8Array(0)),
      gbk('单位报告/青禾区司法局2021年度报告.docx', file('qinghe-sfj-2021.docx')),
      gbk('单位报告/柳塘镇2019年度报告.ofd', file('liutang-town-2019.ofd')),
      gbk('单位报告/~$青禾区司法局2021年度报告.docx', new Uint8Array(162)),
      gbk('单位报告/说明.exe', Buffer.from('not a report')),
      { name: '__MACOSX/单位报告/._青禾区司法局2021年度报告.docx', data: Buffer.alloc(120, 1) },
      { name: '单位报告/.DS_Store', data: Buffer.alloc(64, 2) },
      gbk('乡镇报告.zip', inner),
    ]),
  );
}

// ---- PDF and .doc through LibreOffice ----
const soffice = findSoffice();
if (soffice) {
  const work = mkdtempSync(join(tmpdir(), 'fzcheck-fixtures-'));
  const convert = (name: string, to: 'pdf' | 'doc') => {
    writeFileSync(join(work, name), readFileSync(join(DIR, name)));
    execFileSync(soffice, ['--headless', '--convert-to', to, '--outdir', work, join(work, name)], {
      stdio: 'ignore',
    });
    return readFileSync(join(work, name.replace(/\.docx$/, `.${to}`)));
  };
  writeFileSync(join(DIR, 'qinghe-sfj-2021.pdf'), convert('qinghe-sfj-2021.docx', 'pdf'));
  writeFileSync(join(DIR, 'qinghe-sfj-2021.doc'), convert('qinghe-sfj-2021.docx', 'doc'));
  // LibreOffice cannot write WPS 文字's .wps (an OLE file with the same WordDocument stream as a
  // Word 97 .doc): this one is the Word 97 file under the .wps name.
  const autonumbered = convert('liutang-town-2019-autonumbered.docx', 'doc');
  writeFileSync(join(DIR, 'liutang-town-2019-autonumbered.doc'), autonumbered);
  writeFileSync(join(DIR, 'liutang-town-2019-autonumbered.wps'), autonumbered);
  rmSync(work, { recursive: true, force: true });
} else {
  console.warn('soffice not found: the PDF and the .doc / .wps fixtures were not regenerated');
}

// ---- inputs that must fail, each with its own error code ----
writeFileSync(join(BAD, 'empty.txt'), '');
writeFileSync(join(BAD, 'junk.txt'), pseudoRandomBytes(4096, 42));
const docx = readFileSync(join(DIR, 'qinghe-sfj-2021.docx'));
writeFileSync(join(BAD, 'truncated.docx'), docx.subarray(0, Math.floor(docx.length * 0.6)));
writeFileSync(join(BAD, 'encrypted.docx'), fakeEncryptedOffice());
writeFileSync(join(BAD, 'not-word.docx'), writeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]));
writeFileSync(join(BAD, 'zip-bomb.docx'), zipBomb());
writeFileSync(join(BAD, 'scanned.pdf'), pdfWithoutText());
const ofd = readFileSync(join(DIR, 'qinghe-sfj-2021.ofd'));
writeFileSync(join(BAD, 'truncated.ofd'), ofd.subarray(0, Math.floor(ofd.length * 0.6)));
writeFileSync(join(BAD, 'scanned.ofd'), ofdWithoutText());
writeFileSync(join(ARCHIVES, 'hostile.zip'), hostileZip());
writeFileSync(join(BAD, 'not-ofd.ofd'), writeZip([{ name: 'Doc_0/Document.xml', data: '<ofd:Document/>' }]));
if (existsSync(join(DIR, 'qinghe-sfj-2021.pdf'))) {
  const pdf = readFileSync(join(DIR, 'qinghe-sfj-2021.pdf'));
  writeFileSync(join(BAD, 'truncated.pdf'), pdf.subarray(0, Math.floor(pdf.length * 0.4)));
}
if (existsSync(join(DIR, 'qinghe-sfj-2021.doc'))) {
  const doc = readFileSync(join(DIR, 'qinghe-sfj-2021.doc'));
  writeFileSync(join(BAD, 'truncated.doc'), doc.subarray(0, Math.floor(doc.length * 0.6)));
  writeFileSync(join(BAD, 'encrypted.doc'), withWordFlag(doc, 0x0100));
  writeFileSync(join(BAD, 'not-word.doc'), oleWithoutWordStream(doc));
}
console.log(`fixtures written to ${DIR}`);

// ---------------------------------------------------------------------------------------------

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim() !== '');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A Word package with WPS-style heading styles (styleId 2/3/4, names "heading 1..3"). */
function buildDocx(blocks: readonly Block[]): Buffer {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const styleIds = { Title: 'Title', h1: '2', h2: '3', h3: '4' } as const;
  const paragraph = (text: string, style?: keyof typeof styleIds) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${styleIds[style]}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
  const body = blocks
    .map((block) =>
      'table' in block
        ? `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>${block.table
            .map((row) => `<w:tr>${row.map((cell) => `<w:tc>${paragraph(cell)}</w:tc>`).join('')}</w:tr>`)
            .join('')}</w:tbl>`
        : paragraph(block.text, block.style),
    )
    .join('');
  const style = (id: string, name: string, outline?: number) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:qFormat/>${
      outline === undefined ? '' : `<w:pPr><w:outlineLvl w:val="${outline}"/></w:pPr>`
    }</w:style>`;
  return writeZip([
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: 'word/_rels/document.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    },
    {
      name: 'word/styles.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${style('Title', 'Title')}${style('2', 'heading 1', 0)}${style('3', 'heading 2', 1)}${style('4', 'heading 3', 2)}<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>`,
    },
    {
      name: 'word/document.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`,
    },
  ]);
}

/** A government article page in a TRS-like template, with the chrome such pages carry. */
function trsPage(report: string): string {
  const [title, ...body] = lines(report);
  const nav = ['首页', '机构概况', '政务公开', '政务服务', '互动交流', '法治建设', '专题专栏']
    .map((item, i) => `<li><a href="/col${i}/">${item}</a></li>`)
    .join('');
  const related = [
    '我区召开2021年法治政府建设推进会',
    '区司法局开展行政执法案卷评查',
    '关于公开征求意见的公告',
  ]
    .map((item, i) => `<li><a href="/art/${i}.html">${item}</a><span>2021-0${i + 3}-1${i}</span></li>`)
    .join('');
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>${title}_青禾区人民政府</title>
<meta name="SiteName" content="青禾区人民政府" />
<meta name="ColumnName" content="法治政府建设年度报告" />
<link rel="stylesheet" href="/images/style.css" />
<style>.zoom p { line-height: 2em; } #nav li { float: left; }</style>
<script type="text/javascript">var _hmt = _hmt || []; function doZoom(size){ document.getElementById('zoom').style.fontSize = size + 'px'; }</script>
</head>
<body>
<div class="top"><span>今天是：2022年3月1日 星期二</span> <a href="#">无障碍浏览</a> | <a href="#">简体</a> | <a href="#">繁體</a></div>
<div id="nav"><ul>${nav}</ul></div>
<div class="wrap">
<div class="dqwz">您当前所在的位置：<a href="/">首页</a> &raquo; <a href="/zwgk/">政务公开</a> &raquo; <a href="/fzjs/">法治政府建设年度报告</a></div>
<div class="article">
<h1 class="art-title">${title}</h1>
<div class="art-info">发布时间：2022-02-25 09:30:12&nbsp;&nbsp;&nbsp;来源：青禾区司法局&nbsp;&nbsp;&nbsp;浏览次数：<span id="hits">1024</span>
【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>
<div id="zoom" class="zoom"><div class="TRS_Editor">
${body.map((line) => `<p style="text-indent:2em">&nbsp;&nbsp;${escapeXml(line)}</p>`).join('\n')}
</div></div>
<div class="art-tools"><a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></div>
<div class="qr"><img src="/qr.png" alt="" /><p>扫一扫在手机打开当前页</p></div>
<div class="prev-next"><p>上一篇：<a href="/art/9.html">青禾区2021年政府信息公开工作年度报告</a></p><p>下一篇：<a href="/art/11.html">区司法局召开普法工作会议</a></p></div>
<div class="related"><h3>相关文章</h3><ul>${related}</ul></div>
</div>
</div>
<div class="footer">
<p>主办单位：青禾区人民政府办公室　承办单位：青禾区大数据中心</p>
<p>网站标识码：4101990001　<a href="https://beian.miit.gov.cn/">豫ICP备12345678号-1</a>　<img src="/ga.png" alt="" />豫公网安备 41019902000123号</p>
<p>版权所有：青禾区人民政府　<a href="/sitemap/">网站地图</a>　<a href="/contact/">联系我们</a></p>
</div>
<a href="#top" class="gotop">回到顶部</a>
</body>
</html>
`;
}

/** A UTF-8 page with no known content container: the body is found by dropping link lists. */
function plainPage(report: string): string {
  const [title, ...body] = lines(report);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="PubDate" content="2020-01-15 16:20">
<meta name="ContentSource" content="柳塘镇人民政府">
<title>${title} - 柳塘镇人民政府门户网站</title>
</head>
<body>
<div class="topbar"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/bsfw">办事服务</a><a href="/hdjl">互动交流</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 工作报告</div>
<div class="main">
<div class="box">
<h2>${title}</h2>
<div class="meta">发布日期：2020-01-15　来源：柳塘镇人民政府　阅读次数：356</div>
<div class="text">
${body.map((line) => `<p>${escapeXml(line)}</p>`).join('\n')}
</div>
<div class="tools">分享到：<a href="#">微信</a> <a href="#">微博</a>　<a href="javascript:print()">打印本页</a>　<a href="javascript:close()">关闭窗口</a></div>
</div>
<div class="side"><h3>热点信息</h3><ul><li><a href="/a/1">柳塘镇开展防汛演练</a></li><li><a href="/a/2">柳塘镇召开村级换届工作会议</a></li><li><a href="/a/3">柳塘镇2019年财政预算执行情况</a></li></ul></div>
</div>
<div class="bottom">Copyright © 2020 柳塘镇人民政府 版权所有　网站标识码：4101990123　豫ICP备87654321号</div>
</body>
</html>
`;
}

/** GBK bytes for text, using the reverse of the built-in GB18030 decoder. */
function encodeGbk(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (pair === undefined) throw new Error(`not in GBK: ${ch}`);
      out.push(pair >> 8, pair & 0xff);
    }
  }
  return Buffer.from(out);
}

function pseudoRandomBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

/**
 * What Word writes for a password-protected .docx: an OLE compound file (D0 CF 11 E0) holding an
 * EncryptionInfo and an EncryptedPackage stream. Only the header and the directory names are real
 * here; that is all fzcheck looks at.
 */
function fakeEncryptedOffice(): Buffer {
  const file = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x3e, 24);
  file.writeUInt16LE(0x03, 26);
  file.writeUInt16LE(0xfffe, 28);
  file.writeUInt16LE(9, 30);
  const entry = (index: number, name: string) => {
    const at = 1024 + index * 128;
    Buffer.from(name, 'utf16le').copy(file, at);
    file.writeUInt16LE((name.length + 1) * 2, at + 64);
    file[at + 66] = index === 0 ? 5 : 2;
  };
  entry(0, 'Root Entry');
  entry(1, 'EncryptionInfo');
  entry(2, 'EncryptedPackage');
  return file;
}

/** A docx whose document.xml inflates ~1000:1 (64 MB of padding in a ~64 KB file). */
function zipBomb(): Buffer {
  const padding = ' '.repeat(64 * 1024 * 1024);
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>报告</w:t></w:r></w:p>${padding}</w:body></w:document>`;
  return writeZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'word/document.xml', data: xml },
  ]);
}

/** A zip whose every report entry must fail on its own, and one good report among them. */
function hostileZip(): Buffer {
  const report = readFileSync(join(DIR, 'qinghe-sfj-2021.txt'));
  const deep = writeZip([{ name: 'inner.zip', data: writeZip([{ name: 'x.txt', data: report }]) }]);
  return writeZip([
    { name: '../../etc/escape.txt', data: report },
    { name: 'a-bomb.txt', data: `一、${' '.repeat(4 * 1024 * 1024)}` },
    { name: 'b-damaged.txt', data: report, crc: 0x12345678 },
    { name: 'c-locked.txt', data: report, flags: 0x0001 },
    { name: 'd-deep.zip', data: deep },
    { name: 'e-empty.txt', data: '' },
    { name: 'f-good.txt', data: report },
  ]);
}

/** A one-page OFD holding only an image object: what a scan saved as OFD looks like. */
function ofdWithoutText(): Buffer {
  const ns = 'http://www.ofdspec.org/2016';
  return writeZip([
    {
      name: 'OFD.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="${ns}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>scan</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    },
    {
      name: 'Doc_0/Document.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="${ns}"><ofd:CommonData><ofd:MaxUnitID>3</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`,
    },
    {
      name: 'Doc_0/Pages/Page_0/Content.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="${ns}"><ofd:Content><ofd:Layer ID="2"><ofd:ImageObject ID="3" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="4"/></ofd:Layer></ofd:Content></ofd:Page>`,
    },
  ]);
}

/** A one-page PDF with only grey shapes and no text: what a scanner without OCR produces. */
function pdfWithoutText(): Buffer {
  const content = '0.85 g 56 56 483 730 re f 0.3 g 90 700 415 12 re f 90 670 380 8 re f 90 650 400 8 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, object] of objects.entries()) {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/**
 * A Word 97 file with a FIB flag set (0x0100: fEncrypted). Only the flag is real: fzcheck reads it
 * and stops, as it must for a password-protected .doc. The FIB starts a sector with 0xA5EC.
 */
function withWordFlag(doc: Buffer, flag: number): Buffer {
  const file = Buffer.from(doc);
  const sectorSize = 1 << file.readUInt16LE(30);
  for (let at = sectorSize; at + sectorSize <= file.length; at += sectorSize) {
    if (file.readUInt16LE(at) === 0xa5ec && file.readUInt16LE(at + 2) >= 0xc1) {
      file.writeUInt16LE(file.readUInt16LE(at + 0x0a) | flag, at + 0x0a);
      return file;
    }
  }
  throw new Error('no Word FIB found');
}

/** An OLE compound file with no WordDocument stream: the .doc with that stream renamed. */
function oleWithoutWordStream(doc: Buffer): Buffer {
  const file = Buffer.from(doc);
  const name = Buffer.from('WordDocument', 'utf16le');
  const at = file.indexOf(name);
  if (at < 0) throw new Error('no WordDocument entry found');
  Buffer.from('WordDokument', 'utf16le').copy(file, at);
  return file;
}

function findSoffice(): string | null {
  for (const candidate of ['soffice', 'libreoffice']) {
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch {}
  }
  return null;
}
