// A minimal writer of "scanned" PDFs for test fixtures: one JPEG per page, stored as a DCTDecode
// image XObject (the bytes are the JPEG itself) that fills the page, and no text layer — what a
// scanner or a phone app produces.

/** One page: a baseline or progressive JPEG and the resolution it was scanned at. */
export interface ScannedPage {
  readonly jpeg: Uint8Array;
  readonly dpi: number;
  readonly rotate?: 0 | 90 | 180 | 270; // the page's /Rotate: how a viewer turns it for display
}

/** Writes a PDF with one full-page JPEG per page. */
export function writeImagePdf(pages: readonly ScannedPage[]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: Buffer | string): number => {
    objects.push(typeof body === 'string' ? Buffer.from(body, 'latin1') : body);
    return objects.length;
  };
  const catalog = add(''); // filled in below, once the page tree's number is known
  const pageTree = add('');
  const kids: number[] = [];
  for (const page of pages) {
    const { width, height, components } = jpegSize(page.jpeg);
    const colorSpace = components === 1 ? '/DeviceGray' : components === 4 ? '/DeviceCMYK' : '/DeviceRGB';
    const image = add(
      Buffer.concat([
        Buffer.from(
          `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace ${colorSpace} ` +
            `/BitsPerComponent 8 /Filter /DCTDecode /Length ${page.jpeg.length} >>\nstream\n`,
          'latin1',
        ),
        Buffer.from(page.jpeg),
        Buffer.from('\nendstream', 'latin1'),
      ]),
    );
    const w = round((width * 72) / page.dpi);
    const h = round((height * 72) / page.dpi);
    const drawing = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    const content = add(`<< /Length ${drawing.length} >>\nstream\n${drawing}\nendstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${w} ${h}] /Rotate ${page.rotate ?? 0} ` +
          `/Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`,
      ),
    );
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pageTree} 0 R >>`, 'latin1');
  objects[pageTree - 1] = Buffer.from(
    `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`,
    'latin1',
  );

  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(offset);
    const object = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(object);
    offset += object.length;
  }
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>`,
    'startxref',
    String(offset),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/** Width, height and colour components from a JPEG's start-of-frame marker. */
function jpegSize(jpeg: Uint8Array): { width: number; height: number; components: number } {
  let at = 2;
  while (at + 9 < jpeg.length) {
    if (jpeg[at] !== 0xff) throw new Error('not a JPEG: lost marker sync');
    const marker = jpeg[at + 1]!;
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!;
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {
        height: (jpeg[at + 5]! << 8) | jpeg[at + 6]!,
        width: (jpeg[at + 7]! << 8) | jpeg[at + 8]!,
        components: jpeg[at + 9]!,
      };
    }
    at += 2 + length;
  }
  throw new Error('not a JPEG: no frame header');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
