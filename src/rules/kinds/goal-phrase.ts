// Kind `goal-phrase`: a 纲要 goal phrase (职能科学、权责法定…) fits the report year — the
// edition that governs the year, not the earlier or later one, not a mixture. No goal phrase in
// the report is no finding.
//
// Options
//   editions: [{ name, reportYears: {from, to}, goal: [the items of its goal phrase] }]
//
// Example: "廉洁高效、守法诚信" (2015 edition) in a 2023 report gives goalPhraseOutdated.

import { originalRange } from '../../text/fold-text.js';
import { foldedRanges } from '../match/find-text.js';
import type {
  CheckContext,
  CheckOutcome,
  CompiledCheck,
  Evidence,
  RawFinding,
  RuleKind,
  RuleSpec,
} from '../types.js';
import { EDITION_PROPERTIES, type Edition, editionFor } from './shared/editions.js';
import { findingsOutcome } from './shared/outcomes.js';

interface GoalEdition extends Edition {
  readonly goal: readonly string[];
}

const MIN_ITEMS = 3; // fewer listed items are not taken for the goal phrase
const MIN_ITEMS_FOR_INCOMPLETE = 4;

export const goalPhraseKind: RuleKind = {
  name: 'goal-phrase',
  description: '纲要总体目标的表述与报告年度适用的纲要版本相符',
  nature: 'problem',
  scoped: true,
  options: {
    editions: {
      type: 'array',
      minItems: 2,
      description: '纲要各版本及其目标表述',
      items: {
        type: 'object',
        properties: {
          ...EDITION_PROPERTIES,
          goal: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            minItems: 2,
            description: '总体目标的各项表述',
          },
        },
        required: ['name', 'reportYears', 'goal'],
        additionalProperties: false,
      },
    },
  },
  required: ['editions'],
  messages: {
    noEdition: '未能确定报告年度适用的纲要',
    goalPhraseFits: '目标表述与{edition}相符（第{lines}行）',
    noGoalPhrase: '未使用纲要目标表述，无需核对',
    goalPhraseOutdated: '目标表述“{phrase}”属于{edition}，{year}年度报告应使用{expected}的“{expectedPhrase}”',
    goalPhraseMixed: '目标表述“{phrase}”混用了{editions}的提法，{year}年度应为“{expectedPhrase}”',
    goalPhraseIncomplete: '目标表述不完整，缺少“{missing}”（{expected}为“{expectedPhrase}”）',
  },
  compile(rule) {
    const editions = (rule as RuleSpec & { editions: readonly GoalEdition[] }).editions;
    const items = [...new Set(editions.flatMap((edition) => edition.goal))]
      .sort((a, b) => b.length - a.length)
      .map((item) => item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
    const phrase = new RegExp(`(?:${items})(?:[、,和]?(?:${items})){${MIN_ITEMS - 1},}`, 'gu');
    return new GoalPhraseCheck(editions, phrase, new RegExp(items, 'gu'));
  },
};

class GoalPhraseCheck implements CompiledCheck {
  constructor(
    private readonly editions: readonly GoalEdition[],
    private readonly phrase: RegExp,
    private readonly item: RegExp,
  ) {}

  check(context: CheckContext): CheckOutcome {
    const { doc } = context;
    const year = doc.identity.year;
    const expected = year === null ? undefined : editionFor(this.editions, year);
    if (year === null || !expected) return { fraction: 1, messageId: 'noEdition', findings: [], skip: true };
    const findings: RawFinding[] = [];
    const evidence: Evidence[] = [];
    for (const range of foldedRanges(doc, context.ranges)) {
      const text = doc.folded.text.slice(range.start, range.end);
      for (const match of text.matchAll(this.phrase)) {
        const start = range.start + (match.index ?? 0);
        const at = originalRange(doc.folded, start, start + match[0].length);
        const items = match[0].match(this.item) ?? [];
        const verdict = this.judge(items, doc.text.slice(at.start, at.end), expected, year);
        if (verdict) findings.push({ ...at, ...verdict });
        else evidence.push({ ...at, label: '目标表述' });
      }
    }
    const lines = evidence.map((item) => doc.positions.lineOf(item.start)).join('、');
    const clean =
      evidence.length > 0
        ? { messageId: 'goalPhraseFits', data: { edition: expected.name, lines } }
        : { messageId: 'noGoalPhrase' };
    const onlyNotes = findings.every((finding) => finding.level === 'info');
    return findingsOutcome(context, findings, clean, evidence, onlyNotes ? 0.5 : 0);
  }

  private judge(
    items: readonly string[],
    phrase: string,
    expected: GoalEdition,
    year: number,
  ): Pick<RawFinding, 'messageId' | 'data' | 'level' | 'suggestion'> | null {
    const goal = expected.goal;
    const expectedPhrase = goal.join('、');
    const data = { phrase, year, expected: expected.name, expectedPhrase };
    const foreign = items.filter((item) => !goal.includes(item));
    if (foreign.length > 0) {
      const owner = this.editions.find(
        (edition) => edition !== expected && items.every((item) => edition.goal.includes(item)),
      );
      if (owner)
        return {
          messageId: 'goalPhraseOutdated',
          data: { ...data, edition: owner.name },
          suggestion: expectedPhrase,
        };
      const involved = this.editions.filter((edition) => items.some((item) => edition.goal.includes(item)));
      return {
        messageId: 'goalPhraseMixed',
        data: {
          ...data,
          editions: involved.map((edition) => edition.name).join('和'),
        },
        suggestion: expectedPhrase,
      };
    }
    const distinctive = items.some((item) =>
      this.editions.every((edition) => edition === expected || !edition.goal.includes(item)),
    );
    const missing = goal.filter((item) => !items.includes(item));
    if (items.length >= MIN_ITEMS_FOR_INCOMPLETE && distinctive && missing.length > 0)
      return {
        messageId: 'goalPhraseIncomplete',
        data: { ...data, missing: missing.join('、') },
        level: 'info',
        suggestion: expectedPhrase,
      };
    return null;
  }
}
