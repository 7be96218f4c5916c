// Kind `rates`: every stated rate (…率 N%) lies within 0–100 % unless it is a growth rate, and a
// rate agrees with its counts when both are given (应诉案件18件 … 出庭应诉18次 … 出庭应诉率100%),
// within a tolerance in percentage points.
//
// Options
//   rateName:  pattern of a rate's name before its value (Han characters + 率)
//   unbounded: patterns of rate names that may exceed 100 % (增长率 …)
//   pairs:     a rate and the counts it is computed from: { name, rate, numerator: {keywords,
//              units}, denominator: {keywords, units}, window (characters around the rate in
//              which the counts must stand, default 120) }
//   tolerance: allowed difference in percentage points (default 1)
//
// Example: "应诉案件20件，负责人出庭应诉10次，出庭应诉率100%" gives rateMismatch (10/20 = 50 %).

import { originalRange } from '../../text/fold-text.js';
import type { TextRange } from '../../text/text-range.js';
import { type Figure, figurePattern } from '../match/find-figures.js';
import { findKeywordFigures } from '../match/find-keyword-figures.js';
import { foldedRanges } from '../match/find-text.js';
import type {
  CheckContext,
  CheckOutcome,
  CompiledCheck,
  CompileEnv,
  Evidence,
  RawFinding,
  ReportProblem,
  RuleKind,
  RuleSpec,
} from '../types.js';
import { findingsOutcome } from './shared/outcomes.js';
import { compileRulePattern, compileRulePatterns, testAny } from './shared/patterns.js';

/** Where the counts of a rate are stated. */
interface FigureSource {
  readonly keywords: readonly string[];
  readonly units: readonly string[];
}

/** A rate and the counts it is computed from. */
interface RatePair {
  readonly name: string;
  readonly rate: string;
  readonly numerator: FigureSource;
  readonly denominator: FigureSource;
  readonly window?: number;
}

interface RatesOptions {
  readonly rateName: string;
  readonly unbounded: readonly string[];
  readonly pairs?: readonly RatePair[];
  readonly tolerance?: number;
}

const PATTERNS = { type: 'array', items: { type: 'string', minLength: 1 } } as const;
const FIGURE_SOURCE = {
  type: 'object',
  properties: { keywords: { ...PATTERNS, minItems: 1 }, units: { ...PATTERNS, minItems: 1 } },
  required: ['keywords', 'units'],
  additionalProperties: false,
} as const;
const LISTED_RATES = 10; // rates named in the summary message

export const ratesKind: RuleKind = {
  name: 'rates',
  description: '比率在 0–100% 之间（增长率除外），并与同时给出的分子、分母相符',
  nature: 'problem',
  scoped: true,
  options: {
    rateName: { type: 'string', minLength: 1, description: '比率名称的正则' },
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
          window: {
            type: 'integer',
            minimum: 10,
            maximum: 1000,
            description: '分子、分母须在比率前后多少字内',
          },
        },
        required: ['name', 'rate', 'numerator', 'denominator'],
        additionalProperties: false,
      },
    },
    tolerance: { type: 'number', minimum: 0, maximum: 10, description: '允许的误差（百分点），默认 1' },
  },
  required: ['rateName', 'unbounded'],
  messages: {
    ratesFit: '已核对{count}个比率，未发现问题：{rates}',
    noRates: '未写明比率，无需核对',
    rateOutOfRange: '“{name}”为{value}%，比率不应超过100%',
    rateMismatch: '{name}写为{value}%，但按{numerator}÷{denominator}计算应为{computed}%',
  },
  compile(rule, problem, env) {
    const options = rule as RuleSpec & RatesOptions;
    const rateName = compileRulePattern(options.rateName, ['rateName'], problem, env);
    const unbounded = compileRulePatterns(options.unbounded, ['unbounded'], problem, env, 'u');
    const pairs = (options.pairs ?? []).map((pair, i) => compilePair(pair, i, problem, env));
    if (!rateName || !unbounded || pairs.some((pair) => pair === null)) return null;
    return new RatesCheck(rateName, unbounded, pairs as CompiledPair[], options.tolerance ?? 1);
  },
};

const RATE_VALUE_WINDOW = 8; // 率为 / 率达到 / 率均达
const COUNT_WINDOW = 12;
const DEFAULT_PAIR_WINDOW = 120;
const PERCENT = figurePattern(['%']);

interface CompiledSource {
  readonly keywords: readonly RegExp[];
  readonly figures: RegExp;
}

interface CompiledPair {
  readonly name: string;
  readonly rate: RegExp;
  readonly numerator: CompiledSource;
  readonly denominator: CompiledSource;
  readonly window: number;
}

function compilePair(
  pair: RatePair,
  i: number,
  problem: ReportProblem,
  env: CompileEnv,
): CompiledPair | null {
  const rate = compileRulePattern(pair.rate, ['pairs', i, 'rate'], problem, env);
  const source = (key: 'numerator' | 'denominator'): CompiledSource | null => {
    const keywords = compileRulePatterns(pair[key].keywords, ['pairs', i, key, 'keywords'], problem, env);
    return keywords ? { keywords, figures: figurePattern(pair[key].units) } : null;
  };
  const numerator = source('numerator');
  const denominator = source('denominator');
  if (!rate || !numerator || !denominator) return null;
  return { name: pair.name, rate, numerator, denominator, window: pair.window ?? DEFAULT_PAIR_WINDOW };
}

class RatesCheck implements CompiledCheck {
  constructor(
    private readonly rateName: RegExp,
    private readonly unbounded: readonly RegExp[],
    private readonly pairs: readonly CompiledPair[],
    private readonly tolerance: number,
  ) {}

  check(context: CheckContext): CheckOutcome {
    const { doc } = context;
    const text = doc.folded.text;
    const ranges = foldedRanges(doc, context.ranges);
    const verified = new Map<number, string>(); // rate figure start → how it was verified
    const findings: RawFinding[] = this.pairs.flatMap((pair) =>
      this.checkPair(context, ranges, pair, verified),
    );
    const evidence: Evidence[] = [];
    const window = { after: RATE_VALUE_WINDOW, before: 0 };
    for (const hit of findKeywordFigures(text, ranges, [this.rateName], PERCENT, window)) {
      const name = text.slice(hit.keyword.start, hit.keyword.end);
      if (!hit.figure) continue;
      evidence.push({
        ...originalRange(context.doc.folded, hit.keyword.start, hit.figure.end),
        label: `${shortName(name)}：${original(context, hit.figure)}${verified.get(hit.figure.start) ?? ''}`,
      });
      if (hit.figure.value <= 100 || testAny(this.unbounded, name)) continue;
      findings.push({
        ...originalRange(context.doc.folded, hit.figure.start, hit.figure.end),
        messageId: 'rateOutOfRange',
        data: { name, value: hit.figure.value },
      });
    }
    findings.sort((a, b) => a.start - b.start);
    const listed = evidence.slice(0, LISTED_RATES).map((e) => e.label);
    const rates = `${listed.join('、')}${evidence.length > LISTED_RATES ? '等' : ''}`;
    const clean =
      evidence.length > 0
        ? { messageId: 'ratesFit', data: { count: evidence.length, rates } }
        : { messageId: 'noRates' };
    return findingsOutcome(context, findings, clean, evidence);
  }

  private checkPair(
    context: CheckContext,
    ranges: readonly TextRange[],
    pair: CompiledPair,
    verified: Map<number, string>,
  ): RawFinding[] {
    const { doc } = context;
    const text = doc.folded.text;
    const findings: RawFinding[] = [];
    const rateWindow = { after: RATE_VALUE_WINDOW, before: 0 };
    for (const hit of findKeywordFigures(text, ranges, [pair.rate], PERCENT, rateWindow)) {
      const { range, figure: rate } = hit;
      if (!rate) continue;
      const around = {
        start: Math.max(range.start, hit.keyword.start - pair.window),
        end: Math.min(range.end, rate.end + pair.window),
      };
      const numerator = nearest(text, around, pair.numerator, hit.keyword.start);
      const denominator = nearest(text, around, pair.denominator, hit.keyword.start, numerator);
      if (!numerator || !denominator || denominator.value === 0) continue;
      const computed = Math.round((10000 * numerator.value) / denominator.value) / 100;
      if (Math.abs(computed - rate.value) <= this.tolerance) {
        verified.set(rate.start, `（${numerator.value}÷${denominator.value}≈${computed}%）`);
        continue;
      }
      findings.push({
        ...originalRange(doc.folded, hit.keyword.start, rate.end),
        messageId: 'rateMismatch',
        data: {
          name: pair.name,
          value: rate.value,
          numerator: original(context, numerator),
          denominator: original(context, denominator),
          computed,
        },
      });
    }
    return findings;
  }
}

/** The count stated with a keyword nearest to the rate, other than `not`. */
function nearest(
  text: string,
  around: TextRange,
  source: CompiledSource,
  rateAt: number,
  not: Figure | null = null,
): Figure | null {
  const hits = findKeywordFigures(text, [around], source.keywords, source.figures, {
    after: COUNT_WINDOW,
    before: 0,
  });
  let best: Figure | null = null;
  for (const { figure } of hits) {
    if (!figure || figure.start === not?.start) continue;
    if (!best || Math.abs(figure.start - rateAt) < Math.abs(best.start - rateAt)) best = figure;
  }
  return best;
}

/** A rate's own name without the words before it: 及格率 rather than 统一在线学法考试及格率. */
function shortName(name: string): string {
  const cut = Math.max(name.lastIndexOf('的'), name.lastIndexOf('和'), name.lastIndexOf('事项'));
  let tail = cut >= 0 && cut < name.length - 2 ? name.slice(cut + 1) : name;
  if (tail.length > 6) tail = tail.slice(-6);
  return /^[项件]/.test(tail) && tail.length > 3 ? tail.slice(1) : tail;
}

function original(context: CheckContext, figure: Figure): string {
  const at = originalRange(context.doc.folded, figure.start, figure.end);
  return context.doc.text.slice(at.start, at.end);
}
