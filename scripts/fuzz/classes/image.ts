// Pictures given as reports (read by OCR): headers that claim gigapixels, a PNG whose image data
// inflates far beyond what its size needs, frames of absurd size, damaged and truncated files.
// Real pages are not generated: OCR takes seconds a page by design (read-scan.ts).

import { crc32, deflateSync } from 'node:zlib';
import { inBatch, put } from '../case-helpers.js';
import { fixtureInput, mutate, repeatedZlib } from '../documents.js';
import type { FuzzClass, Generator } from '../fuzz-case.js';

const MB = 1024 * 1024;
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A greyscale PNG of the given size whose IDAT holds `idat` (already zlib-compressed). */
function png(width: number, height: number, idat: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const claimedSize: Generator = (random, dir) => {
  const [width, height] = random.pick([
    [100_000, 100_000],
    [0xffffffff, 1],
    [1, 0],
    [50_000, 1_001],
  ] as const);
  const bytes = png(width, height, deflateSync(Buffer.alloc(64)));
  return inBatch(random, dir, [put(dir, 'claimed.png', bytes)]);
};

const idatBomb: Generator = (random, dir, scale) => {
  const bytes = random.size(MB, 2000 * MB * scale);
  const side = random.pick([16, 100, 1000]);
  const row = Buffer.alloc(side + 1); // filter byte + pixels
  const idat = repeatedZlib(
    Buffer.concat(Array.from({ length: Math.ceil(65536 / row.length) }, () => row)),
    Math.max(1, Math.round(bytes / 65536)),
  );
  return inBatch(random, dir, [put(dir, 'bomb.png', png(side, side, idat))]);
};

const jpegFrame: Generator = (random, dir) => {
  // SOI, a baseline frame header of the chosen size, then nothing: the size is read from the markers.
  const [width, height] = random.pick([
    [65_535, 65_535],
    [0, 100],
    [8_000, 8_000],
  ] as const);
  const frame = Buffer.from([
    0xff,
    0xd8,
    0xff,
    0xc0,
    0x00,
    0x0b,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x01,
    0x01,
    0x11,
    0x00,
  ]);
  const bytes = Buffer.concat([frame, random.bytes(random.size(0, 65536)), Buffer.from([0xff, 0xd9])]);
  return inBatch(random, dir, [put(dir, 'frame.jpg', bytes)]);
};

const damaged: Generator = (random, dir) => {
  const source = random.chance(0.5)
    ? png(64, 64, deflateSync(Buffer.alloc(65 * 64, 0)))
    : fixtureInput(random.pick(['bad/truncated.jpg', 'bad/not-a-picture.png']));
  const name = source[0] === 0x89 ? 'damaged.png' : 'damaged.jpg';
  return inBatch(random, dir, [put(dir, name, mutate(random, source))]);
};

/** Hostile pictures. */
export const imageClass: FuzzClass = {
  name: 'image',
  shapes: {
    'claimed-size': claimedSize,
    'idat-bomb': idatBomb,
    'jpeg-frame': jpegFrame,
    damaged,
  },
};
