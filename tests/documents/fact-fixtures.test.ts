// Whole reports in fixtures/reports run through every built-in rule: identity detection and the
// figures / consistency / timeliness rules, as a reviewer would see them.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBuiltinPackFiles } from '../../src/config/load-packs.js';
import { parseDocument } from '../../src/parse/parse-document.js';
import { compileRules } from '../../src/rules/engine/compile-rules.js';
import { runRules } from '../../src/rules/engine/run-rules.js';

const { packs } = await readBuiltinPackFiles();
const { ruleSet } = compileRules(
  packs.flatMap((pack) => pack.rules.map((spec, index) => ({ spec, source: pack.source, index }))),
);

function check(name: string) {
  const doc = parseDocument(readFileSync(new URL(`../../fixtures/reports/${name}`, import.meta.url), 'utf8'));
  const results = runRules(doc, ruleSet);
  const result = (id: string) => {
    const found = results.find((r) => r.ruleId === id);
    if (!found) throw new Error(`no result for ${id}`);
    return found;
  };
  const status = (id: string) => result(id).status;
  return { identity: doc.identity, result, status };
}

describe('a township report for 2016 (2015 纲要, first-quarter deadline)', () => {
  const report = check('dongshan-township-2016.txt');
  it('is identified', () => {
    expect(report.identity).toMatchObject({ year: 2016, subjectType: 'township', publishedAt: '2017-03-20' });
  });
  it('meets the facts rules that apply to a township', () => {
    for (const id of [
      'consistency/report-year',
      'consistency/goal-phrase',
      'consistency/outline-title-years',
      'consistency/rates',
      'timeliness/publication-deadline',
      'metrics/mediation',
      'metrics/study',
    ])
      expect([id, report.status(id)]).toEqual([id, 'pass']);
  });
  it('does not expect reconsideration or normative-document figures from a township', () => {
    expect(report.status('metrics/reconsideration')).toBe('skip');
    expect(report.status('metrics/normative-documents')).toBe('skip');
    expect(report.status('outline-2021/coverage')).toBe('skip');
  });
  it('names the 纲要 tasks not covered', () => {
    expect(report.result('outline-2015/coverage').message).toBe(
      '已覆盖纲要5/7个方面；未覆盖：完善依法行政制度体系、推进行政决策科学化民主化法治化',
    );
  });
});

describe('a department report for 2023 with copy-paste defects', () => {
  const report = check('beichuan-justice-bureau-2023.txt');
  it('is identified', () => {
    expect(report.identity).toMatchObject({ year: 2023, subject: '北川县司法局', subjectType: 'department' });
  });
  it.each([
    ['consistency/report-year', 9, 4, '标题写的是2022年，报告年度为2023年，疑为沿用上年文稿'],
    ['consistency/goal-phrase', 5, 29, /属于2015—2020年纲要，2023年度报告应使用2021—2025年纲要/],
    ['consistency/outline-title-years', 5, 79, '纲要年份“（20212025年）”缺少连接号，应为“（2021—2025年）”'],
    ['consistency/rates', 16, 49, '出庭应诉率写为100%，但按10次÷20件计算应为50%'],
    ['timeliness/publication-deadline', 3, 1, /当天发布是否算按时存在歧义/],
  ])('%s', (id, line, column, message) => {
    const findings = report.result(id).findings;
    expect(findings.map((f) => [f.line, f.column])).toEqual([[line, column]]);
    if (typeof message === 'string') expect(findings[0]?.message).toBe(message);
    else expect(findings[0]?.message).toMatch(message);
  });
  it('extracts the figures it states', () => {
    expect(report.result('metrics/enforcement-training').evidence.map((e) => e.label)).toEqual([
      '执法人员：1,126名',
      '法治培训：3期',
    ]);
  });
});

describe('a district report for 2025 signed at the end, without a page date', () => {
  const report = check('nanhu-district-2025.txt');
  it('takes the subject from the signature', () => {
    expect(report.identity).toMatchObject({
      year: 2025,
      subject: '南湖区人民政府',
      subjectType: 'government',
      subjectTypeSource: 'signature',
      publishedAt: '2026-03-10',
      publishedAtSource: 'signature',
    });
  });
  it('does not judge the deadline on the date under the signature: skipped, saying it is not a publication date', () => {
    const deadline = report.result('timeliness/publication-deadline');
    expect([deadline.status, deadline.messageId, deadline.findings]).toEqual(['skip', 'signedOnly', []]);
  });
  it('verifies the rates against their counts', () => {
    expect(report.result('consistency/rates').message).toBe(
      '已核对4个比率，未发现问题：一网通办率：99.2%、出庭应诉率：96.9%（62÷64≈96.88%）、败诉率：3.1%、成功率：97.1%（4088÷4210≈97.1%）',
    );
  });
  it('covers the 2021 纲要 and states the expected figures', () => {
    expect(report.status('outline-2021/coverage')).toBe('pass');
    for (const id of [
      'reconsideration',
      'litigation',
      'court-appearance',
      'loss-rate',
      'normative-documents',
    ])
      expect([id, report.status(`metrics/${id}`)]).toEqual([id, 'pass']);
  });
});
