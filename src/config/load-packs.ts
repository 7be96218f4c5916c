// Which rule packs a run uses, read and validated: the built-in packs in rules/*.yaml (shipped
// pre-validated as dist/builtin-packs.json by the build, so a normal run needs neither a YAML
// parser nor Ajv) and the user's own pack files given with --rules.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import {
  compileRules,
  type RuleProblem,
  type RuleSet,
  type SourcedRule,
} from '../rules/engine/compile-rules.js';
import type { RuleSpec } from '../rules/types.js';
import { addDomainTerms } from '../segment/domain-terms.js';
import { categoryOrder } from '../shared/categories.js';
import { packagePath } from '../shared/package-paths.js';
import type { RuleInfo } from '../shared/results.js';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { EMPTY_CONFIG, type FzcheckConfig } from './load-config.js';
import type { YamlSource } from './read-yaml.js';

/** A pack as loaded: its metadata and its rules with the pack's defaults filled in. */
export interface LoadedPack {
  readonly name: string;
  readonly title: string;
  readonly source: string; // file path, or rules/<name>.yaml for built-in packs
  readonly builtin: boolean;
  readonly dictionary: readonly string[];
  readonly rules: readonly RuleSpec[];
}

/** The packs and compiled rules of a run, and warnings about them (risky patterns) to print. */
export interface LoadedRules {
  readonly packs: readonly LoadedPack[];
  readonly ruleSet: RuleSet;
  readonly warnings: readonly ConfigProblem[];
}

/** What the formatters are told about every rule of the run's packs. */
export function ruleInfos(packs: readonly LoadedPack[]): RuleInfo[] {
  return packs.flatMap((pack) =>
    pack.rules.map((rule) => ({
      id: rule.id,
      title: rule.title,
      category: rule.category,
      level: rule.level,
      basis: rule.basis,
      hint: rule.hint ?? null,
    })),
  );
}

/** Directory of the built-in packs. */
export const BUILTIN_RULES_DIR = packagePath('rules');
const BUILTIN_JSON = packagePath('dist', 'builtin-packs.json');

/** Word used in --rules for the built-in selection. */
export const DEFAULT_PACKS = 'default';

/**
 * Loads the packs named by --rules entries: "default" (all built-in packs), a built-in pack name,
 * or a path to a YAML pack. No entries means "default". Throws ConfigError listing every problem.
 */
export async function loadRules(
  entries: readonly string[] = [],
  cwd = process.cwd(),
  config: FzcheckConfig = EMPTY_CONFIG,
): Promise<LoadedRules> {
  const wanted = entries.length > 0 ? entries : (config.rules ?? [DEFAULT_PACKS]);
  const builtins = await loadBuiltinPacks();
  const packs: LoadedPack[] = [];
  const problems: ConfigProblem[] = [];
  const sources = new Map<string, YamlSource>();
  for (const entry of wanted) {
    if (entry === DEFAULT_PACKS) {
      packs.push(...builtins);
      continue;
    }
    const builtin = builtins.find((pack) => pack.name === entry);
    if (builtin) {
      packs.push(builtin);
      continue;
    }
    const path = resolve(cwd, entry);
    if (!existsSync(path)) {
      problems.push({
        file: entry,
        line: 0,
        column: 0,
        message: '找不到该规则包：既不是内置包名，也不是存在的文件',
        hint: `内置包：${builtins.map((pack) => pack.name).join('、')}`,
      });
      continue;
    }
    const loaded = await readPackFile(entry, readFileSync(path, 'utf8'), false);
    problems.push(...loaded.problems);
    if (loaded.pack) packs.push(loaded.pack);
    if (loaded.source) sources.set(entry, loaded.source);
  }
  const unique = packs.filter((pack, i) => packs.findIndex((other) => other.source === pack.source) === i);
  problems.push(...unknownOverrides(unique, config));
  const {
    ruleSet,
    problems: ruleProblems,
    warnings: ruleWarnings,
  } = compileRules(applyOverrides(sourcedRules(unique), config));
  const located = (problem: RuleProblem): ConfigProblem => {
    const source = sources.get(problem.source);
    const position = source ? source.locate(problem.path) : { line: 0, column: 0 };
    return { file: problem.source, ...position, message: problem.message };
  };
  problems.push(...ruleProblems.map(located));
  if (problems.length > 0) throw new ConfigError(problems);
  addDomainTerms(unique.flatMap((pack) => pack.dictionary));
  return { packs: unique, ruleSet, warnings: ruleWarnings.map(located) };
}

/** Parses, validates and normalises one pack file. */
export async function readPackFile(
  file: string,
  text: string,
  builtin: boolean,
): Promise<{ pack: LoadedPack | null; problems: ConfigProblem[]; source: YamlSource | null }> {
  const { readYaml } = await import('./read-yaml.js');
  const { validatePack } = await import('./validate-pack.js');
  const source = readYaml(file, text);
  if (source.problems.length > 0) return { pack: null, problems: [...source.problems], source };
  const problems = validatePack(source);
  if (problems.length > 0) return { pack: null, problems, source };
  const raw = source.value as RawPack;
  const rules: RuleSpec[] = [];
  raw.rules.forEach((rule, i) => {
    const merged = {
      ...rule,
      category: rule.category ?? raw.category,
      basis: rule.basis ?? raw.basis,
      applies: mergeApplies(raw.applies, rule.applies),
    } as RuleSpec;
    const locate = (key: string) => source.locate(['rules', i, key], true);
    if (!merged.category)
      problems.push({ file, ...locate('id'), message: `规则“${rule.id}”缺少 category（包内也没有默认值）` });
    if (!merged.basis)
      problems.push({ file, ...locate('id'), message: `规则“${rule.id}”缺少 basis（包内也没有默认值）` });
    if (!rule.id.startsWith(`${raw.pack}/`)) {
      problems.push({ file, ...locate('id'), message: `规则 id “${rule.id}” 应以包名“${raw.pack}/”开头` });
    }
    rules.push(merged.applies === undefined ? withoutApplies(merged) : merged);
  });
  if (problems.length > 0) return { pack: null, problems, source };
  return {
    pack: {
      name: raw.pack,
      title: raw.title,
      source: file,
      builtin,
      dictionary: raw.dictionary ?? [],
      rules,
    },
    problems: [],
    source,
  };
}

/** Reads and validates every built-in pack from rules/*.yaml, most important category first. */
export async function readBuiltinPackFiles(): Promise<{ packs: LoadedPack[]; problems: ConfigProblem[] }> {
  const directory = BUILTIN_RULES_DIR;
  const files = readdirSync(directory)
    .filter((name) => extname(name) === '.yaml')
    .sort();
  const packs: LoadedPack[] = [];
  const problems: ConfigProblem[] = [];
  for (const name of files) {
    const loaded = await readPackFile(`rules/${name}`, readFileSync(join(directory, name), 'utf8'), true);
    problems.push(...loaded.problems);
    if (loaded.pack) {
      if (loaded.pack.name !== basename(name, '.yaml')) {
        problems.push({
          file: `rules/${name}`,
          line: 1,
          column: 1,
          message: `包名“${loaded.pack.name}”应与文件名一致`,
        });
      }
      packs.push(loaded.pack);
    }
  }
  packs.sort((a, b) => categoryOrder(a.rules[0]?.category ?? '') - categoryOrder(b.rules[0]?.category ?? ''));
  return { packs, problems };
}

let builtinCache: LoadedPack[] | null = null;

async function loadBuiltinPacks(): Promise<LoadedPack[]> {
  if (builtinCache) return builtinCache;
  if (existsSync(BUILTIN_JSON)) {
    builtinCache = (JSON.parse(readFileSync(BUILTIN_JSON, 'utf8')) as { packs: LoadedPack[] }).packs;
  } else {
    const { packs, problems } = await readBuiltinPackFiles();
    if (problems.length > 0) throw new ConfigError(problems);
    builtinCache = packs;
  }
  return builtinCache;
}

/** Problems for config overrides that name no loaded rule. */
function unknownOverrides(packs: readonly LoadedPack[], config: FzcheckConfig): ConfigProblem[] {
  const ids = new Set(packs.flatMap((pack) => pack.rules.map((rule) => rule.id)));
  return [...config.overrides.keys()]
    .filter((id) => !ids.has(id))
    .map((id) => ({
      file: config.file ?? '配置',
      ...config.locate(['overrides', id]),
      message: `未知的规则 id “${id}”`,
      hint: '用 fzcheck rules list 查看全部规则 id',
    }));
}

/** Applies the config's level, weight and enabled overrides to the rules. */
function applyOverrides(rules: SourcedRule[], config: FzcheckConfig): SourcedRule[] {
  if (config.overrides.size === 0) return rules;
  return rules.map((rule) => {
    const override = config.overrides.get(rule.spec.id);
    if (!override) return rule;
    const spec = {
      ...rule.spec,
      ...(override.level ? { level: override.level } : {}),
      ...(override.weight !== undefined ? { weight: override.weight } : {}),
      ...(override.enabled === false ? { disabled: true } : {}),
    } as RuleSpec;
    return { ...rule, spec };
  });
}

function sourcedRules(packs: readonly LoadedPack[]): SourcedRule[] {
  return packs.flatMap((pack) =>
    pack.rules.map((spec, index) => ({ spec, source: pack.source, index, builtin: pack.builtin })),
  );
}

interface RawPack {
  readonly pack: string;
  readonly title: string;
  readonly basis?: string;
  readonly category?: string;
  readonly applies?: RuleSpec['applies'];
  readonly dictionary?: string[];
  readonly rules: Array<RuleSpec & { category?: string; basis?: string }>;
}

function mergeApplies(pack: RuleSpec['applies'], rule: RuleSpec['applies']): RuleSpec['applies'] {
  if (!pack) return rule;
  if (!rule) return pack;
  return { ...pack, ...rule, years: { ...pack.years, ...rule.years } };
}

function withoutApplies(spec: RuleSpec): RuleSpec {
  const { applies: _unused, ...rest } = spec;
  return rest as RuleSpec;
}
