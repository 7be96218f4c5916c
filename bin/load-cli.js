// Loads the bundled CLI (dist/bundle/run.cjs, one CommonJS file) with the compiled code V8 saved for
// it at build time (dist/bundle/run.cache). Node 20 keeps no compiled code for ES modules between
// runs, so every start parsed and compiled the bundle again (a third of a plain-text check's own
// CPU); with the cache, V8 reads the code back instead. A cache from another Node or V8 (or none)
// is rejected by V8 and the bundle is compiled as usual: slower, never wrong. The files in bin/
// are CommonJS (bin/package.json): an ES-module entry would start Node's module loader first.

const { existsSync, readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const vm = require('node:vm');

const BUNDLE_DIR = join(__dirname, '../dist/bundle');

/** The bundle and its code cache, as the build writes them. */
const BUNDLE = join(BUNDLE_DIR, 'run.cjs');
const CODE_CACHE = join(BUNDLE_DIR, 'run.cache');

// The bundle's import() of the libraries it loads on demand comes here: a script compiled from
// V8's code cache loses its own import() callback in Node 20 (scripts/bundle.mjs).
const importModule = (specifier) => import(specifier);

/**
 * Compiles and evaluates the bundle (with `cachePath`'s code when V8 accepts it; null: none);
 * returns its exports, the script (for createCachedData) and whether a cache was used.
 */
function loadCli(bundlePath = BUNDLE, cachePath = CODE_CACHE) {
  let source;
  try {
    source = readFileSync(bundlePath, 'utf8');
  } catch {
    process.stderr.write(`fzcheck: 安装不完整：缺少 ${bundlePath}（请在安装目录运行 npm run build）\n`);
    process.exit(2);
  }
  let cachedData;
  try {
    cachedData = cachePath !== null && existsSync(cachePath) ? readFileSync(cachePath) : undefined;
  } catch {
    cachedData = undefined; // an unreadable cache only costs the compile
  }
  // The wrapper Node gives every CommonJS module, and importModule for the bundle's import().
  const wrapped = `(function (exports, require, module, __filename, __dirname, __importModule) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: bundlePath, cachedData });
  const module = { exports: {} };
  const load = script.runInThisContext();
  load(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath), importModule);
  return { cli: module.exports, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

module.exports = { BUNDLE, CODE_CACHE, loadCli };
