// Kind `consistency`: facts in the report that must agree with each other. One rule runs one
// `check`; the tables it compares against are options, so packs (not code) hold the data.
//
// Options
//   check:        report-year | goal-phrase | outline-title-years | rates
//   editions:     (goal-phrase, outline-title-years) the 纲要 editions:
//                 { name, span: [from, to] (years in its title), reportYears: {from, to} (the
//                 report years it governs), citable: {from, to} (report years in which citing it
//                 alone is normal; default reportYears), goal: [goal-phrase items] }
//   outlineTitle: (outline-title-years) pattern of the cited title, e.g. 法[治制]政府建设实施纲要
//   planSection:  (report-year) id of the section rule that locates the next-year plan
//   headingLevels: (report-year) heading levels checked (default [1, 2])
//   allow:        (report-year) patterns: a heading naming another year is fine when it matches
//   rateName:     (rates) pattern of a rate's name before its value (default: Han chars + 率)
//   unbounded:    (rates) patterns of rate names that may exceed 100 % (增长率 …)
//   pairs:        (rates) a rate and the counts it is computed from:
//                 { name, rate, numerator: {keywords, units}, denominator: {keywords, units},
//                   window (characters before the rate in which the counts must stand) }
//   tolerance:    (rates) allowed difference in percentage points (default 1)
//
// Examples: check goal-phrase flags "廉洁高效、守法诚信" in a 2023 report; check rates flags
// "应诉案件20件，负责人出庭应诉10次，出庭应诉率100%" (10/20 = 50 %).

import type { CompiledCheck, ReportProblem, RuleKind, RuleSpec } from '../types.js';
import { compileGoalPhrase } from './consistency/goal-phrase.js';
import type { ConsistencyOptions } from './consistency/options.js';
import { compileOutlineTitleYears } from './consistency/outline-title-years.js';
import { compileRates } from './consistency/rates.js';
import { compileReportYear } from './consistency/report-year.js';

const YEARS = {
  type: 'object',
  properties: { from: { type: 'integer', minimum: 2000 }, to: { type: 'integer', minimum: 2000 } },
  additionalProperties: false,
};

const PATTERNS = { type: 'array', items: { type: 'string', minLength: 1 } };

const FIGURE_SOURCE = {
  type: 'object',
  properties: { keywords: { ...PATTERNS, minItems: 1 }, units: { ...PATTERNS, minItems: 1 } },
  required: ['keywords', 'units'],
  additionalProperties: false,
};

const COMPILERS: Readonly<
  Record<
    ConsistencyOptions['check'],
    (rule: RuleSpec & ConsistencyOptions, problem: ReportProblem) => CompiledCheck | null
  >
> = {
  'report-year': compileReportYear,
  'goal-phrase': compileGoalPhrase,
  'outline-title-years': compileOutlineTitleYears,
  rates: compileRates,
};

export const consistencyKind: RuleKind = {
  name: 'consistency',
  description: '前后一致：报告年度与标题/小标题/安排部分、纲要目标表述和标题年份、比率与其数据',
  nature: 'problem',
  options: {
    check: { enum: Object.keys(COMPILERS), description: '检查哪一类一致性' },
    editions: {
      type: 'array',
      minItems: 1,
      description: '纲要各版本',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, description: '版本名称，如“2021—2025年纲要”' },
          span: {
            type: 'array',
            items: { type: 'integer', minimum: 2000 },
            minItems: 2,
            maxItems: 2,
            description: '标题中的起止年份',
          },
          reportYears: { ...YEARS, description: '以该版本为准的报告年度' },
          citable: { ...YEARS, description: '只引用该版本仍属正常的报告年度（默认同 reportYears）' },
          goal: { ...PATTERNS, minItems: 2, description: '总体目标的各项表述' },
        },
        required: ['name', 'reportYears'],
        additionalProperties: false,
      },
    },
    outlineTitle: { type: 'string', minLength: 1, description: '纲要标题的正则' },
    planSection: { type: 'string', description: '定位“下一年度安排”的 section 规则 id' },
    headingLevels: {
      type: 'array',
      items: { enum: [1, 2, 3, 4] },
      minItems: 1,
      description: '检查的标题层级',
    },
    allow: { ...PATTERNS, description: '标题中出现其他年份也属正常的写法（正则）' },
    rateName: { type: 'string', minLength: 1, description: '比率名称的正则（默认：汉字加“率”）' },
    unbounded: { ...PATTERNS, description: '可以超过100%的比率名称（正则）' },
    pairs: {
      type: 'array',
      description: '比率及其分子、分母',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1 },
          rate: { type: 'string', minLength: 1, description: '比率名称的正则' },
          numerator: FIGURE_SOURCE,
          denominator: FIGURE_SOURCE,
          window: { type: 'integer', minimum: 10, description: '分子、分母须在比率之前多少字内' },
        },
        required: ['name', 'rate', 'numerator', 'denominator'],
        additionalProperties: false,
      },
    },
    tolerance: { type: 'number', minimum: 0, maximum: 10, description: '允许的误差（百分点），默认 1' },
  },
  required: ['check'],
  messages: {
    consistent: '未发现不一致',
    goalPhraseFits: '目标表述与{edition}相符（第{lines}行）',
    noGoalPhrase: '未使用纲要目标表述，无需核对',
    outlineFits: '纲要标题年份正确（第{lines}行）',
    noOutline: '未引用纲要标题，无需核对',
    ratesFit: '已核对{count}个比率，未发现问题：{rates}',
    noRates: '未写明比率，无需核对',
    titleYearOverride: '标题写的是{titleYear}年度，与指定的报告年度{year}年不一致',
    titleYearLate: '标题为{year}年度，但发布于{published}，疑为未更新的标题（应为{nextYear}年度？）',
    openingYear: '开篇写的是{found}年，报告年度为{year}年，疑为沿用上年文稿',
    headingYear: '标题写的是{found}年，报告年度为{year}年，疑为沿用上年文稿',
    planYear: '下一年度安排应针对{nextYear}年，这里写的是{found}年',
    goalPhraseOutdated: '目标表述“{phrase}”属于{edition}，{year}年度报告应使用{expected}的“{expectedPhrase}”',
    goalPhraseMixed: '目标表述“{phrase}”混用了{editions}的提法，{year}年度应为“{expectedPhrase}”',
    goalPhraseIncomplete: '目标表述不完整，缺少“{missing}”（{expected}为“{expectedPhrase}”）',
    outlineYearsWrong: '纲要年份“{found}”有误，应为“{expected}”',
    outlineNoSeparator: '纲要年份“{found}”缺少连接号，应为“{expected}”',
    outlineNoNian: '纲要年份“{found}”缺少“年”，应为“{expected}”',
    outlineNoYears: '纲要标题未写明年份，{year}年度报告应为“{expected}”',
    outlineNotYetIssued: '{year}年度报告引用的{edition}当时尚未印发',
    outlineOutdated: '报告只引用了{edition}，{year}年度应对照{expected}',
    rateOutOfRange: '“{name}”为{value}%，比率不应超过100%',
    rateMismatch: '{name}写为{value}%，但按{numerator}÷{denominator}计算应为{computed}%',
  },
  compile(rule, problem) {
    const options = rule as RuleSpec & ConsistencyOptions;
    return COMPILERS[options.check](options, problem);
  },
};
