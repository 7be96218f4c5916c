// consistency check `goal-phrase`: a 纲要 goal phrase (职能科学、权责法定…) fits the report year —
// the edition that governs the year, not the earlier or later one, not a mixture. No goal phrase
// in the report is no finding.

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
import { type ConsistencyOptions, editionFor, type OutlineEdition, toOriginal } from './options.js';

const MIN_ITEMS = 3; // fewer listed items are not taken for the goal phrase
const MIN_ITEMS_FOR_INCOMPLETE = 4;

/** Compiles the goal-phrase check. */
export function compileGoalPhrase(
  rule: RuleSpec & ConsistencyOptions,
  problem: ReportProblem,
): CompiledCheck | null {
  const editions = (rule.editions ?? []).filter((edition) => (edition.goal ?? []).length > 0);
  if (editions.length === 0) {
    problem(['editions'], 'goal-phrase 检查须给出带 goal 的 editions');
    return null;
  }
  const items = [...new Set(editions.flatMap((edition) => edition.goal ?? []))]
    .sort((a, b) => b.length - a.length)
    .map((item) => item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  const phrase = new RegExp(`(?:${items})(?:[、,和]?(?:${items})){${MIN_ITEMS - 1},}`, 'gu');
  return new GoalPhraseCheck(editions, phrase, new RegExp(items, 'gu'));
}

class GoalPhraseCheck implements CompiledCheck {
  constructor(
    private readonly editions: readonly OutlineEdition[],
    private readonly phrase: RegExp,
    private readonly item: RegExp,
  ) {}

  check(context: CheckContext): CheckOutcome {
    const { doc } = context;
    const year = doc.identity.year;
    const expected = year === null ? undefined : editionFor(this.editions, year);
    if (year === null || !expected)
      return { fraction: 1, message: '未能确定报告年度适用的纲要', findings: [], skip: true };
    const findings: RawFinding[] = [];
    const evidence: Evidence[] = [];
    for (const range of foldedRanges(doc, context.ranges)) {
      const text = doc.folded.text.slice(range.start, range.end);
      for (const match of text.matchAll(this.phrase)) {
        const start = range.start + (match.index ?? 0);
        const at = toOriginal(doc, start, start + match[0].length);
        const items = match[0].match(this.item) ?? [];
        const message = this.judge(context, items, doc.text.slice(at.start, at.end), expected, year);
        if (message) findings.push({ ...at, ...message });
        else evidence.push({ ...at, label: '目标表述' });
      }
    }
    if (findings.length === 0) {
      const lines = evidence.map((item) => doc.positions.lineOf(item.start)).join('、');
      const message =
        evidence.length > 0
          ? context.message('goalPhraseFits', { edition: expected.name, lines })
          : context.message('noGoalPhrase');
      return { fraction: 1, message, findings, evidence };
    }
    const onlyNotes = findings.every((finding) => finding.level === 'info');
    return { fraction: onlyNotes ? 0.5 : 0, message: findings[0]?.message ?? '', findings };
  }

  private judge(
    context: CheckContext,
    items: readonly string[],
    phrase: string,
    expected: OutlineEdition,
    year: number,
  ): Pick<RawFinding, 'message' | 'level' | 'suggestion'> | null {
    const goal = expected.goal ?? [];
    const expectedPhrase = goal.join('、');
    const data = { phrase, year, expected: expected.name, expectedPhrase };
    const foreign = items.filter((item) => !goal.includes(item));
    if (foreign.length > 0) {
      const owner = this.editions.find(
        (edition) => edition !== expected && items.every((item) => edition.goal?.includes(item)),
      );
      if (owner)
        return {
          message: context.message('goalPhraseOutdated', { ...data, edition: owner.name }),
          suggestion: expectedPhrase,
        };
      const involved = this.editions.filter((edition) => items.some((item) => edition.goal?.includes(item)));
      return {
        message: context.message('goalPhraseMixed', {
          ...data,
          editions: involved.map((edition) => edition.name).join('和'),
        }),
        suggestion: expectedPhrase,
      };
    }
    const distinctive = items.some((item) =>
      this.editions.every((edition) => edition === expected || !edition.goal?.includes(item)),
    );
    const missing = goal.filter((item) => !items.includes(item));
    if (items.length >= MIN_ITEMS_FOR_INCOMPLETE && distinctive && missing.length > 0)
      return {
        message: context.message('goalPhraseIncomplete', { ...data, missing: missing.join('、') }),
        level: 'info',
        suggestion: expectedPhrase,
      };
    return null;
  }
}
