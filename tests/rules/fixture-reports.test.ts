// Whole reports written for the tests (not copied from real ones): a clean report gets no
// wording, style or noise finding; a flawed one gets exactly the expected ones.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBuiltinPackFiles } from '../../src/config/load-packs.js';
import { parseDocument } from '../../src/parse/parse-document.js';
import { compileRules } from '../../src/rules/engine/compile-rules.js';
import { runRules } from '../../src/rules/engine/run-rules.js';
import { scoreResults } from '../../src/score/score.js';

const { packs } = await readBuiltinPackFiles();
const { ruleSet } = compileRules(
  packs.flatMap((pack) =>
    pack.rules.map((spec, index) => ({ spec, source: pack.source, index, builtin: true })),
  ),
);
const WORDING_PACKS = ['terms', 'style', 'noise'];

function findingsOf(text: string): string[] {
  const doc = parseDocument(text);
  return runRules(doc, ruleSet)
    .filter((result) => WORDING_PACKS.includes(result.ruleId.split('/')[0] as string))
    .flatMap((result) => result.findings.map((f) => `${result.ruleId} ${f.line}:${f.column} ${f.excerpt}`));
}

// Complete, correct reports written for the tests: township, department, county government and
// street office; in the regulation's own headings, with the 第一责任人 part first, topical.
const CORRECT_REPORTS = [
  'clean-county-2023.txt',
  'regulation-headings-township-2023.txt',
  'regulation-wording-county-2022.txt',
  'first-responsible-first-bureau-2024.txt',
  'topical-first-responsible-street-2025.txt',
];

describe('correct reports', () => {
  for (const name of CORRECT_REPORTS) {
    it(`${name}: no finding at all, every statutory, duty and three-systems rule passes, graded 优秀`, () => {
      const text = readFileSync(new URL(`../../fixtures/reports/${name}`, import.meta.url), 'utf8');
      const results = runRules(parseDocument(text), ruleSet);
      const findings = name.startsWith('clean-county')
        ? results.filter((r) => WORDING_PACKS.includes(r.ruleId.split('/')[0] as string))
        : results;
      expect(
        findings.flatMap((r) => r.findings.map((f) => `${r.ruleId} ${f.line}:${f.column} ${f.message}`)),
      ).toEqual([]);
      const gated = results.filter((r) => /^(statutory|duties|enforcement)\//.test(r.ruleId));
      expect(gated.filter((r) => r.status !== 'pass').map((r) => `${r.ruleId} ${r.status}`)).toEqual([]);
      expect(scoreResults(results).grade).toBe('优秀');
    });
  }
});

describe('fixture reports', () => {
  it('a clean 2023 county report gets no wording, style or noise finding', () => {
    const text = readFileSync(
      new URL('../../fixtures/reports/clean-county-2023.txt', import.meta.url),
      'utf8',
    );
    expect(findingsOf(text)).toEqual([]);
    const statutory = runRules(parseDocument(text), ruleSet).filter((r) => r.ruleId.startsWith('statutory/'));
    expect(statutory.filter((r) => r.status !== 'pass').map((r) => r.ruleId)).toEqual([]);
  });

  it('a flawed 2017 township report gets the expected findings', () => {
    const text = [
      '石桥镇2017年法治政府建设工作报告',
      '今年以来，我镇扎实推进法制政府建设，全面推行行政执法公示制度',
      '一、主要举措和成效',
      '（一）加强组织领导。镇长认真履行推进法治政府建设第一责任人职责，印发《工作要点》（石镇发[2017]05号）。',
      '（三）深化普法宣传。开展“法律进乡村活动12场，发放资料XX份。',
      '二、存在的问题',
      '执法力量不足，镇法制办人员偏少。', // 2017: the old name was still current
      '三、下步工作打算',
      '截止目前，各项工作工作有序推进。',
    ].join('\n');
    // Rules report in pack order: most important category first (src/rules/categories.ts).
    expect(findingsOf(text)).toEqual([
      'terms/standard-wording 2:12 法制政府',
      'terms/standard-wording 4:17 推进法治政府建设第一责任人',
      'terms/standard-wording 8:3 下步',
      'terms/standard-wording 9:1 截止',
      'style/doc-number 4:42 石镇发[2017]05号',
      'style/heading-numbering 5:1 （三）深化普法宣传',
      'style/paired-marks 5:13 “',
      'style/duplicate-words 9:8 工作工作',
      'style/relative-time 2:1 今年',
      'style/relative-time 9:1 截止目前',
      'style/sentence-end 2:30 度',
      'noise/placeholder 5:29 XX',
    ]);
  });
});
