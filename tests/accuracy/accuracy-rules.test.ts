// The yardstick of `npm run accuracy` on invented values: how titles, subjects and headings are
// compared, how verdicts are read, and that the ratchet only goes up.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldForCompare, sameSubject, sameTitle } from '../../scripts/lib/accuracy/compare.js';
import { matchHeadings } from '../../scripts/lib/accuracy/measure.js';
import { type Ratchet, raiseRatchet, ratchetFailures } from '../../scripts/lib/accuracy/ratchet.js';
import { precisionOf, readVerdicts } from '../../scripts/lib/accuracy/verdicts.js';

describe('foldForCompare', () => {
  it.each([
    ['２０２３ 年度', '2023年度'],
    ['（一）　加强', '(一)加强'],
    [null, ''],
  ])('%s → %s', (text, folded) => expect(foldForCompare(text)).toBe(folded));
});

describe('sameTitle', () => {
  it.each([
    [
      'same text after folding',
      '青溪县２０２３年度法治政府建设情况报告',
      '青溪县2023年度法治政府建设情况报告',
      [],
      true,
    ],
    ['both absent', null, null, [], true],
    ['a title where the label has none', null, '青溪县2023年度报告', [], false],
    ['no title where the label has one', '青溪县2023年度报告', null, [], false],
    [
      'a split title joined',
      '青溪县人民政府关于2023年度',
      '青溪县人民政府关于2023年度法治政府建设情况的报告',
      ['法治政府建设情况的报告', '一、主要举措'],
      true,
    ],
    [
      'a title run on into the body',
      '青溪县2023年度报告',
      '青溪县2023年度报告现将情况报告如下',
      ['一、主要举措'],
      false,
    ],
    ['a breadcrumb instead', '青溪县2023年度报告', '网站首页>信息栏目>青溪县2023年度报告', [], false],
  ] as const)('%s', (_name, labelled, detected, next, expected) => {
    expect(sameTitle(labelled, detected, next)).toBe(expected);
  });
});

describe('sameSubject', () => {
  it.each([
    ['equal', '青溪县', '青溪县', true],
    ['with 人民政府', '青溪县人民政府', '青溪县', true],
    ['with 政府', '青溪县', '青溪县政府', true],
    ['街道办事处 and 街道', '石门街道办事处', '石门街道', true],
    ['管委会 of a zone', '青溪高新区管理委员会', '青溪高新区', true],
    ['a higher-level place in front', '白沙镇', '东江市青溪县白沙镇人民政府', true],
    ['a label that starts at its level word', '县司法局', '青溪县司法局', true],
    ['区政府 named by its district', '区政府', '青溪区', true],
    ['one body of a joint label', '中共白沙镇委员会 白沙镇人民政府', '白沙镇', true],
    ['another body', '青溪县司法局', '青溪县财政局', false],
    ['a different place', '青溪县', '白沙县', false],
    ['a fragment left by a breadcrumb', '青溪县', '网站首页>信息栏目>青溪县', false],
    ['a subject where the label has none', null, '青溪县', false],
  ] as const)('%s', (_name, labelled, detected, expected) => {
    expect(sameSubject(labelled, detected)).toBe(expected);
  });
});

describe('matchHeadings', () => {
  const h = (line: number, level: 1 | 2 | 3 | 4) => ({ line, level, text: '' });
  it('pairs by line and level, takes any level for u, and tells wrong levels from false headings', () => {
    const matches = matchHeadings(
      [
        { line: 2, level: 1, text: '' },
        { line: 3, level: 2, text: '' },
        { line: 4, level: 'u', text: '' },
        { line: 5, level: 2, text: '' },
        { line: 5, level: 1, text: '' },
        { line: 6, level: 3, text: '' },
      ],
      [h(2, 1), h(3, 3), h(4, 4), h(5, 1), h(5, 2), h(6, 3), h(9, 3)],
    );
    expect(matches.map((m) => [m.labelled?.line ?? null, m.detected?.line ?? null, m.right])).toEqual([
      [2, 2, true],
      [3, 3, false], // found at the wrong level: a miss, not a false heading
      [5, 5, true],
      [5, 5, true],
      [6, 6, true],
      [4, 4, true],
      [null, 9, false], // no label: a false heading
    ]);
  });
});

describe('verdicts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fzcheck-verdicts-'));
  const file = (name: string, rows: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, ['id\tline\tcolumn\trule\tverdict\treason', ...rows].join('\n'));
    return path;
  };
  const finding = (id: string, line: number, ruleId: string) => ({
    id,
    line,
    column: 1,
    ruleId,
    excerpt: '',
    message: '',
  });

  it('counts true out of labelled per rule, lists unlabelled findings and stale verdicts', () => {
    const verdicts = readVerdicts(
      file('ok.tsv', [
        'D001\t3\t1\tstyle/a\tTRUE\treal typo',
        'D001\t4\t1\tstyle/a\tFALSE\ton a title',
        'D002\t9\t1\tstyle/b\tFALSE\tgone since',
      ]),
    );
    const precision = precisionOf(
      [finding('D001', 3, 'style/a'), finding('D001', 4, 'style/a'), finding('D003', 1, 'style/b')],
      verdicts,
    );
    expect(precision.overall).toEqual({ true: 1, labelled: 2 });
    expect(Object.fromEntries(precision.byRule)).toEqual({ 'style/a': { true: 1, labelled: 2 } });
    expect(precision.unlabelled.map((f) => f.id)).toEqual(['D003']);
    expect(precision.stale.map((row) => row.id)).toEqual(['D002']);
  });

  it.each([
    ['a verdict other than TRUE/FALSE', 'D001\t3\t1\tstyle/a\tMAYBE\tunsure', /verdict 应为 TRUE 或 FALSE/],
    ['no reason', 'D001\t3\t1\tstyle/a\tTRUE\t', /缺少理由/],
    ['a missing column', 'D001\t3\tstyle/a\tTRUE\treason', /六列/],
  ])('rejects %s, naming the line', (_name, row, message) => {
    expect(() => readVerdicts(file('bad.tsv', [row]))).toThrow(message);
    expect(() => readVerdicts(file('bad.tsv', [row]))).toThrow(/bad\.tsv:2/);
  });

  it('rejects the same finding judged twice', () => {
    const row = 'D001\t3\t1\tstyle/a\tTRUE\treal';
    expect(() => readVerdicts(file('twice.tsv', [row, row]))).toThrow(/D001:3:1:style\/a 重复/);
  });
});

describe('ratchet', () => {
  const fields = (right: number) =>
    Object.fromEntries(
      ['title', 'year', 'subject', 'subjectType', 'publishedAt', 'kind', 'headings', 'chromeLines'].map(
        (f) => [f, { right, total: 10 }],
      ),
    ) as Ratchet['fields'];
  const ratchet = (right: number, falseHeadings: number, t: number, labelled: number): Ratchet => ({
    fields: fields(right),
    falseHeadings: { atMost: falseHeadings },
    precision: { overall: { true: t, labelled }, rules: { 'style/a': { true: t, labelled } } },
  });

  it('holds when nothing got worse, even with fewer findings at a higher precision', () => {
    expect(ratchetFailures(ratchet(6, 3, 2, 3), ratchet(5, 3, 4, 8))).toEqual([]);
  });

  it('names every field, false-heading count and precision that fell', () => {
    expect(ratchetFailures(ratchet(4, 4, 1, 4), ratchet(5, 3, 1, 2))).toEqual([
      ...['title', 'year', 'subject', 'subjectType', 'publishedAt', 'kind', 'headings', 'chromeLines'].map(
        (f) => `${f}：对 4/10，低于棘轮 5/10`,
      ),
      '误认的标题 4 个，多于棘轮 3 个',
      '全部问题 精确率 1/4，低于棘轮 1/2',
      'style/a 精确率 1/4，低于棘轮 1/2',
    ]);
  });

  it('is raised by a better run and never lowered', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'fzcheck-ratchet-')), 'ratchet.json');
    expect(raiseRatchet(path, ratchet(6, 2, 3, 3), ratchet(5, 3, 1, 2))).toEqual([]);
    const written = readFileSync(path, 'utf8');
    expect(JSON.parse(written).fields.title).toEqual({ right: 6, total: 10 });
    expect(raiseRatchet(path, ratchet(4, 2, 3, 3), ratchet(6, 2, 3, 3))).toHaveLength(8);
    expect(readFileSync(path, 'utf8')).toBe(written);
  });
});
