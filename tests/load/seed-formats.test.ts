// The real published report in ../shared/seed, converted at run time (in a temporary folder, never
// committed) into the formats units send: a .doc saved by LibreOffice, an OFD laid out as a 公文,
// and a zipped folder holding both. Through the real bin, each must give the year and the
// statutory verdicts of the .txt.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOfd } from '../../scripts/lib/write-ofd.js';
import { writeZip } from '../../scripts/lib/write-zip.js';
import { runCli } from '../support/run-cli.js';
import { sharedPath } from '../support/shared-path.js';

const SEED = sharedPath('seed/xinpu-2020-report.txt');
const soffice = findSoffice();

interface JsonFile {
  path: string;
  error: { code: string } | null;
  source: { format: string } | null;
  report: { year: number } | null;
  results: Array<{ ruleId: string; status: string }>;
}

function check(paths: string[], cwd: string): JsonFile[] {
  const run = runCli(['check', ...paths, '--format', 'json', '--fail-on', 'never'], { cwd });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout).files as JsonFile[];
}

const statuses = (file: JsonFile | undefined) =>
  Object.fromEntries(
    (file?.results ?? []).filter((r) => r.ruleId.startsWith('statutory/')).map((r) => [r.ruleId, r.status]),
  );

describe.skipIf(!SEED)('the seed report in other formats', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fzcheck-seed-'));
  const text = SEED ? readFileSync(SEED, 'utf8') : '';
  writeFileSync(join(dir, 'seed.txt'), text);
  writeFileSync(join(dir, 'seed.ofd'), writeOfd(text, 'seed'));

  it('as an OFD and as a zipped folder gives the year and statutory verdicts of the .txt', () => {
    writeFileSync(
      join(dir, 'seed.zip'),
      writeZip([
        { name: '新区/', data: '' },
        { name: '新区/报告.ofd', data: readFileSync(join(dir, 'seed.ofd')) },
        { name: '新区/报告.txt', data: text },
      ]),
    );
    const [plain, ofd, zippedOfd, zippedTxt] = check(['seed.txt', 'seed.ofd', 'seed.zip'], dir);
    expect(plain?.report?.year).toBe(2020);
    expect(Object.keys(statuses(plain)).length).toBeGreaterThan(5);
    expect([ofd?.path, zippedOfd?.path, zippedTxt?.path]).toEqual([
      'seed.ofd',
      'seed.zip/新区/报告.ofd',
      'seed.zip/新区/报告.txt',
    ]);
    for (const file of [ofd, zippedOfd, zippedTxt]) {
      expect(file?.report?.year).toBe(2020);
      expect(statuses(file)).toEqual(statuses(plain));
    }
  });

  it.skipIf(!soffice)(
    'as a .doc saved by LibreOffice (and the same file named .wps) gives the same verdicts',
    () => {
      execFileSync(
        soffice as string,
        ['--headless', '--convert-to', 'doc', '--outdir', dir, join(dir, 'seed.txt')],
        {
          stdio: 'ignore',
        },
      );
      writeFileSync(join(dir, 'seed.wps'), readFileSync(join(dir, 'seed.doc')));
      const [plain, doc, wps] = check(['seed.txt', 'seed.doc', 'seed.wps'], dir);
      expect([doc?.source?.format, wps?.source?.format]).toEqual(['doc', 'wps']);
      for (const file of [doc, wps]) {
        expect(file?.report?.year).toBe(2020);
        expect(statuses(file)).toEqual(statuses(plain));
      }
    },
  );
});

function findSoffice(): string | null {
  for (const candidate of ['soffice', 'libreoffice']) {
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch {}
  }
  return null;
}
