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

/**
 * Libraries that only some inputs need, each bundled into one CommonJS file of its own with a code
 * cache of its own (scripts/bundle.mjs, scripts/build-code-cache.mjs): from node_modules, mammoth's
 * 153 modules took ~100 ms to find and compile in every run that read a .docx, and pdf.js's
 * 1.6 MB ES module ~120 ms in every run that read a PDF (measured: 25 ms and 46 ms bundled);
 * html-to-text (38 modules) is read for every web page.
 */
const LIBRARIES = ['mammoth', 'unpdf', 'html-to-text'];
const libraryPath = (name) => join(BUNDLE_DIR, `lib-${name}.cjs`);
const libraryCachePath = (name) => join(BUNDLE_DIR, `lib-${name}.cache`);
const loadedLibraries = new Map();
let libraryCaches = true; // false when the CLI itself was loaded without its cache (the build's warm-up)

/** A bundled library's exports as import() gives them (its default export too), with its script. */
function loadLibrary(name) {
  let loaded = loadedLibraries.get(name);
  if (!loaded) {
    const cachePath = libraryCaches ? libraryCachePath(name) : null;
    const { exports, script } = runBundle(
      readFileSync(libraryPath(name), 'utf8'),
      libraryPath(name),
      cachePath,
    );
    const namespace = exports.__esModule ? { ...exports } : { ...exports, default: exports };
    loaded = { namespace, script };
    loadedLibraries.set(name, loaded);
  }
  return loaded;
}

// The bundle's import() of the libraries it loads on demand comes here: a script compiled from
// V8's code cache loses its own import() callback in Node 20 (scripts/bundle.mjs). A library the
// build bundled is read from its bundle; the others (and all of them before a build) from
// node_modules.
const importModule = (specifier) => {
  if (
    loadedLibraries.has(specifier) ||
    (LIBRARIES.includes(specifier) && existsSync(libraryPath(specifier)))
  ) {
    try {
      return Promise.resolve(loadLibrary(specifier).namespace);
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return import(specifier);
};

/** Compiles a CommonJS bundle (with the code cache at `cachePath` when V8 accepts it) and runs it. */
function runBundle(source, bundlePath, cachePath) {
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
  return {
    exports: module.exports,
    script,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
  };
}

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
  libraryCaches = cachePath !== null;
  const { exports, script, cacheUsed } = runBundle(source, bundlePath, cachePath);
  return { cli: exports, script, cacheUsed };
}

/** The libraries loaded so far from their bundles, by name, with their scripts (for the build). */
function loadedLibraryScripts() {
  return [...loadedLibraries].map(([name, { script }]) => ({
    name,
    script,
    cachePath: libraryCachePath(name),
  }));
}

module.exports = {
  BUNDLE,
  CODE_CACHE,
  LIBRARIES,
  libraryCachePath,
  libraryPath,
  loadCli,
  loadedLibraryScripts,
};
