// The pure steps around the OCR engine: seal removal and picture geometry, EXIF orientation,
// which way a PDF shows its page picture, boxes into lines, and the recogniser's confusions.

import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { writeImagePdf } from '../../scripts/lib/write-image-pdf.js';
import { jpegFrame } from '../../src/load/decode-image.js';
import {
  fitWithin,
  type GrayImage,
  type Orientation,
  orientUpright,
  toInkGray,
} from '../../src/load/gray-image.js';
import type { OcrBox } from '../../src/load/ocr-engine.js';
import { layOutOcrPages, undoOcrConfusions } from '../../src/load/ocr-layout.js';
import { readPageImages } from '../../src/load/pdf-page-images.js';

describe('toInkGray', () => {
  it.each([
    ['white paper', [255, 255, 255, 255], 255],
    ['black ink', [0, 0, 0, 255], 0],
    ['grey ink', [100, 100, 100, 255], 100],
    ['seal red', [215, 25, 30, 255], 255],
    ['seal red, scanned pale', [225, 110, 115, 255], 255],
    ['black text under the seal', [20, 5, 5, 255], 35],
    ['transparent', [0, 0, 0, 0], 255],
  ])('%s', (_name, rgba, gray) => {
    expect(toInkGray(1, 1, Uint8Array.from(rgba), 4).data[0]).toBe(gray);
  });
});

describe('orientUpright', () => {
  // stored 3 × 2:  a b c / d e f
  const stored: GrayImage = { width: 3, height: 2, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
  it.each<[Orientation, number, number[]]>([
    [1, 3, [1, 2, 3, 4, 5, 6]],
    [2, 3, [3, 2, 1, 6, 5, 4]],
    [3, 3, [6, 5, 4, 3, 2, 1]],
    [4, 3, [4, 5, 6, 1, 2, 3]],
    [5, 2, [1, 4, 2, 5, 3, 6]],
    [6, 2, [4, 1, 5, 2, 6, 3]],
    [7, 2, [6, 3, 5, 2, 4, 1]],
    [8, 2, [3, 6, 2, 5, 1, 4]],
  ])('EXIF %i', (orientation, width, pixels) => {
    const upright = orientUpright(stored, orientation);
    expect(upright.width).toBe(width);
    expect([...upright.data]).toEqual(pixels);
  });
});

describe('fitWithin', () => {
  it('averages blocks when the picture is larger than the limit, and leaves a small one alone', () => {
    const image: GrayImage = {
      width: 4,
      height: 2,
      data: Uint8Array.from([0, 100, 200, 255, 0, 100, 200, 255]),
    };
    expect(fitWithin(image, 4)).toBe(image);
    const half = fitWithin(image, 2);
    expect([half.width, half.height, ...half.data]).toEqual([2, 1, 50, 228]);
  });
});

describe('jpegFrame', () => {
  const { data } = jpeg.encode({ width: 8, height: 4, data: new Uint8Array(8 * 4 * 4).fill(255) }, 90);
  it('reads the frame size of a JPEG without EXIF', () => {
    expect(jpegFrame(data)).toEqual({ width: 8, height: 4, orientation: 1 });
  });
  it('reads the EXIF orientation a phone writes, in either byte order', () => {
    for (const little of [true, false]) {
      const tiff = Buffer.alloc(26);
      tiff.write(little ? 'II' : 'MM', 0, 'latin1');
      const u16 = (value: number, at: number) =>
        (little ? tiff.writeUInt16LE : tiff.writeUInt16BE).call(tiff, value, at);
      const u32 = (value: number, at: number) =>
        (little ? tiff.writeUInt32LE : tiff.writeUInt32BE).call(tiff, value, at);
      u16(42, 2);
      u32(8, 4);
      u16(1, 8);
      u16(0x0112, 10);
      u16(3, 12);
      u32(1, 14);
      u16(8, 18);
      const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
      const app1 = Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
      const withExif = Buffer.concat([data.subarray(0, 2), app1, body, data.subarray(2)]);
      expect(jpegFrame(withExif)).toEqual({ width: 8, height: 4, orientation: 8 });
    }
  });
  it('has no frame in a file cut before its frame header', () => {
    expect(jpegFrame(data.subarray(0, 20))).toBeNull();
  });
});

describe('page pictures of a scanned PDF', () => {
  // 64 × 32, the left half black: a viewer turning the page by /Rotate 90 shows the black half on top
  const pixels = new Uint8Array(64 * 32 * 4);
  for (let y = 0; y < 32; y++)
    for (let x = 0; x < 64; x++) pixels.fill(x < 32 ? 0 : 255, (y * 64 + x) * 4, (y * 64 + x) * 4 + 3);
  const picture = jpeg.encode({ width: 64, height: 32, data: pixels }, 95).data;
  const firstPage = async (rotate: 0 | 90) => {
    const { getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(writeImagePdf([{ jpeg: picture, dpi: 72, rotate }])), {
      verbosity: 0,
    });
    try {
      for await (const image of readPageImages(pdf)) return image;
      return null;
    } finally {
      await pdf.destroy();
    }
  };
  const at = (image: GrayImage, x: number, y: number) => image.data[y * image.width + x]!;

  it.each([
    [0, 64, 32, [8, 16], [56, 16]],
    [90, 32, 64, [16, 8], [16, 56]],
  ] as const)(
    '/Rotate %i: %i × %i, black at %j, white at %j',
    async (rotate, width, height, black, white) => {
      const image = await firstPage(rotate);
      expect(image && [image.width, image.height]).toEqual([width, height]);
      expect(at(image!, black[0], black[1])).toBeLessThan(40);
      expect(at(image!, white[0], white[1])).toBeGreaterThan(215);
    },
  );
});

describe('layOutOcrPages', () => {
  // A page slanted by 2°: each text line is two boxes, listed in no particular order.
  const slant = (2 * Math.PI) / 180;
  const box = (text: string, left: number, top: number, width: number): OcrBox => {
    const turn = (x: number, y: number) => ({
      x: x * Math.cos(slant) - y * Math.sin(slant),
      y: x * Math.sin(slant) + y * Math.cos(slant),
    });
    return {
      text,
      confidence: 0.99,
      corners: [turn(left, top), turn(left + width, top), turn(left + width, top + 40), turn(left, top + 40)],
    };
  };
  const pitch = 30; // one character, in pixels
  const page = {
    width: 1000,
    height: 1400,
    boxes: [
      box('二、存在的问题', 100 + 2 * pitch, 300, 7 * pitch),
      box('一是学法培训次数不够，二', 100 + 2 * pitch, 360, 12 * pitch),
      box('是基层执法人员流动较大，', 100 + 14 * pitch, 360, 12 * pitch),
      box('原因在于编制有限。', 100, 420, 9 * pitch),
      box('一、主要举措和成效', 100 + 2 * pitch, 180, 9 * pitch),
      box('全年审查规范性文件', 100 + 2 * pitch, 240, 9 * pitch),
      box('12件，全部备案。', 100 + 11 * pitch, 240, 8 * pitch),
      box('— 1 —', 470, 1300, 3 * pitch),
    ],
  };
  it('turns the page level, reads lines top to bottom and rejoins a paragraph', () => {
    expect(layOutOcrPages([page]).split('\n')).toEqual([
      '一、主要举措和成效',
      '全年审查规范性文件12件，全部备案。',
      '二、存在的问题',
      '一是学法培训次数不够，二是基层执法人员流动较大，原因在于编制有限。',
    ]);
  });
});

describe('undoOcrConfusions', () => {
  it.each([
    ['区委丶区政府', '区委、区政府'],
    ['《纲要（2021一2025年)》', '《纲要（2021—2025年）》'],
    ['受理42件,审结39件', '受理42件，审结39件'],
    ['一是培训不足;二是', '一是培训不足；二是'],
    ['主要原因:人员少', '主要原因：人员少'],
    ['(一)加强领导', '（一）加强领导'],
    ['成功率96.9%)', '成功率96.9%）'],
    ['第一责任人', '第一责任人'],
    ['投入1,200万元', '投入1,200万元'],
    ['PM2.5 (年均)', 'PM2.5 （年均）'],
  ])('%s → %s', (recognized, fixed) => {
    expect(undoOcrConfusions(recognized)).toBe(fixed);
  });
});
