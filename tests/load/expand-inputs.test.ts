import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ExpandedInput, expandInputs } from '../../src/load/expand-inputs.js';

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fzcheck-expand-'));
  const files = [
    '报告/乡镇/b镇.docx',
    '报告/乡镇/a镇.txt',
    '报告/部门/司法局.pdf',
    '报告/部门/~$司法局.docx',
    '报告/部门/说明.xlsx',
    '报告/.git/objects.txt',
    '报告/.缓存/x.txt',
    '报告/区政府.HTML',
    '报告/扫描件/盖章页.JPG',
    '报告/区政府_files/logo.png',
    '报告/区政府.files/banner.jpg',
    '空目录/readme',
    'single.md',
  ];
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '一、主要举措和成效');
  }
});

const shown = (inputs: ExpandedInput[]) =>
  inputs.map((input) =>
    input.kind === 'file' ? input.path : input.kind === 'stdin' ? '-' : `!${input.path}`,
  );

describe('expandInputs', () => {
  it('walks a directory: known extensions, sorted, no hidden folders, ~$ lock files or saved-page resources', async () => {
    expect(shown(await expandInputs(['报告'], root))).toEqual([
      join('报告', '乡镇', 'a镇.txt'),
      join('报告', '乡镇', 'b镇.docx'),
      join('报告', '区政府.HTML'),
      join('报告', '扫描件', '盖章页.JPG'),
      join('报告', '部门', '司法局.pdf'),
    ]);
  });

  it('expands globs relative to cwd and absolute ones', async () => {
    expect(shown(await expandInputs(['报告/**/*.{docx,pdf}'], root))).toEqual([
      join('报告', '乡镇', 'b镇.docx'),
      join('报告', '部门', '司法局.pdf'),
    ]);
    expect(shown(await expandInputs([`${root}/报告/乡镇/*`], '/'))).toEqual([
      join(root, '报告', '乡镇', 'a镇.txt'),
      join(root, '报告', '乡镇', 'b镇.docx'),
    ]);
  });

  it('keeps argument order, checks a file named twice once, and passes stdin and missing files on', async () => {
    expect(
      shown(await expandInputs(['single.md', '-', '报告/乡镇', '报告/乡镇/a镇.txt', 'missing.txt'], root)),
    ).toEqual([
      'single.md',
      '-',
      join('报告', '乡镇', 'a镇.txt'),
      join('报告', '乡镇', 'b镇.docx'),
      'missing.txt',
    ]);
  });

  it('reports a glob or a directory that matches nothing', async () => {
    const inputs = await expandInputs(['*.pdf', '空目录'], root);
    expect(shown(inputs)).toEqual(['!*.pdf', '!空目录']);
    for (const input of inputs) if (input.kind === 'no-match') expect(input.message).toMatch(/没有/);
  });

  it('gives absolute file paths to the loader', async () => {
    const [input] = await expandInputs(['single.md'], root);
    expect(input).toEqual({ kind: 'file', path: 'single.md', file: join(root, 'single.md') });
  });
});
