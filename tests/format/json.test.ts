import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/format/json.js';
import { expectGoldenText } from '../support/golden-text.js';
import { sampleRun } from '../support/sample-run.js';

describe('formatJson', () => {
  const text = formatJson(sampleRun());
  const json = JSON.parse(text);

  it('keeps the version 1 contract with code-point positions', () => {
    expect(json.version).toBe(1);
    expect(json.files.map((file: { path: string }) => file.path)).toEqual([
      '报告/𠀀溪镇-2023.txt',
      '报告/石桥街道,2022.txt',
      '报告/扫描件.pdf',
    ]);
    expect(json.files[0].report).toMatchObject({ subject: '𠀀溪镇', year: 2023 });
    const wording = json.files[0].results.find(
      (result: { ruleId: string }) => result.ruleId === 'terms/wording',
    );
    expect(wording.findings[1]).toEqual({
      ruleId: 'terms/wording',
      level: 'warning',
      messageId: 'sample',
      data: {},
      message: '地名"溪镇"前有生僻字, 请核对：100%',
      line: 1,
      column: 2,
      endLine: 1,
      endColumn: 4,
      offset: 1,
      excerpt: '溪镇',
      suggestion: null,
      location: { part: null, heading: null, paragraph: null, firstWords: null },
      baseline: null, // no --baseline given
    });
    expect(json.files[2]).toMatchObject({ error: { code: 'unsupported-format' }, report: null, score: null });
    expect(json.summary).toEqual({
      files: 3,
      errors: 1,
      meanScore: 65.8,
      findings: { error: 1, warning: 4, info: 1 },
      sharedParagraphs: [],
    });
  });

  it('is deterministic and matches the golden file', () => {
    expect(formatJson(sampleRun())).toBe(text);
    expectGoldenText(new URL('golden/sample.json.golden', import.meta.url), text);
  });
});

describe('jsonPieces', () => {
  it.each([
    ['no files', 0, 0],
    ['one file', 1, 0],
    ['three files and two shared paragraphs', 3, 2],
  ])('joined are the document pretty-printed (%s)', (_, files, shared) => {
    const run = sampleRun();
    const sharedParagraphs = Array.from({ length: shared }, (_, i) => ({
      excerpt: `共用段落${i}`,
      units: ['甲县', '乙县'],
      places: [
        { path: 'a.txt', line: i + 1 },
        { path: 'b.txt', line: i + 2 },
      ],
    }));
    const text = formatJson({ ...run, files: run.files.slice(0, files), sharedParagraphs });
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(JSON.parse(text).summary.sharedParagraphs).toEqual(sharedParagraphs);
    expect(JSON.parse(text).files).toHaveLength(files);
  });
});
