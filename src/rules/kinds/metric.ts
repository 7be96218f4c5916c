// Kind `metric`: figures that must be stated — a keyword with a number and a unit near it.
//
// Options
//   metrics:  what must be quantified; each { name, keywords, units, window?, before? }:
//             keywords are patterns (on the folded text); a figure with one of `units` must follow
//             a keyword within `window` characters (default: the rule's `window`, else 20), or
//             precede it within `before` characters (default 0), without crossing a sentence end
//   require:  'all' (default), 'any', or a number N; partial credit is the share found (all), or
//             found / N
//   window:   default window for every metric
//
// Numbers may be Arabic (12, 3,932, 98.78) or Chinese (十二, 两万), with 万/亿 and 余/多 (100余万元,
// 2.1万余件), and 百分之N for %. The figures found are the rule's evidence ("行政复议：12件").
//
// Example: metrics [{ name: 行政复议, keywords: [行政复议(案件|申请)?], units: [件, 起] }] passes
// "办理行政复议案件12件" and fails "深化行政复议体制改革" (keyword without a figure).

import type { ReportDocument } from '../../parse/document.js';
import { originalRange } from '../../text/fold-text.js';
import type { TextRange } from '../../text/text-range.js';
import { type Figure, figurePattern } from '../match/find-figures.js';
import { findKeywordFigures, type KeywordFigure } from '../match/find-keyword-figures.js';
import { foldedRanges } from '../match/find-text.js';
import type { CheckContext, CheckOutcome, CompiledCheck, Evidence, RuleKind, RuleSpec } from '../types.js';
import { listText } from './shared/outcomes.js';
import { compileRulePatterns } from './shared/patterns.js';
import { anchorOf } from './shared/ranges.js';
import {
  checkRequire,
  coverageMessageId,
  REQUIRE_OPTION_SCHEMA,
  type RequireOption,
  requiredCount,
} from './shared/require.js';

interface MetricSpec {
  readonly name: string;
  readonly keywords: readonly string[];
  readonly units: readonly string[];
  readonly window?: number;
  readonly before?: number;
}

interface MetricOptions {
  readonly metrics: readonly MetricSpec[];
  readonly require?: RequireOption;
  readonly window?: number;
}

interface CompiledMetric {
  readonly name: string;
  readonly keywords: readonly RegExp[];
  readonly units: readonly string[];
  readonly figures: RegExp;
  readonly after: number;
  readonly before: number;
}

/** A metric found: the keyword and the figure stated with it (folded offsets). */
interface MetricHit extends KeywordFigure {
  readonly metric: CompiledMetric;
}

const DEFAULT_WINDOW = 20;

export const metricKind: RuleKind = {
  name: 'metric',
  description: '须写明的数据：关键词附近有数字和单位，按写明的比例给分',
  nature: 'requirement',
  scoped: true,
  primaryMessage: 'missing',
  options: {
    metrics: {
      type: 'array',
      minItems: 1,
      description: '须写明的数据项',
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, description: '数据项名称，如“行政复议”' },
          keywords: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            minItems: 1,
            description: '关键词正则（任一）',
          },
          units: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            minItems: 1,
            description: '接受的单位，如 件、起、%、人次、万元',
          },
          window: { type: 'integer', minimum: 1, description: '关键词之后多少字内须有数字' },
          before: { type: 'integer', minimum: 0, description: '数字也可在关键词之前多少字内' },
        },
        required: ['name', 'keywords', 'units'],
        additionalProperties: false,
      },
    },
    require: REQUIRE_OPTION_SCHEMA,
    window: { type: 'integer', minimum: 1, description: '默认窗口（字数），默认 20' },
  },
  required: ['metrics'],
  messages: {
    allFound: '已写明：{found}',
    enoughFound: '已写明{count}项：{found}',
    missing: '未写明{missing}的数据',
    someMissing: '已写明：{found}；未写明{missing}的数据',
    tooFew: '只写明{count}项（{found}），至少需要{required}项',
    noneOfAtLeast: '未写明任何一项数据，至少需要{required}项（如{missing}）',
    keywordOnly: '未写明{missing}的数据：写到了“{keyword}”，但没有给出{name}的具体数字（如{units}）',
    keywordOnlySome:
      '已写明：{found}；未写明{missing}的数据：写到了“{keyword}”，但没有给出{name}的具体数字（如{units}）',
  },
  compile(rule, problem, env) {
    const options = rule as RuleSpec & MetricOptions;
    let ok = true;
    const metrics = options.metrics.map((metric, i): CompiledMetric => {
      const keywords = compileRulePatterns(metric.keywords, ['metrics', i, 'keywords'], problem, env) ?? [];
      if (keywords.length !== metric.keywords.length) ok = false;
      return {
        name: metric.name,
        keywords,
        units: metric.units,
        figures: figurePattern(metric.units),
        after: metric.window ?? options.window ?? DEFAULT_WINDOW,
        before: metric.before ?? 0,
      };
    });
    if (!checkRequire(options.require, metrics.length, problem)) ok = false;
    return ok ? new MetricCheck(options, metrics) : null;
  },
};

class MetricCheck implements CompiledCheck {
  constructor(
    private readonly options: MetricOptions,
    private readonly metrics: readonly CompiledMetric[],
  ) {}

  check(context: CheckContext): CheckOutcome {
    const { doc } = context;
    const scope = foldedRanges(doc, context.ranges);
    const hits = this.metrics.map((metric) => findMetric(doc.folded.text, scope, metric));
    const found = hits.filter((hit): hit is MetricHit & { figure: Figure } => hit?.figure != null);
    const missing = this.metrics.filter((metric) => !found.some((hit) => hit.metric === metric));
    const required = this.requiredCount();
    const evidence: Evidence[] = found.map((hit) => {
      const range = originalRange(
        doc.folded,
        Math.min(hit.keyword.start, hit.figure.start),
        Math.max(hit.keyword.end, hit.figure.end),
      );
      return { ...range, label: `${hit.metric.name}：${figureText(doc, hit.figure)}` };
    });
    const data = {
      found: listText(
        found.map(
          (hit, i) =>
            `${hit.metric.name}${figureText(doc, hit.figure)}（第${doc.positions.lineOf(evidence[i]?.start ?? 0)}行）`,
        ),
      ),
      missing: listText(missing.map((metric) => metric.name)),
      count: found.length,
      required,
    };
    const fraction = Math.min(1, found.length / required);
    const messageId = coverageMessageId(this.options.require, found.length, required);
    if (fraction >= 1) return { fraction, messageId, data, findings: [], evidence };
    const keywordOnly = hits.find((hit) => hit !== null && hit.figure === null);
    if (keywordOnly) {
      const at = originalRange(doc.folded, keywordOnly.keyword.start, keywordOnly.keyword.end);
      const detail = {
        ...data,
        keyword: doc.text.slice(at.start, at.end),
        name: keywordOnly.metric.name,
        units: listText(keywordOnly.metric.units),
      };
      return {
        fraction,
        messageId,
        data,
        findings: [{ ...at, messageId: found.length > 0 ? 'keywordOnlySome' : 'keywordOnly', data: detail }],
        evidence,
      };
    }
    // Point where the report already gives figures (the missing ones belong beside them), else at
    // the start of the scope.
    const first = evidence[0];
    const anchor = first ? { start: first.start, end: first.end } : anchorOf(doc, context.ranges);
    return { fraction, messageId, data, findings: [{ ...anchor, messageId, data }], evidence };
  }

  private requiredCount(): number {
    return requiredCount(this.options.require, this.metrics.length);
  }
}

/** The first keyword with a figure in its window; else the first keyword alone; else null. */
function findMetric(text: string, scope: readonly TextRange[], metric: CompiledMetric): MetricHit | null {
  const hits = findKeywordFigures(text, scope, metric.keywords, metric.figures, metric);
  const hit = hits.find((candidate) => candidate.figure !== null) ?? hits[0];
  return hit ? { metric, ...hit } : null;
}

function figureText(doc: ReportDocument, figure: Figure): string {
  const range = originalRange(doc.folded, figure.start, figure.end);
  return doc.text.slice(range.start, range.end);
}
