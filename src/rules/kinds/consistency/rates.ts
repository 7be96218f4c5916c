// consistency check `rates`: every stated rate (…率 N%) lies within 0–100 % unless it is a growth
// rate, and a rate agrees with its counts when both are given (应诉案件18件 … 出庭应诉18次 …
// 出庭应诉率100%), within a tolerance in percentage points.

import type { TextRange } from '../../../text/text-range.js';
import { compilePattern } from '../../match/compile-pattern.js';
import { type Figure, figurePattern } from '../../match/find-figures.js';
import { findKeywordFigures } from '../../match/find-keyword-figures.js';
import { foldedRanges } from '../../match/find-text.js';
import type {
  CheckContext,
  CheckOutcome,
  CompiledCheck,
  Evidence,
  RawFinding,
  ReportProblem,
  RuleSpec,
} from '../../types.js';
import { compilePatterns, testAny } from '../kind-helpers.js';
import { type ConsistencyOptions, toOriginal } from './options.js';

const DEFAULT_RATE_NAME = '\\p{Script=Han}{1,8}率';
const DEFAULT_UNBOUNDED = ['增长率', '增幅', '增速', '涨幅'];
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

/** Compiles the rates check. */
export function compileRates(
  rule: RuleSpec & ConsistencyOptions,
  problem: ReportProblem,
): CompiledCheck | null {
  let ok = true;
  const rateName = compilePattern(rule.rateName ?? DEFAULT_RATE_NAME, 'gu');
  if (typeof rateName === 'string') {
    problem(['rateName'], rateName);
    ok = false;
  }
  const unbounded = compilePatterns(rule.unbounded ?? DEFAULT_UNBOUNDED, ['unbounded'], problem, 'u');
  if (unbounded.length !== (rule.unbounded ?? DEFAULT_UNBOUNDED).length) ok = false;
  const pairs = (rule.pairs ?? []).map((pair, i): CompiledPair | null => {
    const rate = compilePattern(pair.rate, 'gu');
    if (typeof rate === 'string') problem(['pairs', i, 'rate'], rate);
    const source = (key: 'numerator' | 'denominator'): CompiledSource | null => {
      const keywords = compilePatterns(pair[key].keywords, ['pairs', i, key, 'keywords'], problem);
      return keywords.length === pair[key].keywords.length
        ? { keywords, figures: figurePattern(pair[key].units) }
        : null;
    };
    const numerator = source('numerator');
    const denominator = source('denominator');
    if (typeof rate === 'string' || !numerator || !denominator) return null;
    return { name: pair.name, rate, numerator, denominator, window: pair.window ?? DEFAULT_PAIR_WINDOW };
  });
  if (!ok || typeof rateName === 'string' || pairs.some((pair) => pair === null)) return null;
  return new RatesCheck(rateName, unbounded, pairs as CompiledPair[], rule.tolerance ?? 1);
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
        ...toOriginal(context.doc, hit.keyword.start, hit.figure.end),
        label: `${shortName(name)}：${original(context, hit.figure)}${verified.get(hit.figure.start) ?? ''}`,
      });
      if (hit.figure.value <= 100 || testAny(this.unbounded, name)) continue;
      findings.push({
        ...toOriginal(context.doc, hit.figure.start, hit.figure.end),
        message: context.message('rateOutOfRange', { name, value: hit.figure.value }),
      });
    }
    findings.sort((a, b) => a.start - b.start);
    if (findings.length === 0) {
      const message =
        evidence.length > 0
          ? context.message('ratesFit', {
              count: evidence.length,
              rates: evidence.map((e) => e.label).join('、'),
            })
          : context.message('noRates');
      return { fraction: 1, message, findings, evidence };
    }
    return { fraction: 0, message: findings[0]?.message ?? '', findings, evidence };
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
        ...toOriginal(doc, hit.keyword.start, rate.end),
        message: context.message('rateMismatch', {
          name: pair.name,
          value: rate.value,
          numerator: original(context, numerator),
          denominator: original(context, denominator),
          computed,
        }),
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
  const at = toOriginal(context.doc, figure.start, figure.end);
  return context.doc.text.slice(at.start, at.end);
}
