// Which rule packs a run uses, read and validated: the built-in packs in rules/*.yaml with the
// category list rules/categories.yaml (shipped pre-validated as dist/builtin-packs.json by the
// build, so a normal run needs neither a YAML parser nor Ajv; a YAML file edited after the build
// is read instead) and the user's own pack files given with --rules.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import {
  compileRules,
  type RuleProblem,
  type RuleSet,
  type SourcedRule,
} from '../rules/engine/compile-rules.js';
import type { RuleSpec } from '../rules/types.js';
import { type Category, categoryOrder } from '../shared/categories.js';
import { packagePath } from '../shared/package-paths.js';
import type { RuleInfo } from '../shared/results.js';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { EMPTY_CONFIG, type FzcheckConfig } from './load-config.js';
import { CATEGORY_LIST_SCHEMA } from './pack-schema.js';
import type { YamlSource } from './read-yaml.js';

/** A pack as loaded: its metadata and its rules with the pack's defaults filled in. */
export interface LoadedPack {
  readonly name: string;
  readonly title: string;
  readonly source: string; // file path, or rules/<name>.yaml for built-in packs
  readonly builtin: boolean;
  readonly dictionary: readonly string[];
  readonly categories: readonly Category[]; // categories the pack adds
  readonly rules: readonly RuleSpec[];
}

/** The built-in packs and category list. */
export interface BuiltinPacks {
  readonly packs: readonly LoadedPack[];
  readonly categories: readonly Category[];
}

/** The packs and compiled rules of a run, its categories, and warnings (risky patterns) to print. */
export interface LoadedRules {
  readonly packs: readonly LoadedPack[];
  readonly ruleSet: RuleSet;
  readonly categories: readonly Category[];
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
const CATEGORIES_FILE = 'categories.yaml';

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
  const builtin = await loadBuiltinPacks();
  const builtins = builtin.packs;
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
    const { readYamlFile } = await import('./read-yaml.js');
    const loaded = await readPackFile(entry, readYamlFile(path, entry), false);
    problems.push(...loaded.problems);
    if (loaded.pack) packs.push(loaded.pack);
    if (loaded.source) sources.set(entry, loaded.source);
  }
  const unique = packs.filter((pack, i) => packs.findIndex((other) => other.source === pack.source) === i);
  const userRules = unique.filter((pack) => !pack.builtin).reduce((sum, pack) => sum + pack.rules.length, 0);
  if (userRules > MAX_USER_RULES) {
    const files = unique.filter((pack) => !pack.builtin).map((pack) => pack.source);
    problems.push(tooManyRules(files.join('、'), userRules));
  }
  const categories = [...builtin.categories];
  for (const pack of unique)
    for (const category of pack.categories)
      if (!categories.some((known) => known.id === category.id)) categories.push(category);
  problems.push(...unknownOverrides(unique, config), ...unknownCategories(unique, categories, sources));
  const {
    ruleSet,
    problems: ruleProblems,
    warnings: ruleWarnings,
  } = compileRules(
    applyOverrides(sourcedRules(unique), config),
    unique.flatMap((pack) => pack.dictionary),
  );
  const located = (problem: RuleProblem): ConfigProblem => {
    const source = sources.get(problem.source);
    const position = source ? source.locate(problem.path) : { line: 0, column: 0 };
    return { file: problem.source, ...position, message: problem.message };
  };
  problems.push(...ruleProblems.map(located));
  if (problems.length > 0) throw new ConfigError(problems);
  return { packs: unique, ruleSet, categories, warnings: ruleWarnings.map(located) };
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
  const count = (source.value as { rules?: unknown } | undefined)?.rules;
  if (!builtin && Array.isArray(count) && count.length > MAX_USER_RULES) {
    // Refused before the schema check, which would take seconds on tens of thousands of rules.
    return { pack: null, problems: [tooManyRules(file, count.length)], source };
  }
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
      categories: raw.categories ?? [],
      rules,
    },
    problems: [],
    source,
  };
}

/** User rules a run may load (the built-in packs have 41): each one runs on every report. */
export const MAX_USER_RULES = 1_000;

function tooManyRules(file: string, count: number): ConfigProblem {
  return {
    file,
    line: 0,
    column: 0,
    message: `用户规则过多（共 ${count} 条，上限 ${MAX_USER_RULES} 条）：每条规则都要在每份报告上运行一遍`,
    hint: '把同类的词语或正则合并到一条规则的 terms、patterns 或 items 中',
  };
}

/** Reads and validates every built-in pack from rules/*.yaml and the category list, packs in
 * category order. */
export async function readBuiltinPackFiles(): Promise<BuiltinPacks & { problems: ConfigProblem[] }> {
  const problems: ConfigProblem[] = [];
  const categories = await readCategoryFile(problems);
  const packs: LoadedPack[] = [];
  for (const name of builtinPackFiles()) {
    const loaded = await readPackFile(
      `rules/${name}`,
      readFileSync(join(BUILTIN_RULES_DIR, name), 'utf8'),
      true,
    );
    problems.push(...loaded.problems);
    if (!loaded.pack) continue;
    if (loaded.pack.name !== basename(name, '.yaml'))
      problems.push({
        file: `rules/${name}`,
        line: 1,
        column: 1,
        message: `包名“${loaded.pack.name}”应与文件名一致`,
      });
    packs.push(loaded.pack);
  }
  const order = (pack: LoadedPack) => categoryOrder(categories, pack.rules[0]?.category ?? '');
  packs.sort((a, b) => order(a) - order(b));
  problems.push(...unknownCategories(packs, categories, new Map()));
  return { packs, categories, problems };
}

function builtinPackFiles(): string[] {
  return readdirSync(BUILTIN_RULES_DIR)
    .filter((name) => extname(name) === '.yaml' && name !== CATEGORIES_FILE)
    .sort();
}

async function readCategoryFile(problems: ConfigProblem[]): Promise<Category[]> {
  const { readYaml } = await import('./read-yaml.js');
  const { validateAgainst } = await import('./validate-pack.js');
  const file = `rules/${CATEGORIES_FILE}`;
  const source = readYaml(file, readFileSync(join(BUILTIN_RULES_DIR, CATEGORIES_FILE), 'utf8'));
  const found = [
    ...source.problems,
    ...(source.problems.length === 0 ? validateAgainst(CATEGORY_LIST_SCHEMA, source) : []),
  ];
  problems.push(...found);
  return found.length === 0 ? (source.value as Category[]) : [];
}

let builtinCache: BuiltinPacks | null = null;

async function loadBuiltinPacks(): Promise<BuiltinPacks> {
  if (builtinCache) return builtinCache;
  if (isBuiltJsonFresh()) {
    builtinCache = JSON.parse(readFileSync(BUILTIN_JSON, 'utf8')) as BuiltinPacks;
  } else {
    const { packs, categories, problems } = await readBuiltinPackFiles();
    if (problems.length > 0) throw new ConfigError(problems);
    builtinCache = { packs, categories };
  }
  return builtinCache;
}

/** Whether the build's JSON is at least as new as every YAML file it was made from. */
function isBuiltJsonFresh(): boolean {
  if (!existsSync(BUILTIN_JSON)) return false;
  const built = statSync(BUILTIN_JSON).mtimeMs;
  return [CATEGORIES_FILE, ...builtinPackFiles()].every(
    (name) => statSync(join(BUILTIN_RULES_DIR, name)).mtimeMs <= built,
  );
}

/** Problems for rules whose category is in no list. */
function unknownCategories(
  packs: readonly LoadedPack[],
  categories: readonly Category[],
  sources: ReadonlyMap<string, YamlSource>,
): ConfigProblem[] {
  const known = new Set(categories.map((category) => category.id));
  return packs.flatMap((pack) =>
    pack.rules.flatMap((rule, index) => {
      if (known.has(rule.category)) return [];
      const position = sources.get(pack.source)?.locate(['rules', index, 'category']) ?? {
        line: 0,
        column: 0,
      };
      return [
        {
          file: pack.source,
          ...position,
          message: `规则“${rule.id}”的类别“${rule.category}”不存在`,
          hint: `可用：${categories.map((category) => category.id).join('、')}；或在规则包的 categories 中增加`,
        },
      ];
    }),
  );
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
  readonly categories?: Category[];
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
