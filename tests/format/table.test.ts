import { describe, expect, it } from 'vitest';
import { summaryRows } from '../../src/format/summary.js';
import { formatTable } from '../../src/format/table.js';
import { displayWidth } from '../../src/format/text-width.js';
import { scoreResults } from '../../src/score/score.js';
import type { FileResult, RuleResult, RunResult } from '../../src/shared/results.js';
import { FORMAT_OPTIONS, findingAt, sampleResults, sampleRun, singleRun } from '../support/sample-run.js';

const AT_80 = { ...FORMAT_OPTIONS, width: 80 };
const ATOMS = ['GB/T', '9704—2012', '7.2.5', '1,234.5', '12.5%', '2020', 'https://example.gov.cn/a/b/c.html'];

function lines(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}

describe('formatTable: one compact line per finding, grouped by part', () => {
  it('lists status, line, what and the fix under the part each finding sits in (80 columns)', () => {
    expect(formatTable(singleRun(), AT_80)).toBe(
      [
        '报告 报告/𠀀溪镇-2023.txt',
        '标题 𠀀溪镇2023年度法治政府建设工作报告',
        '年度 2023（据标题）   主体 𠀀溪镇（乡镇街道）   发布 未注明',
        '规则 适用 5/6 条',
        '〔法定内容〕',
        '  ✗ 缺失 第5行 缺少“存在的不足”：建议在本行之前增加标题 → 存在的不足和原因',
        '〔规范用语〕',
        '  ! 问题 第1行 地名"溪镇"前有生僻字, 请核对：100%',
        '一、工作开展情况',
        '  ◐ 部分 第4行 这里写到了第一责任人履职，但没有单独标题',
        '  i 提示 第4行 此处缺少句号',
        '二、下步打算',
        '  ! 问题 第5行 “下步”应为“下一步”',
        '得分 53.7 / 100  不合格   缺失 1 · 部分 1 · 问题 1 · 提示 1',
        '加 --verbose 显示改法、依据和规则 id',
        '',
      ].join('\n'),
    );
  });

  it('stacks status and place above the text when the text column would be narrower than 32', () => {
    const text = formatTable(singleRun(), { ...FORMAT_OPTIONS, width: 40 });
    expect(lines(text).slice(5, 11)).toEqual([
      '〔法定内容〕',
      '  ✗ 缺失 第5行',
      '    缺少“存在的不足”：建议在本行之前增加',
      '    标题 → 存在的不足和原因',
      '〔规范用语〕',
      '  ! 问题 第1行',
    ]);
  });

  it('merges one rule’s findings with the same message in one part, listing their lines', () => {
    const text = [
      '某镇2023年度法治政府建设工作报告',
      '一、主要举措和成效',
      '今年办结案件。',
      '今年开展培训。',
      '',
    ].join('\n');
    const finding = (at: number) =>
      findingAt(text, '今年', {
        ruleId: 'style/relative-time',
        level: 'info',
        message: '“今年”指代不明',
        suggestion: '2023年',
        at,
      });
    const results = [
      result({
        ruleId: 'style/relative-time',
        title: '相对时间词',
        category: 'style',
        level: 'info',
        status: 'fail',
        weight: 0,
        findings: [finding(0), finding(text.indexOf('今年开展'))],
      }),
    ];
    expect(lines(formatTable(run([file('某镇.txt', text, results)]), AT_80))[5]).toBe(
      '  i 提示 第3行 “今年”指代不明 → 2023年（2处：第3、4行）',
    );
  });

  it('keeps a finding to two lines, ending in “…”, and shows it whole with --verbose', () => {
    const text = formatTable(run([longFile()]), AT_80);
    const entry = lines(text).slice(5, 7);
    expect(entry).toEqual([
      '  ! 问题 第3行 引用的标准写作“GB/T 9704—2012《党政机关公文格式》7.2.5”，版本号',
      '               statutory/first-responsible-evidence-with-a-long-id 与条款号不能…',
    ]);
    expect(lines(text)[7]).toMatch(/^得分 /);
    const verbose = formatTable(run([longFile()]), { ...AT_80, verbose: true });
    expect(verbose).toContain('截至2020年底的数据为1,234.5万元、增长12.5%');
  });

  it('never draws a line wider than the width, and never splits a number or a Latin run', () => {
    for (const width of [40, 60, 80, 100]) {
      for (const verbose of [false, true]) {
        const text = formatTable(run([longFile(), ...sampleRun().files]), {
          ...FORMAT_OPTIONS,
          width,
          verbose,
        });
        for (const line of lines(text))
          expect(displayWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
        // Each number, standard number, id or address is whole on one line wherever it is shown.
        const shown = lines(text).map((line) => line.trim());
        const joined = shown.join('');
        for (const atom of ATOMS) {
          if (!joined.includes(atom)) continue;
          expect(
            shown.some((line) => line.includes(atom)),
            `${atom} split at ${width}${verbose ? ' (verbose)' : ''}`,
          ).toBe(true);
        }
      }
    }
  });

  it('gives fixes and each basis once with --verbose, and the rules that are met', () => {
    const text = formatTable(singleRun(), { ...AT_80, verbose: true });
    expect(text).toContain(
      '改法\n  存在的不足 statutory/shortcomings\n    单设一部分写明存在的不足，如“二、存在的不足和原因”。',
    );
    expect(text.split('《法治政府建设与责任落实督察工作规定》第二十五条').length - 1).toBe(1);
    expect(text).toContain('  statutory/shortcomings、statutory/first-responsible');
    expect(text).toContain('已满足\n  ✓ 满足 主要举措和成效：第3行“一、工作开展情况” statutory/measures');
  });

  it('shows only errors with minLevel error (--quiet) and says so when none is left', () => {
    const text = formatTable(singleRun(), { ...AT_80, minLevel: 'error' });
    expect(lines(text).slice(4, 6)).toEqual([
      '〔法定内容〕',
      '  ✗ 缺失 第5行 缺少“存在的不足”：建议在本行之前增加标题 → 存在的不足和原因',
    ]);
    expect(text).not.toContain('第4行');
    const second = { ...sampleRun(), files: [sampleRun().files[1]!] };
    expect(formatTable(second, { ...AT_80, minLevel: 'error' })).toContain('✓ 没有该级别及以上的问题');
  });
});

describe('formatTable summary', () => {
  it('ranks files by score, unreadable files last, and counts missing statutory items', () => {
    expect(summaryRows(sampleRun().files).map((row) => [row.path, row.score, row.missingStatutory])).toEqual([
      ['报告/石桥街道,2022.txt', 77.8, 0],
      ['报告/𠀀溪镇-2023.txt', 53.7, 1],
      ['报告/扫描件.pdf', null, null],
    ]);
  });

  it('does not count an advisory (weight 0) statutory rule as a missing item', () => {
    const run = sampleRun();
    const file = run.files[0]!;
    const advisory = { ...file.results[1]!, ruleId: 'statutory/other', weight: 0, earned: 0 };
    const files = [{ ...file, results: [...file.results, advisory] }];
    expect(summaryRows(files)[0]!.missingStatutory).toBe(1);
  });

  it('prints the per-file lists, then a summary within 80 columns naming each unit’s main gaps', () => {
    const text = formatTable(sampleRun(), AT_80);
    const summary = text.slice(text.indexOf('汇总（3 份报告，按得分排序）'));
    expect(text.indexOf('报告 报告/𠀀溪镇-2023.txt')).toBeLessThan(text.indexOf('汇总'));
    expect(summary).toBe(
      [
        '汇总（3 份报告，按得分排序）',
        '┌──────┬────────────┬──────┬───────┬──────────┬────────────────────────────────┐',
        '│ 名次 │ 报告单位   │ 年度 │ 得分  │ 等级     │ 主要缺项                       │',
        '├──────┼────────────┼──────┼───────┼──────────┼────────────────────────────────┤',
        '│    1 │ 石桥街道   │ 2022 │  77.8 │ 合格     │ 部分 存在的不足                │',
        '│    2 │ 𠀀溪镇     │ 2023 │  53.7 │ 不合格   │ 缺 存在的不足 等3项            │',
        '│    — │ 扫描件.pdf │ —    │     — │ 无法检查 │ 不支持的文件类型“.pdf”         │',
        '└──────┴────────────┴──────┴───────┴──────────┴────────────────────────────────┘',
        '已检查 2 份，无法检查 1 份',
        '主要缺项：“缺”为完全缺失，“部分”为部分满足；法定内容在前，其余按失分多少',
        '',
      ].join('\n'),
    );
  });

  it('lists all gaps when they fit, and drops the year column when every report has the same year', () => {
    const files = sampleRun()
      .files.slice(0, 2)
      .map((file) => ({
        ...file,
        identity: file.identity ? { ...file.identity, year: 2023 } : null,
      }));
    const summary = formatTable(run(files), { ...FORMAT_OPTIONS, width: 100, summaryOnly: true });
    expect(lines(summary)[2]).toBe(
      '│ 名次 │ 报告单位 │ 得分  │ 等级   │ 主要缺项                                         │',
    );
    expect(lines(summary)[5]).toBe(
      '│    2 │ 𠀀溪镇   │  53.7 │ 不合格 │ 缺 存在的不足；部分 第一责任人职责情况、规范用语 │',
    );
  });

  it('stacks the summary when the table’s narrowest useful columns do not fit', () => {
    const summary = formatTable(sampleRun(), { ...FORMAT_OPTIONS, width: 40, summaryOnly: true });
    expect(lines(summary).slice(0, 7)).toEqual([
      '汇总（3 份报告，按得分排序）',
      '1. 石桥街道 2022 77.8 合格',
      '   部分 存在的不足',
      '2. 𠀀溪镇 2023 53.7 不合格',
      '   缺 存在的不足；部分 第一责任人职责情',
      '   况、规范用语',
      '— 扫描件.pdf 无法检查',
    ]);
  });

  it('prints only the summary with summaryOnly, and none for a single file', () => {
    expect(
      formatTable(sampleRun(), { ...FORMAT_OPTIONS, summaryOnly: true }).startsWith('汇总（3 份报告'),
    ).toBe(true);
    expect(formatTable(singleRun(), FORMAT_OPTIONS)).not.toContain('汇总');
  });
});

function result(fields: Partial<RuleResult> & Pick<RuleResult, 'ruleId' | 'title' | 'status'>): RuleResult {
  return {
    ...sampleResults()[1]!,
    shortTitle: fields.title,
    nature: 'problem',
    statutory: false,
    earned: 0,
    hint: null,
    evidence: [],
    ...fields,
  };
}

function file(path: string, text: string, results: RuleResult[]): FileResult {
  return {
    path,
    error: null,
    source: { format: 'txt', encoding: 'utf-8', publisher: null },
    identity: {
      ...sampleRun().files[0]!.identity!,
      title: text.split('\n')[0]!,
      subject: '某镇',
      year: 2020,
    },
    document: null,
    text,
    results,
    score: scoreResults(results),
  };
}

function run(files: FileResult[]): RunResult {
  return { ...sampleRun(), files };
}

/** A report whose findings carry standards, decimals, thousands and long ids. */
function longFile(): FileResult {
  const text = [
    '某镇2020年度法治政府建设工作报告',
    '一、主要举措和成效',
    '截至20 20年底，全镇引用GB/T 9704—2012。',
    '',
  ].join('\n');
  const finding = findingAt(text, 'GB/T', {
    ruleId: 'statutory/first-responsible-evidence-with-a-long-id',
    level: 'warning',
    message:
      '引用的标准写作“GB/T 9704—2012《党政机关公文格式》7.2.5”，版本号 statutory/first-responsible-evidence-with-a-long-id 与条款号不能拆开；截至2020年底的数据为1,234.5万元、增长12.5%，请核对https://example.gov.cn/a/b/c.html',
  });
  return file('长行.txt', text, [
    result({
      ruleId: 'statutory/first-responsible-evidence-with-a-long-id',
      title: '引用标准',
      category: 'style',
      level: 'warning',
      status: 'fail',
      weight: 1,
      hint: '写全标准号 GB/T 9704—2012 和条款 7.2.5。',
      basis: 'GB/T 9704—2012《党政机关公文格式》7.2.5',
      findings: [finding],
    }),
  ]);
}
