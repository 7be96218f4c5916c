// .png / .jpg bytes → an upright greyscale page (gray-image.ts). pngjs and jpeg-js are pure
// JavaScript, so a picture decodes on any machine; both are imported only when a picture is read.
// The size in the file header is checked before anything is decoded, so a small file that
// declares a huge picture costs nothing; phone photos are turned upright by their EXIF orientation.

import { type GrayImage, type Orientation, orientUpright, toInkGray } from './gray-image.js';
import { LoadError } from './source-file.js';

/** Largest picture decoded: 50 million pixels (an A4 page scanned at 700 dpi). */
export const MAX_IMAGE_PIXELS = 50_000_000;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The picture formats read, by their first bytes; null for anything else. */
export function sniffImage(bytes: Uint8Array): 'png' | 'jpeg' | null {
  if (PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return null;
}

/** Decodes a PNG or JPEG into an upright greyscale page. */
export async function decodeImage(bytes: Uint8Array): Promise<GrayImage> {
  const kind = sniffImage(bytes);
  if (kind === null) throw new LoadError('corrupt', '文件不是有效的 PNG 或 JPEG 图片（文件头不对）');
  return kind === 'png' ? decodePng(bytes) : decodeJpeg(bytes);
}

async function decodePng(bytes: Uint8Array): Promise<GrayImage> {
  if (bytes.length < 33) throw new LoadError('corrupt', 'PNG 图片不完整，无法读取');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkSize(view.getUint32(16), view.getUint32(20));
  const { PNG } = (await import('pngjs')).default;
  let png: { width: number; height: number; data: Buffer };
  try {
    png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    throw new LoadError('corrupt', 'PNG 图片已损坏或不完整，无法解码');
  }
  return toInkGray(png.width, png.height, png.data, 4);
}

async function decodeJpeg(bytes: Uint8Array): Promise<GrayImage> {
  const frame = jpegFrame(bytes);
  if (!frame) throw new LoadError('corrupt', 'JPEG 图片已损坏或不完整，找不到图像数据');
  checkSize(frame.width, frame.height);
  const jpeg = (await import('jpeg-js')).default;
  let decoded: { width: number; height: number; data: Uint8Array };
  try {
    decoded = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: false,
      maxResolutionInMP: MAX_IMAGE_PIXELS / 1_000_000,
      maxMemoryUsageInMB: 1024,
    });
  } catch {
    throw new LoadError('corrupt', 'JPEG 图片已损坏或不完整，无法解码');
  }
  const gray = toInkGray(decoded.width, decoded.height, decoded.data, 3);
  return orientUpright(gray, frame.orientation);
}

function checkSize(width: number, height: number): void {
  if (width === 0 || height === 0) throw new LoadError('corrupt', '图片的宽或高为 0，无法读取');
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new LoadError(
      'too-large',
      `图片过大（${width}×${height} 像素），上限为 ${MAX_IMAGE_PIXELS / 1_000_000} 百万像素`,
    );
  }
}

/** The frame size and EXIF orientation of a JPEG, read from its markers; null if it has no frame. */
export function jpegFrame(
  bytes: Uint8Array,
): { width: number; height: number; orientation: Orientation } | null {
  let orientation: Orientation = 1;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (marker === 0xe1)
      orientation = exifOrientation(bytes.subarray(at + 4, at + 2 + length)) ?? orientation;
    // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > bytes.length) return null;
      return {
        height: (bytes[at + 5]! << 8) | bytes[at + 6]!,
        width: (bytes[at + 7]! << 8) | bytes[at + 8]!,
        orientation,
      };
    }
    if (marker === 0xda) return null; // scan data before any frame header
    at += 2 + length;
  }
  return null;
}

/** The Orientation tag (0x0112) of an APP1 Exif segment. */
function exifOrientation(segment: Uint8Array): Orientation | null {
  // "Exif\0\0", then a TIFF header: byte order, 42, offset of the first directory
  if (segment.length < 14 || String.fromCharCode(...segment.subarray(0, 4)) !== 'Exif') return null;
  const tiff = new DataView(segment.buffer, segment.byteOffset + 6, segment.byteLength - 6);
  const little = tiff.getUint16(0) === 0x4949;
  const directory = tiff.getUint32(4, little);
  if (directory + 2 > tiff.byteLength) return null;
  const entries = tiff.getUint16(directory, little);
  for (let i = 0; i < entries; i++) {
    const entry = directory + 2 + i * 12;
    if (entry + 12 > tiff.byteLength) return null;
    if (tiff.getUint16(entry, little) === 0x0112) {
      const value = tiff.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? (value as Orientation) : null;
    }
  }
  return null;
}
