// Odd text must never make a rule throw or point outside the document: random mixes of headings,
// markers, punctuation, chrome, figures and blank lines, with a fixed seed so failures repeat.

import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/config/load-packs.js';
import { checkSource } from '../../src/pipeline/check-input.js';

const PIECES = [
  '一、',
  '（一）',
  '(二)',
  '1.',
  '（1）',
  '一是',
  '二是',
  '存在的问题',
  '下一步工作打算',
  '主要举措和成效',
  '第一责任人',
  '党政主要负责人',
  '行政复议',
  '案件',
  '12件',
  '100%',
  '出庭应诉率',
  '纲要（2015-2020）',
  '《法治政府建设实施纲要（2021—2025年）》',
  '遵新党办发〔2020〕131号',
  '〔20208',
  '“',
  '”',
  '《',
  '》',
  '（',
  '）',
  '。',
  '，',
  '；',
  '：',
  '\n',
  '\n\n',
  ' ',
  '\u3000',
  '发布时间：2021-03-16',
  '扫一扫在手机打开当前页',
  'XX',
  '截止目前',
  '今年',
  '工作工作',
  '𠀀',
  'é',
  '\t',
  '2020年度',
  '职能科学、权责法定、执法严明、公开公正、廉洁高效、守法诚信',
];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const { ruleSet } = await loadRules();

describe('robustness', () => {
  it('checks 300 random texts without throwing, every finding inside the text', () => {
    const next = random(20261128);
    for (let i = 0; i < 300; i++) {
      const parts: string[] = [];
      const count = Math.floor(next() * 120);
      for (let j = 0; j < count; j++) parts.push(PIECES[Math.floor(next() * PIECES.length)] as string);
      const text = parts.join('');
      const result = checkSource(
        { path: `random-${i}.txt`, format: 'txt', encoding: 'utf-8', text, meta: {} },
        ruleSet,
        {
          maxBytes: 1e9,
        },
      );
      const lines = text.split('\n').length;
      for (const finding of result.results.flatMap((r) => r.findings)) {
        expect(finding.line, text).toBeGreaterThanOrEqual(1);
        expect(finding.line, text).toBeLessThanOrEqual(lines);
        expect(finding.offset, text).toBeLessThanOrEqual([...text].length);
      }
      expect(result.score === null || (result.score.points ?? 0) <= 100).toBe(true);
    }
  });
});
