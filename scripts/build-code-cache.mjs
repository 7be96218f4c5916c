// Writes dist/bundle/run.cache: V8's compiled code for the CLI bundle, taken after a check of a
// sample report so that the functions a usual check runs are in it, not only the top level; and
// the caches of the library bundles (lib-<name>.cache), taken after checks of the same report as
// .docx, PDF and web page. Runs the checks in a child (its output thrown away) with --warm; the child
// writes the caches.

import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CODE_CACHE, LIBRARIES, libraryCachePath, loadCli, loadedLibraryScripts } from '../bin/load-cli.js';

const SAMPLE = fileURLToPath(
  new URL('../fixtures/reports/buried-first-responsible-township-2019.txt', import.meta.url),
);
// Inputs that load the library bundles: a .docx (mammoth), a PDF (unpdf), a web page (html-to-text).
const LIBRARY_SAMPLES = ['qinghe-sfj-2021.docx', 'qinghe-sfj-2021.pdf', 'qinghe-sfj-2021.gbk.html'].map(
  (name) => fileURLToPath(new URL(`../fixtures/inputs/${name}`, import.meta.url)),
);

/** Writes a script's compiled code to `path` (through a temporary file: a reader never sees half). */
function writeCache(script, path) {
  const temporary = `${path}.${process.pid}`;
  writeFileSync(temporary, script.createCachedData());
  renameSync(temporary, path);
}

if (process.argv[2] === '--warm') {
  // No cache is read: this run compiles everything it runs, and the cache is made from that.
  const { cli, script } = loadCli(undefined, null);
  const check = async (input) => {
    process.argv = [process.argv[0], 'fzcheck', 'check', input, '--fail-on', 'never'];
    const code = await cli.run();
    if (code !== 0) throw new Error(`the warm-up check of ${input} exited ${code}`);
  };
  // The CLI's cache holds what a plain-text check runs, no more: every start reads all of it (the
  // .docx and PDF readers' own functions in it made it 6 % larger for every run).
  await check(SAMPLE);
  writeCache(script, CODE_CACHE);
  for (const input of LIBRARY_SAMPLES) await check(input);
  const libraries = loadedLibraryScripts();
  const missing = LIBRARIES.filter((name) => !libraries.some((library) => library.name === name));
  if (missing.length > 0) throw new Error(`the warm-up did not load ${missing.join(', ')}`);
  for (const library of libraries) writeCache(library.script, library.cachePath);
} else {
  const self = fileURLToPath(import.meta.url);
  const env = { ...process.env, FORCE_COLOR: '0' };
  const run = spawnSync(process.execPath, [self, '--warm'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0 || !existsSync(CODE_CACHE)) {
    console.error(
      'build-code-cache: the warm-up run failed; the CLI works without a cache, only starts slower',
    );
    process.exit(1);
  }
  const sizes = [CODE_CACHE, ...LIBRARIES.map(libraryCachePath)];
  console.log(
    `code cache: ${sizes.map((path) => `${(statSync(path).size / 1024).toFixed(0)} KB`).join(' + ')}`,
  );
}
