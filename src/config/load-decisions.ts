// fzcheck.decisions.yaml: what a reviewer decided about findings that do not apply to one report
// (不适用: a township without enforcement powers has no 三项制度) or that were checked and are in
// order (已核实). Found like the config: named with --decisions, else the nearest file at or above
// the working directory, else beside the reports. Validated with the schema machinery of packs, so
// every problem is reported at its line.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DecisionEntry } from '../shared/decisions.js';
import { ConfigError, type ConfigProblem } from './config-error.js';

/** Decisions file names, in the order they are looked for in each directory. */
export const DECISIONS_FILE_NAMES = ['fzcheck.decisions.yaml', 'fzcheck.decisions.yml'];

/** The words a decision is written with; the English ids are accepted too. */
export const DECISION_WORDS: Readonly<Record<string, DecisionEntry['kind']>> = {
  不适用: 'not-applicable',
  已核实: 'verified',
  'not-applicable': 'not-applicable',
  verified: 'verified',
};

/** Loaded decisions: the file (null when there is none) and its entries in file order. */
export interface Decisions {
  readonly file: string | null;
  readonly entries: readonly DecisionEntry[];
}

/** No decisions file. */
export const NO_DECISIONS: Decisions = { file: null, entries: [] };

/** JSON Schema of the decisions file (also written to schema/decisions.schema.json). */
export const DECISIONS_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://fzcheck.invalid/schema/decisions.schema.json',
  title: 'fzcheck 审阅决定',
  description: '审阅人对某份报告的某条规则（或某处问题）所作的决定：不适用或已核实，附理由和日期',
  type: 'object',
  required: ['decisions'],
  properties: {
    decisions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['report', 'rule', 'decision', 'reason', 'date'],
        properties: {
          report: {
            type: 'string',
            minLength: 1,
            description: '报告：文件名（如 青石镇.docx）或报告单位名称',
          },
          rule: { type: 'string', minLength: 1, description: '规则 id，如 enforcement/three-systems' },
          decision: { enum: Object.keys(DECISION_WORDS), description: '不适用 或 已核实' },
          reason: { type: 'string', minLength: 1, description: '理由' },
          date: {
            type: 'string',
            pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
            description: '决定日期 YYYY-MM-DD',
          },
          by: { type: 'string', minLength: 1, description: '审阅人（可选）' },
          excerpt: {
            type: 'string',
            minLength: 1,
            description: '只针对摘录为该文字的那处问题（可选；不写则针对整条规则）',
          },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

/** The nearest decisions file at or above `dir`, or null. */
export function findDecisionsFile(dir: string): string | null {
  let current = resolve(dir);
  for (;;) {
    for (const name of DECISIONS_FILE_NAMES) {
      const path = join(current, name);
      if (existsSync(path)) return path;
    }
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/** Loads the decisions named by --decisions, else the nearest one above any of `dirs` (the
 * working directory first); NO_DECISIONS when there is none. Throws ConfigError with every problem. */
export async function loadDecisions(dirs: readonly string[], explicit?: string): Promise<Decisions> {
  const file = explicit ? resolve(dirs[0] ?? '.', explicit) : firstFound(dirs);
  if (!file) return NO_DECISIONS;
  if (!existsSync(file)) {
    throw new ConfigError([{ file: explicit ?? file, line: 0, column: 0, message: '找不到审阅决定文件' }]);
  }
  // A regular file only, counted while read (a pipe of that name must not hang the run).
  const { readYamlFile } = await import('./read-yaml.js');
  return parseDecisions(file, readYamlFile(file, explicit ?? file, MAX_DECISIONS_BYTES));
}

/** The largest decisions file read: some hundred thousand decisions. */
const MAX_DECISIONS_BYTES = 32 * 1024 * 1024;

/** Parses and validates decisions text; throws ConfigError with every problem, located. */
export async function parseDecisions(file: string, text: string): Promise<Decisions> {
  const { readYaml } = await import('./read-yaml.js');
  const { validateAgainst } = await import('./validate-pack.js');
  const source = readYaml(file, text);
  const problems: ConfigProblem[] = [...source.problems];
  if (problems.length === 0 && source.value == null) return { file, entries: [] };
  if (problems.length === 0) problems.push(...validateAgainst(DECISIONS_SCHEMA, source));
  if (problems.length > 0) throw new ConfigError(problems);
  const raw = source.value as { decisions: Array<Record<string, string>> };
  const entries = raw.decisions.map(
    (item, i): DecisionEntry => ({
      report: String(item.report),
      rule: String(item.rule),
      kind: DECISION_WORDS[String(item.decision)] ?? 'verified',
      reason: String(item.reason),
      date: String(item.date),
      by: item.by ?? null,
      excerpt: item.excerpt ?? null,
      file,
      line: source.locate(['decisions', i]).line,
    }),
  );
  return { file, entries };
}

/** Problems for decisions about rules the run does not have (a typo in a rule id). */
export function unknownRuleProblems(decisions: Decisions, ruleIds: ReadonlySet<string>): ConfigProblem[] {
  return decisions.entries
    .filter((entry) => !ruleIds.has(entry.rule))
    .map((entry) => ({
      file: entry.file,
      line: entry.line,
      column: 1,
      message: `没有 id 为“${entry.rule}”的规则`,
      hint: '规则 id 见 fzcheck rules list',
    }));
}

function firstFound(dirs: readonly string[]): string | null {
  for (const dir of dirs) {
    const file = findDecisionsFile(dir);
    if (file) return file;
  }
  return null;
}
