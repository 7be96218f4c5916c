// bin/load-cli.js: the bundle runs with the build's code cache, without it, and with a cache V8
// rejects; a missing bundle is one Chinese line and exit 2; mammoth, pdf.js and html-to-text come
// from their own bundles with their own caches.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

function load(cachePath: string | null, bundlePath = 'undefined') {
  const cache = cachePath === null ? 'undefined' : JSON.stringify(cachePath);
  const script = `const { loadCli } = require('./bin/load-cli.js');
    const { cli, cacheUsed } = loadCli(${bundlePath}, ${cache});
    console.log(JSON.stringify({ cacheUsed, run: typeof cli.run, worker: typeof cli.serveBatchWorker }));`;
  return spawnSync(process.execPath, ['-e', script], { cwd: ROOT, env, encoding: 'utf8' });
}

describe('load-cli', () => {
  it('uses the code cache the build wrote (V8 accepts it in a plain process)', () => {
    const run = load(null);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ cacheUsed: true, run: 'function', worker: 'function' });
  });

  it('compiles the bundle when the cache is missing or not V8’s', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-cache-'));
    const garbage = join(dir, 'run.cache');
    writeFileSync(garbage, 'not a code cache');
    for (const cache of [join(dir, 'none.cache'), garbage]) {
      const run = load(cache);
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ cacheUsed: false, run: 'function', worker: 'function' });
    }
  });

  it('reads a .docx, a PDF and a web page with their libraries from their bundles, with their caches', () => {
    const script = `const { loadCli, loadedLibraryScripts } = require('./bin/load-cli.js');
      const { cli } = loadCli();
      (async () => {
        const codes = [];
        for (const name of ['qinghe-sfj-2021.docx', 'qinghe-sfj-2021.pdf', 'qinghe-sfj-2021.gbk.html']) {
          process.argv = [process.argv[0], 'fzcheck', 'check', 'fixtures/inputs/' + name, '-f', 'json=/dev/null'];
          codes.push(await cli.run());
        }
        const libraries = loadedLibraryScripts().map(({ name, script }) => [name, script.cachedDataRejected]);
        console.log(JSON.stringify({ codes, libraries }));
      })();`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, env, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      codes: [0, 0, 0],
      libraries: [
        ['mammoth', false],
        ['unpdf', false],
        ['html-to-text', false],
      ],
    });
  });

  it('says in Chinese that the installation is incomplete when the bundle is missing', () => {
    const run = load(null, JSON.stringify('/nonexistent/run.cjs'));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'fzcheck: 安装不完整：缺少 /nonexistent/run.cjs（请在安装目录运行 npm run build）\n',
    );
  });
});
