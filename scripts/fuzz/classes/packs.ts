// User rule packs and config files that could sink a run: many slow rules, risky patterns in every
// pattern field, dictionary terms and literals that load but cannot run, YAML alias bombs and deep
// nesting, thousands of rules, damaged packs. `rules validate` must agree with what `check` does.

import { put, putGoodReports } from '../case-helpers.js';
import { fixtureInput, goodReport, mutate } from '../documents.js';
import type { FuzzCase, FuzzClass, Generator, RunOutcome } from '../fuzz-case.js';
import type { Random } from '../random.js';

const RISKY = ['(\\p{Han}+)+$', '([a-z]*)*b', '(法治*)*x', '(\\d+)*%$', '((政府)+)+建设$', '(.*,)*$'];

/** One rule of the given kind whose pattern field holds `pattern`. */
function ruleWith(kind: string, pattern: string, n: number): Record<string, unknown> {
  const base = {
    id: `fuzz/r${n}`,
    title: `规则${n}`,
    category: 'style',
    level: 'warning',
    weight: 1,
    basis: '测试依据',
  };
  switch (kind) {
    case 'forbid':
      return { ...base, kind, patterns: [pattern] };
    case 'forbid-unless':
      return { ...base, kind: 'forbid', terms: ['法制办'], unless: pattern };
    case 'mention':
      return { ...base, kind, items: [{ name: '事项', patterns: [pattern] }], match: 'text' };
    case 'metric':
      return {
        ...base,
        kind,
        category: 'metrics',
        metrics: [{ name: '数据', keywords: [pattern], units: ['件'] }],
      };
    case 'section':
      return { ...base, kind, category: 'statutory', headings: [pattern] };
    case 'section-content':
      return {
        ...base,
        kind: 'section',
        category: 'statutory',
        headings: ['不会有的标题'],
        content: [pattern],
      };
    case 'pattern':
      return { ...base, kind, find: pattern, valid: '\\p{Han}+' };
    case 'pattern-check':
      return {
        ...base,
        kind: 'pattern',
        find: '\\d+件',
        valid: '\\d+件',
        checks: [{ pattern, message: '错' }],
      };
    case 'substitute':
      return { ...base, kind, items: [{ pattern, right: '对' }] };
    case 'rates':
      return {
        ...base,
        kind,
        category: 'consistency',
        rateName: pattern,
        unbounded: [pattern],
        pairs: [
          {
            name: '比率',
            rate: pattern,
            numerator: { keywords: [pattern], units: ['件'] },
            denominator: { keywords: ['案件'], units: ['件'] },
          },
        ],
      };
    case 'report-year':
      return { ...base, kind, category: 'consistency', allow: [pattern] };
    case 'title-parts':
      return { ...base, kind, category: 'identity', parts: [{ name: '年度', pattern }] };
    default:
      return {
        ...base,
        kind: 'outline-citation',
        category: 'consistency',
        outlineTitle: pattern,
        editions: [{ name: '纲要', span: [2021, 2025], reportYears: { from: 2021 } }],
      };
  }
}

const KINDS = [
  'forbid',
  'forbid-unless',
  'mention',
  'metric',
  'section',
  'section-content',
  'pattern',
  'pattern-check',
  'substitute',
  'rates',
  'report-year',
  'title-parts',
  'outline-citation',
];

/** A pack file (JSON is YAML) holding the rules. */
function pack(rules: readonly Record<string, unknown>[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ pack: 'fuzz', title: '测试包', ...extra, rules }, null, 1);
}

/** A line on which a nested repetition backtracks for a long time. */
function slowLine(random: Random): string {
  return `${'法治政府建设'.repeat(random.int(4, 8))}！`;
}

/** `check` with the pack over good reports: refused at load with exit 2, or every good file checked. */
function checkWithPack(random: Random, dir: string, packFile: string, more: string[] = []): FuzzCase {
  const good = putGoodReports(random, dir, random.int(1, 9));
  put(dir, 'good/slow.txt', `${goodReport(random)}\n${slowLine(random)}`);
  return {
    args: ['check', ...good, 'good/slow.txt', '--rules', 'default', '--rules', packFile, ...more],
    check: (run: RunOutcome) => {
      if (run.exitCode === 2 && /规则文件有 \d+ 处问题/.test(run.stderr)) return [];
      const files = run.report?.files ?? [];
      const failed = files.filter((file) => file.error);
      return failed.length > 0 || files.length === 0
        ? [
            `pack loaded but ${failed.length || 'all'} files failed: ${failed[0]?.error?.message.slice(0, 50) ?? ''}`,
          ]
        : [];
    },
  };
}

const slowRules: Generator = (random, dir) => {
  const count = random.size(1, 100);
  const rules = Array.from({ length: count }, (_, i) =>
    ruleWith(random.pick(['forbid', 'mention']), RISKY[0]!, i),
  );
  return checkWithPack(random, dir, put(dir, 'slow.yaml', pack(rules)), random.pick([[], ['--jobs', '2']]));
};

const riskyEveryField: Generator = (random, dir) => {
  const kind = random.pick(KINDS);
  const pattern = random.pick(RISKY);
  const file = put(dir, 'risky.yaml', pack([ruleWith(kind, pattern, 1)]));
  return {
    args: ['rules', 'validate', file],
    addJsonReport: false,
    check: (run: RunOutcome) => {
      const why = run.stderr.split('\n')[1]?.trim() ?? '';
      if (run.exitCode !== 0) return [`the generated ${kind} rule does not validate: ${why}`];
      return /回溯/.test(run.stdout + run.stderr) ? [] : [`no risky-pattern warning (${kind})`];
    },
  };
};

/** Packs that load only if the engine can run them: validate first, then check must agree. */
const unrunnable: Generator = (random, dir, scale) => {
  const shape = random.pick([
    'dictionary-space',
    'long-literal',
    'long-pattern',
    'long-term',
    'many-alternatives',
  ]);
  const length = random.size(1000, Math.max(1000, Math.round(50_000 * scale)));
  let body: string;
  if (shape === 'dictionary-space') {
    body = pack([ruleWith('forbid', '不会出现的词', 1)], {
      dictionary: [random.pick(['法治 政府', '法治\t政府', ' 前导', '尾随 ', '法治　政府', '两个  空格'])],
    });
  } else if (shape === 'long-literal' || shape === 'long-term') {
    const literal = '法'.repeat(length);
    body = pack([
      shape === 'long-term'
        ? { ...ruleWith('forbid', 'x', 1), patterns: undefined, terms: [literal] }
        : ruleWith(random.pick(['forbid', 'mention', 'substitute']), literal, 1),
    ]);
  } else if (shape === 'long-pattern') {
    body = pack([ruleWith(random.pick(['forbid', 'metric', 'section']), `(?:${'a|'.repeat(length)}b)`, 1)]);
  } else {
    const terms = Array.from({ length }, (_, i) => `词${i}`);
    body = pack([{ ...ruleWith('forbid', 'x', 1), patterns: undefined, terms }]);
  }
  const file = put(dir, 'pack.yaml', body);
  const follow = checkWithPack(random, dir, file);
  return {
    args: ['rules', 'validate', file],
    addJsonReport: false,
    followUp: (validated: RunOutcome) => ({
      ...follow,
      check: (run: RunOutcome) => {
        const problems = follow.check?.(run, dir) ?? [];
        if (validated.exitCode === 0 && run.exitCode === 2 && /规则文件有/.test(run.stderr))
          problems.push('rules validate accepted a pack that check refuses');
        if (validated.exitCode === 0 && (run.report?.files ?? []).some((file) => file.error))
          problems.push(`rules validate accepted a pack that cannot run (${shape})`);
        return problems;
      },
    }),
  };
};

const aliasBomb: Generator = (random, dir) => {
  const levels = random.int(4, 12);
  const lines = ['a0: &a0 ["法治", "法治", "法治", "法治", "法治", "法治", "法治", "法治", "法治"]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  const yaml = `${lines.join('\n')}\npack: fuzz\ntitle: 炸弹\nrules:\n  - id: fuzz/x\n    kind: forbid\n    title: x\n    category: style\n    level: info\n    weight: 1\n    basis: x\n    terms: *a${levels - 1}\n`;
  const asConfig = random.chance(0.4);
  const file = put(dir, asConfig ? 'fzcheck.config.yaml' : 'bomb.yaml', yaml);
  if (asConfig) return { args: ['check', ...putGoodReports(random, dir, 1)], paths: [file] };
  return random.chance(0.5)
    ? { args: ['rules', 'validate', file], addJsonReport: false }
    : { args: ['check', ...putGoodReports(random, dir, 1), '--rules', file] };
};

const deepYaml: Generator = (random, dir, scale) => {
  const depth = random.size(100, Math.max(100, Math.round(100_000 * scale)));
  const [open, close] = random.pick([
    ['[', ']'],
    ['{a: ', '}'],
  ] as const);
  const yaml = `pack: fuzz\ntitle: 深\nx: ${open.repeat(depth)}1${close.repeat(depth)}\nrules: []\n`;
  const asConfig = random.chance(0.3);
  const file = put(dir, asConfig ? 'fzcheck.config.yaml' : 'deep.yaml', yaml);
  if (asConfig) return { args: ['check', ...putGoodReports(random, dir, 1)] };
  return { args: ['rules', 'validate', file], addJsonReport: false };
};

const manyRules: Generator = (random, dir, scale) => {
  const count = random.size(10, Math.max(10, Math.round(20_000 * scale)));
  const rules = Array.from({ length: count }, (_, i) => ({
    ...ruleWith('forbid', 'x', i),
    patterns: undefined,
    terms: [`词${i}`, '截止'],
  }));
  return checkWithPack(random, dir, put(dir, 'many.yaml', pack(rules)));
};

const damagedPack: Generator = (random, dir) => {
  const bytes = mutate(random, fixtureInput('../packs/province-example.yaml'));
  const file = put(dir, 'damaged.yaml', bytes);
  return random.chance(0.5)
    ? { args: ['rules', 'validate', file], addJsonReport: false }
    : checkWithPack(random, dir, file);
};

/** Hostile rule packs and config files. */
export const packsClass: FuzzClass = {
  name: 'pack',
  shapes: {
    'slow-rules': slowRules,
    'risky-field': riskyEveryField,
    unrunnable,
    'alias-bomb': aliasBomb,
    'deep-yaml': deepYaml,
    'many-rules': manyRules,
    damaged: damagedPack,
  },
};
