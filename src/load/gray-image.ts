// Page pictures as the OCR sees them: one byte of grey per pixel, with coloured ink (the red
// 公章 over the text, a blue signature) turned to paper. Also the two geometric steps every
// picture may need before OCR: turning it upright, and shrinking it to a bounded size.

/** A greyscale picture, row by row from the top left; 0 is black, 255 white. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array; // width × height bytes
}

/**
 * Greyscale from interleaved pixels (1 = grey, 2 = grey + alpha, 3 = RGB, 4 = RGBA). Black and
 * grey ink stay as they are; a pixel is as light as its brightest channel, plus its redness, so a
 * red seal (R high, G and B low) becomes white while the black text under it (dark in every
 * channel) stays black. Transparent pixels are paper.
 */
export function toInkGray(width: number, height: number, pixels: Uint8Array, channels: number): GrayImage {
  const count = width * height;
  const data = new Uint8Array(count);
  for (let i = 0, at = 0; i < count; i++, at += channels) {
    let value: number;
    if (channels <= 2) value = pixels[at]!;
    else {
      const red = pixels[at]!;
      const other = Math.max(pixels[at + 1]!, pixels[at + 2]!);
      value = Math.min(255, Math.max(red, other) + Math.max(0, red - other));
    }
    const alpha = channels === 2 ? pixels[at + 1]! : channels === 4 ? pixels[at + 3]! : 255;
    data[i] = alpha === 255 ? value : Math.round(255 - ((255 - value) * alpha) / 255);
  }
  return { width, height, data };
}

/**
 * The eight ways a picture can be stored (EXIF orientation 1–8): how to turn the stored pixels so
 * that the page reads upright. 1 = as stored; 3 = 180°; 6 = 90° clockwise; 8 = 90° counter-clockwise;
 * 2, 4, 5, 7 add a mirror.
 */
export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

/** Turns a picture stored with an EXIF orientation into its upright form. */
export function orientUpright(image: GrayImage, orientation: Orientation): GrayImage {
  if (orientation === 1) return image;
  const { width, height, data } = image;
  const swap = orientation >= 5;
  const outWidth = swap ? height : width;
  const outHeight = swap ? width : height;
  const out = new Uint8Array(width * height);
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      // (sx, sy): the stored pixel shown at (x, y)
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2:
          [sx, sy] = [width - 1 - x, y];
          break;
        case 3:
          [sx, sy] = [width - 1 - x, height - 1 - y];
          break;
        case 4:
          [sx, sy] = [x, height - 1 - y];
          break;
        case 5:
          [sx, sy] = [y, x];
          break;
        case 6:
          [sx, sy] = [y, height - 1 - x];
          break;
        case 7:
          [sx, sy] = [width - 1 - y, height - 1 - x];
          break;
        default:
          [sx, sy] = [width - 1 - y, x];
      }
      out[y * outWidth + x] = data[sy * width + sx]!;
    }
  }
  return { width: outWidth, height: outHeight, data: out };
}

/**
 * Shrinks a picture (area average) so that neither side exceeds `maxSide`; smaller pictures are
 * returned as they are. Text on an A4 page stays legible at 4000 pixels on the long side (340 dpi).
 */
export function fitWithin(image: GrayImage, maxSide: number): GrayImage {
  const scale = maxSide / Math.max(image.width, image.height);
  if (scale >= 1) return image;
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const out = new Uint8Array(width * height);
  const stepX = image.width / width;
  const stepY = image.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * stepY);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * stepY));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * stepX);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * stepX));
      let sum = 0;
      for (let sy = y0; sy < y1; sy++) {
        const row = sy * image.width;
        for (let sx = x0; sx < x1; sx++) sum += image.data[row + sx]!;
      }
      out[y * width + x] = Math.round(sum / ((y1 - y0) * (x1 - x0)));
    }
  }
  return { width, height, data: out };
}
