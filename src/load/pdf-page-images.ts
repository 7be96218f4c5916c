// The page pictures of a scanned PDF, for OCR. A scanner or a phone app stores each page as one
// picture (JPEG, or 1-bit CCITT / JBIG2) drawn over the whole page; pdf.js decodes every filter
// while it builds a page's operator list, so each page's largest picture is taken from there,
// already decoded, and turned the way it is shown (the page's /Rotate and the drawing matrix).
// Nothing is rendered, so no canvas package is needed.

import type { getDocumentProxy } from 'unpdf';
import { type GrayImage, type Orientation, orientUpright, toInkGray } from './gray-image.js';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type Matrix = readonly [number, number, number, number, number, number];

// pdf.js operator codes (OPS) and decoded image kinds (ImageKind), stable across pdf.js releases.
const OPS = {
  save: 10,
  restore: 11,
  transform: 12,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  paintImageMaskXObject: 83,
  paintImageXObject: 85,
  paintInlineImageXObject: 86,
} as const;
const GRAYSCALE_1BPP = 1;
const RGB_24BPP = 2;

/** A picture that pdf.js decoded. */
interface DecodedImage {
  readonly width: number;
  readonly height: number;
  readonly kind?: number; // absent for image masks
  readonly data: Uint8Array | Uint8ClampedArray;
}

/** A page picture smaller than this share of the page is a logo or a signature, not a scan. */
const MIN_PAGE_SHARE = 0.25;

/** The scanned picture of each page that has one, upright, in page order, decoded one page at a time. */
export async function* readPageImages(pdf: PdfDocument): AsyncGenerator<GrayImage> {
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const pageArea = viewport.width * viewport.height;
    const operators = await page.getOperatorList();
    let best: { image: DecodedImage; mask: boolean; matrix: Matrix; area: number } | null = null;
    const stack: Matrix[] = [];
    let matrix: Matrix = viewport.transform as unknown as Matrix;
    for (const [i, op] of operators.fnArray.entries()) {
      const args = operators.argsArray[i] as unknown[];
      if (op === OPS.save) stack.push(matrix);
      else if (op === OPS.restore) matrix = stack.pop() ?? matrix;
      else if (op === OPS.transform) matrix = multiply(matrix, args as unknown as Matrix);
      else if (op === OPS.paintFormXObjectBegin) {
        stack.push(matrix);
        if (Array.isArray(args[0])) matrix = multiply(matrix, args[0] as unknown as Matrix);
      } else if (op === OPS.paintFormXObjectEnd) matrix = stack.pop() ?? matrix;
      else if (
        op === OPS.paintImageXObject ||
        op === OPS.paintInlineImageXObject ||
        op === OPS.paintImageMaskXObject
      ) {
        const area = Math.abs(matrix[0] * matrix[3] - matrix[1] * matrix[2]);
        if (best !== null && area <= best.area) continue;
        const image = await resolveImage(page, args[0]);
        if (image) best = { image, mask: op === OPS.paintImageMaskXObject, matrix, area };
      }
    }
    const scan =
      best && best.area >= pageArea * MIN_PAGE_SHARE
        ? orientUpright(grayOf(best.image, best.mask), orientationOf(best.matrix))
        : null;
    page.cleanup();
    if (scan) yield scan;
  }
}

async function resolveImage(
  page: Awaited<ReturnType<PdfDocument['getPage']>>,
  reference: unknown,
): Promise<DecodedImage | null> {
  if (typeof reference !== 'string') return isDecoded(reference) ? reference : null;
  const objects = reference.startsWith('g_') ? page.commonObjs : page.objs;
  const image = await new Promise<unknown>((resolve) => objects.get(reference, resolve));
  return isDecoded(image) ? image : null;
}

function isDecoded(value: unknown): value is DecodedImage {
  const image = value as DecodedImage | null;
  return !!image && typeof image.width === 'number' && typeof image.height === 'number' && !!image.data;
}

/** Greyscale from a decoded picture: 1-bit rows (padded to bytes), RGB, RGBA, or a stencil mask. */
function grayOf(image: DecodedImage, mask: boolean): GrayImage {
  const { width, height } = image;
  const data = image.data as Uint8Array;
  if (mask || image.kind === GRAYSCALE_1BPP) {
    // pdf.js gives masks with 1 = paint (ink), and 1-bit greyscale with 1 = white.
    const rowBytes = (width + 7) >> 3;
    const out = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const bit = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
        out[y * width + x] = (mask ? bit === 0 : bit === 1) ? 255 : 0;
      }
    }
    return { width, height, data: out };
  }
  return toInkGray(width, height, data, image.kind === RGB_24BPP ? 3 : 4);
}

/**
 * How the picture's stored pixels lie on the page as shown: pdf.js maps the unit square to the page
 * (the picture's first row at the top, y = 1), and the viewport turns page space into screen space
 * (y down, /Rotate applied). Snapped to the nearest of the eight axis-aligned orientations.
 */
function orientationOf(matrix: Matrix): Orientation {
  const [a, b, c, d] = matrix;
  const column = { x: a, y: b }; // screen direction of increasing pixel column
  const row = { x: -c, y: -d }; // screen direction of increasing pixel row
  if (Math.abs(column.x) >= Math.abs(column.y)) {
    const mirrored = column.x < 0;
    const flipped = row.y < 0;
    if (!mirrored && !flipped) return 1;
    if (mirrored && !flipped) return 2;
    return mirrored ? 3 : 4;
  }
  const down = column.y > 0;
  const right = row.x > 0;
  if (down) return right ? 5 : 6;
  return right ? 8 : 7;
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}
