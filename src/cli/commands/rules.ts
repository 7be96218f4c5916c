// fzcheck rules list|show|validate|test, and fzcheck explain: what the rules are, and tools for
// people who write packs.

import { resolve } from 'node:path';
import { ConfigError, type ConfigProblem, formatProblem } from '../../config/config-error.js';
import { loadConfig } from '../../config/load-config.js';
import { type LoadedRules, loadRules, readPackFile } from '../../config/load-packs.js';
import { LEVEL_LABELS, SUBJECT_TYPE_LABELS } from '../../format/labels.js';
import { printable } from '../../format/printable.js';
import { displayWidth } from '../../format/text-width.js';
import { wrapText } from '../../format/wrap-text.js';
import { runExamples } from '../../rules/run-examples.js';
import type { RuleSpec } from '../../rules/types.js';
import { categoryLabel, categoryOrder } from '../../shared/categories.js';
import type { SubjectType } from '../../shared/subject-types.js';
import { inYearSpan } from '../../shared/year-span.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';
import { outputWidth } from './check.js';

const MIN_TITLE_WIDTH = 16; // columns a rule's title needs beside the id, level and weight

/** Options shared by the rules commands. */
export interface RulesOptions {
  readonly rules?: string[];
  readonly config?: string;
  readonly year?: number;
  readonly subjectType?: SubjectType;
}

async function load(options: RulesOptions, io: CliIo): Promise<LoadedRules> {
  const config = await loadConfig(io.cwd, options.config);
  return loadRules(options.rules, io.cwd, config);
}

/** fzcheck rules list: every rule with its level and weight, optionally only those for a year / subject. */
export async function listRules(options: RulesOptions, io: CliIo): Promise<number> {
  const { ruleSet, categories } = await load(options, io);
  const rules = ruleSet.rules
    .map((rule) => rule.spec)
    .filter((spec) => appliesTo(spec, options.year, options.subjectType))
    .sort((a, b) => categoryOrder(categories, a.category) - categoryOrder(categories, b.category));
  const width = outputWidth(io, true);
  const idWidth = Math.min(40, Math.max(0, ...rules.map((spec) => spec.id.length)));
  let category = '';
  for (const spec of rules) {
    if (spec.category !== category) {
      category = spec.category;
      io.stdout.write(`\n${categoryLabel(categories, category)}\n`);
    }
    const off = spec.disabled ? '（已关闭）' : '';
    const head = `  ${spec.id.padEnd(idWidth)} ${LEVEL_LABELS[spec.level]} ${String(spec.weight).padStart(3)}分  `;
    // The title beside the columns, wrapped under itself; on a narrow terminal, on lines of its own.
    const room = width - displayWidth(head);
    const [first, ...rest] =
      room >= MIN_TITLE_WIDTH
        ? wrapText(`${spec.title}${off}`, room).map(
            (line, i) => (i === 0 ? head : ' '.repeat(head.length)) + line,
          )
        : [
            `  ${spec.id}`,
            ...wrapText(
              `${LEVEL_LABELS[spec.level]} ${spec.weight}分  ${spec.title}${off}`,
              Math.max(1, width - 4),
            ).map((line) => `    ${line}`),
          ];
    io.stdout.write(`${[first, ...rest].join('\n')}\n`);
  }
  io.stdout.write(`\n共 ${rules.length} 条规则${options.year ? `（适用于${options.year}年度报告）` : ''}\n`);
  return ExitCode.Ok;
}

/** fzcheck rules show ID / fzcheck explain ID: what the rule checks, why, its basis and examples. */
export async function showRule(id: string, options: RulesOptions, io: CliIo): Promise<number> {
  const { ruleSet, categories } = await load(options, io);
  const rule = ruleSet.rules.find((candidate) => candidate.spec.id === id);
  if (!rule) {
    const close = ruleSet.rules
      .map((r) => r.spec.id)
      .filter((other) => other.includes(id.split('/').at(-1) ?? id));
    throw new UsageError(
      `未知的规则 id “${id}”${close.length > 0 ? `，是否是：${close.slice(0, 5).join('、')}` : ''}`,
    );
  }
  const { spec, kind } = rule;
  const lines = [
    `${spec.id}  ${spec.title}`,
    '',
    `类别：${categoryLabel(categories, spec.category)}    级别：${LEVEL_LABELS[spec.level]}    权重：${spec.weight}`,
    `类型：${kind.name}（${kind.description}）`,
    `适用：${appliesText(spec)}`,
    `依据：${spec.basis}`,
  ];
  if (spec.hint) lines.push(`改法：${spec.hint}`);
  lines.push(`来源：${rule.source}`);
  for (const [label, list] of [
    ['符合的例子', spec.examples?.pass],
    ['部分符合的例子', spec.examples?.partial],
    ['不符合的例子', spec.examples?.fail],
  ] as const) {
    if (!list?.length) continue;
    lines.push('', `${label}：`);
    for (const example of list) {
      const text = typeof example === 'string' ? example : example.text;
      lines.push(...text.split('\n').map((line, i) => `${i === 0 ? '  · ' : '    '}${line}`));
    }
  }
  io.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.Ok;
}

/** fzcheck rules validate FILE…: schema and rule problems of pack files, all at once. */
export async function validateRuleFiles(files: readonly string[], io: CliIo): Promise<number> {
  const problems: ConfigProblem[] = [];
  for (const file of files) {
    try {
      const { warnings } = await loadRules(['default', file], io.cwd);
      io.stdout.write(`✓ ${file}${warnings.length > 0 ? `（${warnings.length} 处警告）` : ''}\n`);
      for (const warning of warnings) io.stdout.write(`  警告：${printable(formatProblem(warning), true)}\n`);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length === 0) return ExitCode.Ok;
  throw new ConfigError(problems);
}

/** fzcheck rules test FILE…: runs each pack's examples; exit 1 when one does not behave as stated. */
export async function testRuleFiles(files: readonly string[], io: CliIo): Promise<number> {
  let failed = 0;
  let passed = 0;
  for (const file of files) {
    const { ruleSet } = await loadRules(['default', file], io.cwd);
    const { readYamlFile } = await import('../../config/read-yaml.js');
    const { pack } = await readPackFile(file, readYamlFile(resolve(io.cwd, file), file), false);
    const outcomes = runExamples(pack?.rules ?? [], ruleSet);
    if (outcomes.length === 0) io.stdout.write(`${file}: 没有 examples\n`);
    for (const outcome of outcomes) {
      const ok = outcome.actual === outcome.expected;
      if (ok) passed++;
      else failed++;
      const head = `${ok ? '✓' : '✗'} ${outcome.ruleId} ${outcome.expected} #${outcome.index}`;
      io.stdout.write(
        ok
          ? `${head}\n`
          : `${head}：实际为 ${outcome.actual}（${outcome.message}）\n    ${outcome.text.replace(/\n/g, '\n    ')}\n`,
      );
    }
  }
  io.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? ExitCode.ThresholdMissed : ExitCode.Ok;
}

function appliesTo(spec: RuleSpec, year?: number, subjectType?: SubjectType): boolean {
  const years = spec.applies?.years;
  if (year !== undefined && years && !inYearSpan(years, year)) return false;
  return !(subjectType && spec.applies?.subjects && !spec.applies.subjects.includes(subjectType));
}

function appliesText(spec: RuleSpec): string {
  const parts: string[] = [];
  const years = spec.applies?.years;
  if (years?.from && years.to) parts.push(`${years.from}–${years.to}年度`);
  else if (years?.from) parts.push(`${years.from}年度及以后`);
  else if (years?.to) parts.push(`${years.to}年度及以前`);
  if (spec.applies?.subjects)
    parts.push(spec.applies.subjects.map((subject) => SUBJECT_TYPE_LABELS[subject]).join('、'));
  return parts.length > 0 ? parts.join('；') : '所有年度和主体';
}
