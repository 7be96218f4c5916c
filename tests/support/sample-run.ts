// A small synthetic RunResult for formatter tests: Chinese text with a character outside the BMP
// (𠀀, two UTF-16 units, one code point) before the findings, overlapping findings, an empty
// range, passed and skipped rules, a second report and one file that could not be read.

import { locate } from '../../src/parse/locate.js';
import { parseDocument } from '../../src/parse/parse-document.js';
import { failedInput } from '../../src/pipeline/check-input.js';
import { scoreResults } from '../../src/score/score.js';
import type { Level } from '../../src/shared/levels.js';
import type { FileResult, Finding, ReportIdentity, RuleResult, RunResult } from '../../src/shared/results.js';
import { PositionMap } from '../../src/text/position-map.js';

/** The categories of the sample run, in gap-table order. */
export const SAMPLE_CATEGORIES = [
  { id: 'statutory', label: '法定内容' },
  { id: 'duties', label: '第一责任人履职' },
  { id: 'timeliness', label: '公开时效' },
  { id: 'terms', label: '规范用语' },
  { id: 'style', label: '公文格式' },
] as const;

/** The text of the first sample report. */
export const SAMPLE_TEXT = [
  '𠀀溪镇2023年度法治政府建设工作报告',
  '',
  '一、工作开展情况',
  '镇党委书记带头学法，落实“执法公示”制度，办理复议案件3件。',
  '二、下步打算',
  '继续推进，50%的事项要“一网通办”。',
  '',
].join('\n');

/** A finding on the `nth` (0-based) occurrence of `needle` in `text`; empty when needle is ''. */
export function findingAt(
  text: string,
  needle: string,
  options: {
    ruleId: string;
    level: Level;
    message: string;
    messageId?: string;
    suggestion?: string;
    at?: number;
  },
): Finding {
  const start = needle === '' ? (options.at ?? 0) : text.indexOf(needle, options.at ?? 0);
  if (start < 0) throw new Error(`“${needle}” not in text`);
  const positions = new PositionMap(text);
  const from = positions.at(start);
  const to = positions.at(start + needle.length);
  return {
    ruleId: options.ruleId,
    level: options.level,
    messageId: options.messageId ?? 'sample',
    data: {},
    message: options.message,
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    offset: from.offset,
    endOffset: to.offset,
    utf16Column: from.utf16Column,
    utf16EndColumn: to.utf16Column,
    excerpt: needle === '' ? (text.split('\n')[from.line - 1] ?? '') : needle,
    suggestion: options.suggestion ?? null,
    location: locate(parseDocument(text), start),
  };
}

function rule(fields: Partial<RuleResult> & Pick<RuleResult, 'ruleId' | 'title' | 'status'>): RuleResult {
  return {
    shortTitle: fields.title,
    category: 'statutory',
    level: 'error',
    nature: 'requirement',
    statutory: fields.ruleId.startsWith('statutory/'),
    weight: 10,
    earned: fields.status === 'pass' ? (fields.weight ?? 10) : 0,
    messageId: 'sample',
    data: {},
    message: '',
    basis: '《法治政府建设与责任落实督察工作规定》第二十五条',
    hint: null,
    findings: [],
    evidence: [],
    ...fields,
  };
}

const identity = (fields: Partial<ReportIdentity>): ReportIdentity => ({
  title: null,
  titleLine: 1,
  year: null,
  yearSource: 'title',
  subject: null,
  subjectType: 'township',
  subjectTypeSource: 'title',
  kind: 'annual-report',
  kindReason: '标题是法治政府建设年度报告',
  publishedAt: null,
  publishedAtSource: null,
  publisher: null,
  headConfidence: 0.9,
  ...fields,
});

function fileResult(path: string, text: string, id: ReportIdentity, results: RuleResult[]): FileResult {
  return {
    path,
    error: null,
    source: { format: 'txt', encoding: 'utf-8', publisher: null },
    document: null,
    identity: id,
    text,
    results,
    score: scoreResults(results),
  };
}

/** The first sample report's rule results. */
export function sampleResults(text = SAMPLE_TEXT): RuleResult[] {
  return [
    rule({
      ruleId: 'statutory/measures',
      title: '主要举措和成效',
      status: 'pass',
      weight: 15,
      message: '第3行“一、工作开展情况”',
    }),
    rule({
      ruleId: 'statutory/shortcomings',
      title: '存在的不足',
      status: 'fail',
      weight: 12,
      message: '未找到“存在的不足”部分',
      hint: '单设一部分写明存在的不足，如“二、存在的不足和原因”。',
      findings: [
        findingAt(text, '二、下步打算', {
          ruleId: 'statutory/shortcomings',
          level: 'error',
          message: '缺少“存在的不足”：建议在本行之前增加标题',
          suggestion: '存在的不足和原因',
        }),
      ],
    }),
    rule({
      ruleId: 'statutory/first-responsible',
      title: '第一责任人职责情况',
      status: 'partial',
      weight: 12,
      earned: 6,
      message: '有内容但没有单独标题',
      hint: '单设标题写明第一责任人履职情况。',
      findings: [
        findingAt(text, '镇党委书记带头学法', {
          ruleId: 'statutory/first-responsible',
          level: 'warning',
          message: '这里写到了第一责任人履职，但没有单独标题',
        }),
      ],
    }),
    rule({
      ruleId: 'terms/wording',
      title: '规范用语',
      category: 'terms',
      level: 'warning',
      nature: 'problem',
      status: 'partial',
      weight: 2,
      earned: 1,
      message: '2 处用语不规范',
      basis: '《党政机关公文格式》（GB/T 9704-2012）',
      findings: [
        findingAt(text, '下步', {
          ruleId: 'terms/wording',
          level: 'warning',
          message: '“下步”应为“下一步”',
          suggestion: '下一步',
        }),
        findingAt(text, '溪镇', {
          ruleId: 'terms/wording',
          level: 'warning',
          message: '地名"溪镇"前有生僻字, 请核对：100%',
        }),
      ],
    }),
    rule({
      ruleId: 'style/sentence-end',
      title: '句末标点',
      category: 'style',
      level: 'info',
      nature: 'problem',
      status: 'fail',
      weight: 0,
      message: '1 处句子缺少句末标点',
      basis: '公文写作规范',
      findings: [
        findingAt(text, '', {
          ruleId: 'style/sentence-end',
          level: 'info',
          message: '此处缺少句号',
          at: text.indexOf('\n二、'),
        }),
      ],
    }),
    rule({
      ruleId: 'statutory/deadline',
      title: '公开时限',
      category: 'timeliness',
      status: 'skip',
      message: '未识别发布日期，本规则不适用',
    }),
  ];
}

const SECOND_TEXT = '石桥街道2022年度法治政府建设情况报告\n一、主要举措和成效\n开展法治讲座12场。\n';

/** A run of three inputs: the sample report, a better one, and a file that could not be read. */
export function sampleRun(): RunResult {
  const first = fileResult(
    '报告/𠀀溪镇-2023.txt',
    SAMPLE_TEXT,
    identity({ title: '𠀀溪镇2023年度法治政府建设工作报告', year: 2023, subject: '𠀀溪镇' }),
    sampleResults(),
  );
  const second = fileResult(
    '报告/石桥街道,2022.txt',
    SECOND_TEXT,
    identity({ title: '石桥街道2022年度法治政府建设情况报告', year: 2022, subject: '石桥街道' }),
    [
      rule({
        ruleId: 'statutory/measures',
        title: '主要举措和成效',
        status: 'pass',
        weight: 15,
        message: '第2行',
      }),
      rule({
        ruleId: 'statutory/shortcomings',
        title: '存在的不足',
        status: 'partial',
        weight: 12,
        earned: 6,
        level: 'warning',
        message: '有内容但没有单独标题',
        findings: [
          findingAt(SECOND_TEXT, '开展法治讲座12场', {
            ruleId: 'statutory/shortcomings',
            level: 'warning',
            message: '没有单独标题',
          }),
        ],
      }),
    ],
  );
  const broken = failedInput('报告/扫描件.pdf', 'unsupported-format', '不支持的文件类型“.pdf”');
  return {
    tool: { name: 'fzcheck', version: '0.1.0' },
    files: [first, second, broken],
    rules: [],
    categories: SAMPLE_CATEGORIES,
  };
}

/** A run of just the first sample report. */
export function singleRun(): RunResult {
  const run = sampleRun();
  return { ...run, files: [run.files[0]!] };
}

/** Options for text formats in tests. */
export const FORMAT_OPTIONS = { color: false, verbose: false, width: 100, summaryOnly: false } as const;
