import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/format/junit.js';
import { expectGoldenText } from '../support/golden-text.js';
import { sampleRun } from '../support/sample-run.js';

interface Case {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_message': string; '@_type': string; '#text': string };
  skipped?: { '@_message': string };
  error?: { '@_message': string; '@_type': string };
}

describe('formatJunit', () => {
  const xml = formatJunit(sampleRun());
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
  }).parse(xml);

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
  });

  it('has one suite per file and one case per rule, with the counts', () => {
    const root = parsed.testsuites;
    expect([root['@_tests'], root['@_failures'], root['@_errors'], root['@_skipped']]).toEqual([
      '9',
      '5',
      '1',
      '1',
    ]);
    const suites = root.testsuite as Array<{
      '@_name': string;
      '@_tests': string;
      '@_failures': string;
      testcase: Case[];
    }>;
    expect(suites.map((suite) => [suite['@_name'], suite['@_tests'], suite['@_failures']])).toEqual([
      ['报告/𠀀溪镇-2023.txt', '6', '4'],
      ['报告/石桥街道,2022.txt', '2', '1'],
      ['报告/扫描件.pdf', '1', '0'],
    ]);
    const cases = suites[0]!.testcase;
    expect(cases.map((item) => item['@_name'])).toEqual([
      'statutory/measures 主要举措和成效',
      'statutory/shortcomings 存在的不足',
      'statutory/first-responsible 第一责任人职责情况',
      'terms/wording 规范用语',
      'style/sentence-end 句末标点',
      'statutory/deadline 公开时限',
    ]);
    expect(cases[0]!.failure).toBeUndefined();
    expect(cases[5]!.skipped?.['@_message']).toBe('未识别发布日期，本规则不适用');
    expect(suites[2]!.testcase[0]!.error).toEqual({
      '@_message': '不支持的文件类型“.pdf”',
      '@_type': 'unsupported-format',
    });
  });

  it('gives an unmet rule a failure with its findings, fix and basis', () => {
    const failure = (parsed.testsuites.testsuite[0].testcase as Case[])[3]!.failure!;
    expect(failure['@_message']).toBe('问题：2 处用语不规范');
    expect(failure['@_type']).toBe('warning');
    expect(failure['#text']).toBe(
      [
        '二、下步打算（标题行）（第5行）：“下步”应为“下一步”',
        '文首（标题部分）（第1行）：地名"溪镇"前有生僻字, 请核对：100%',
        '依据：《党政机关公文格式》（GB/T 9704-2012）',
        '得分：1/2',
      ].join('\n'),
    );
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const run = sampleRun();
    const file = run.files[0]!;
    const odd = { ...file.results[1]!, title: '<标题> & "引号"\u0001' };
    const out = formatJunit({ ...run, files: [{ ...file, results: [odd] }] });
    expect(XMLValidator.validate(out)).toBe(true);
    expect(out).toContain('name="statutory/shortcomings &lt;标题&gt; &amp; &quot;引号&quot;\uFFFD"');
  });

  it('matches the golden file', () => {
    expectGoldenText(new URL('golden/sample.junit.xml', import.meta.url), xml);
  });
});
