// Reports shaped against the built-in rules (issue 11): runs that used to be quadratic or to
// overflow the call stack give exact, capped results; what the engine shares (exception lookup,
// excerpts, the per-file error boundary, JSON in pieces) keeps its contract.

import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/config/load-packs.js';
import { formatJson, jsonPieces } from '../../src/format/json.js';
import { checkSource, errorResult } from '../../src/pipeline/check-input.js';
import { Containers } from '../../src/rules/kinds/shared/ranges.js';
import { Budget, OverBudgetError } from '../../src/shared/budget.js';
import type { RuleResult } from '../../src/shared/results.js';
import { sampleRun } from '../support/sample-run.js';

const { ruleSet } = await loadRules();
const HEAD = '某县2023年度法治政府建设情况报告\n一、主要举措和成效\n全年办理行政复议案件12件。\n';

function resultOf(body: string, ruleId: string): RuleResult {
  const source = {
    path: 'x.txt',
    format: 'txt' as const,
    encoding: 'utf-8',
    text: `${HEAD}${body}\n`,
    meta: {},
  };
  const result = checkSource(source, ruleSet, { maxBytes: 20 * 1024 * 1024 }, null, new Budget(60_000));
  const rule = result.results.find((candidate) => candidate.ruleId === ruleId);
  if (!rule) throw new Error(`no result for ${ruleId}`);
  return rule;
}

describe('paired marks', () => {
  it('pairs 40,000 opening quotes with 40,000 closing ones', () => {
    expect(resultOf(`${'“'.repeat(40_000)}${'”'.repeat(40_000)}`, 'style/paired-marks').status).toBe('pass');
  });

  it('reports 200,000 unclosed quotes as 200 findings and a count of the rest', () => {
    const result = resultOf('“'.repeat(200_000), 'style/paired-marks');
    expect(result.findings).toHaveLength(201);
    expect(result.findings.at(-1)?.message).toBe('本规则另有199800处问题未逐一列出');
  });
});

describe('long lines and many lines', () => {
  it('keeps excerpts short for findings on a line of a million characters', () => {
    const result = resultOf('截止'.repeat(500_000), 'style/duplicate-words');
    expect(result.findings.length).toBeGreaterThan(0);
    expect(Math.max(...result.findings.map((finding) => [...finding.excerpt].length))).toBeLessThanOrEqual(
      41,
    );
  });

  it('checks 40,000 paragraphs under one heading, each ended with a full stop', () => {
    const result = resultOf('全年办理行政复议案件十二件，均已审结。\n'.repeat(40_000), 'style/sentence-end');
    expect(result.status).toBe('pass');
  });
});

describe('Containers', () => {
  const containers = new Containers([
    { start: 50, end: 60 },
    { start: 0, end: 10 },
    { start: 5, end: 30 },
  ]);
  it.each([
    [{ start: 1, end: 9 }, true],
    [{ start: 6, end: 29 }, true],
    [{ start: 9, end: 31 }, false],
    [{ start: 30, end: 31 }, false],
    [{ start: 55, end: 60 }, true],
    [{ start: 59, end: 61 }, false],
  ])('%o inside one container: %s', (range, inside) => {
    expect(containers.contains(range)).toBe(inside);
  });
});

describe('error boundary', () => {
  it.each([
    [new OverBudgetError('检查用时超过 6 秒，已中止'), 'over-budget', '资源超限：检查用时超过 6 秒，已中止'],
    [
      new RangeError('Maximum call stack size exceeded'),
      'over-budget',
      '资源超限：文件的结构过深或内容过多，超出了检查程序的处理能力',
    ],
    [new TypeError('x is not a function'), 'internal', '检查时出错（内部错误）：x is not a function'],
  ])('turns %s into one error result', (error, code, message) => {
    expect(errorResult('a.txt', error).error).toEqual({ code, message });
  });
});

describe('JSON in pieces', () => {
  it('joins to exactly the indented document', () => {
    const run = sampleRun();
    const joined = [...jsonPieces(run)].join('');
    expect(joined).toBe(`${JSON.stringify(JSON.parse(joined), null, 2)}\n`);
    expect(formatJson(run)).toBe(joined);
    expect([...jsonPieces(run)]).toHaveLength(run.files.length + 2);
  });
});
