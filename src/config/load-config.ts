// fzcheck.config.yaml (or .fzcheckrc.yaml): found by walking up from the working directory, or
// named with --config. It chooses packs, turns rules off, changes their level or
// weight, and sets thresholds. Unknown keys and unknown rule ids are errors (exit 2).

import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_GRADES, DEFAULT_STATUTORY_GATE, type GradeScale } from '../score/score.js';
import type { Level } from '../shared/levels.js';
import { LEVELS } from '../shared/levels.js';
import { ConfigError, type ConfigProblem } from './config-error.js';

/** Config file names, in the order they are looked for in each directory. */
export const CONFIG_FILE_NAMES = [
  'fzcheck.config.yaml',
  'fzcheck.config.yml',
  '.fzcheckrc.yaml',
  '.fzcheckrc.yml',
];

/** A change to one rule. */
export interface RuleOverride {
  readonly enabled?: boolean;
  readonly level?: Level;
  readonly weight?: number;
}

/** Thresholds for the exit code. */
export interface Thresholds {
  readonly minScore?: number;
  readonly failOn?: Level | 'never';
  readonly maxWarnings?: number;
}

/** A loaded config; `locate` points at a key inside the file for error messages. */
export interface FzcheckConfig {
  readonly file: string | null;
  readonly rules?: readonly string[]; // built-in pack names, "default", or absolute pack paths
  readonly overrides: ReadonlyMap<string, RuleOverride>;
  readonly thresholds: Thresholds;
  readonly grades: GradeScale;
  locate(path: readonly (string | number)[]): { line: number; column: number };
}

/** The config when there is no file. */
export const EMPTY_CONFIG: FzcheckConfig = {
  file: null,
  overrides: new Map(),
  thresholds: {},
  grades: DEFAULT_GRADES,
  locate: () => ({ line: 0, column: 0 }),
};

/** The nearest config file at or above `cwd`, or null. */
export function findConfigFile(cwd: string): string | null {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(dir, name);
      if (existsSync(path)) return path;
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** JSON Schema of the config file (also written to schema/config.schema.json). */
export const CONFIG_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://fzcheck.invalid/schema/config.schema.json',
  title: 'fzcheck 配置文件',
  type: 'object',
  properties: {
    rules: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: '使用的规则包：default（全部内置包）、内置包名，或相对本文件的 YAML 路径',
    },
    overrides: {
      type: 'object',
      description: '按规则 id 修改：enabled、level、weight',
      additionalProperties: {
        type: 'object',
        properties: {
          enabled: { type: 'boolean' },
          level: { enum: LEVELS },
          weight: { type: 'number', minimum: 0, maximum: 100 },
        },
        additionalProperties: false,
      },
    },
    thresholds: {
      type: 'object',
      properties: {
        minScore: { type: 'number', minimum: 0, maximum: 100 },
        failOn: { enum: [...LEVELS, 'never'] },
        maxWarnings: { type: 'integer', minimum: 0 },
      },
      additionalProperties: false,
    },
    grades: {
      type: 'object',
      description: '等级：分数线和法定内容门槛',
      properties: {
        scale: {
          type: 'array',
          minItems: 1,
          description: '等级，从高到低：得分不低于 min 得该等级（默认 优秀90、良好80、合格60、不合格0）',
          items: {
            type: 'object',
            properties: {
              label: { type: 'string', minLength: 1 },
              min: { type: 'number', minimum: 0, maximum: 100 },
            },
            required: ['label', 'min'],
            additionalProperties: false,
          },
        },
        statutoryGate: {
          type: 'object',
          description: '缺少法定内容时最高能得的等级；null 表示不设门槛',
          properties: {
            missing: {
              type: ['string', 'null'],
              description: '缺少一项法定内容时最高的等级（默认 合格）',
            },
            partial: {
              type: ['string', 'null'],
              description: '法定内容只部分具备（如有内容无标题）时最高的等级（默认 良好）',
            },
          },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

interface RawGrades {
  scale?: Array<{ label: string; min: number }>;
  statutoryGate?: { missing?: string | null; partial?: string | null };
}

/** The grade scale of the config, checked: minimums from high to low, gate labels on the scale. */
function gradesOf(raw: RawGrades | undefined, file: string, locate: FzcheckConfig['locate']): GradeScale {
  const grades = raw?.scale ?? DEFAULT_GRADES.grades;
  const problems: ConfigProblem[] = [];
  const at = (path: (string | number)[], message: string) =>
    problems.push({ file, ...locate(['grades', ...path]), message });
  grades.forEach((grade, i) => {
    const previous = grades[i - 1];
    if (previous && grade.min >= previous.min) at(['scale', i, 'min'], '等级须从高到低排列，分数线逐级降低');
  });
  const gate = {
    missing:
      raw?.statutoryGate?.missing === undefined ? DEFAULT_STATUTORY_GATE.missing : raw.statutoryGate.missing,
    partial:
      raw?.statutoryGate?.partial === undefined ? DEFAULT_STATUTORY_GATE.partial : raw.statutoryGate.partial,
  };
  for (const key of ['missing', 'partial'] as const) {
    const label = gate[key];
    if (label !== null && !grades.some((grade) => grade.label === label))
      at(
        ['statutoryGate', key],
        `“${label}”不是等级之一（${grades.map((grade) => grade.label).join('、')}）`,
      );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { grades, statutoryGate: gate };
}

/** Loads the config named by --config, else the nearest one; EMPTY_CONFIG when there is none. */
export async function loadConfig(cwd: string, explicit?: string): Promise<FzcheckConfig> {
  const file = explicit ? resolve(cwd, explicit) : findConfigFile(cwd);
  if (!file) return EMPTY_CONFIG;
  if (!existsSync(file)) {
    throw new ConfigError([{ file: explicit ?? file, line: 0, column: 0, message: '找不到配置文件' }]);
  }
  const { readYaml, readYamlFile } = await import('./read-yaml.js');
  const { validateAgainst } = await import('./validate-pack.js');
  const source = readYaml(file, readYamlFile(file, explicit ?? file));
  const problems: ConfigProblem[] = [...source.problems];
  if (problems.length === 0) problems.push(...validateAgainst(CONFIG_SCHEMA, source));
  if (problems.length > 0) throw new ConfigError(problems);
  const raw = (source.value ?? {}) as {
    rules?: string[];
    overrides?: Record<string, RuleOverride>;
    thresholds?: Thresholds;
    grades?: RawGrades;
  };
  const base = dirname(file);
  const locate: FzcheckConfig['locate'] = (path) => source.locate(path, true);
  return {
    file,
    ...(raw.rules
      ? {
          rules: raw.rules.map((entry) =>
            /[/\\]|\.ya?ml$/.test(entry) && !isAbsolute(entry) ? join(base, entry) : entry,
          ),
        }
      : {}),
    overrides: new Map(Object.entries(raw.overrides ?? {})),
    thresholds: raw.thresholds ?? {},
    grades: gradesOf(raw.grades, file, locate),
    locate,
  };
}

/** The commented starter config `fzcheck init` writes. */
export const STARTER_CONFIG = `# fzcheck 配置文件（fzcheck init 生成）。说明见 docs/rules.md。
# yaml-language-server: $schema=https://fzcheck.invalid/schema/config.schema.json

# 使用的规则包：default 表示全部内置包；也可列出内置包名，或相对本文件的 YAML 规则包。
rules:
  - default
  # - ./rules/本省要求.yaml

# 按规则 id 关闭规则，或修改级别（error / warning / info）和权重。
# 规则 id 见：fzcheck rules list
overrides: {}
#  style/relative-time:
#    enabled: false
#  enforcement/three-systems:
#    level: error
#    weight: 10

# 退出码阈值（命令行选项优先）。
thresholds:
  # 得分低于该值时退出码为 1
  minScore: 0
  # 出现该级别或更高级别的问题时退出码为 1：error、warning、info 或 never
  failOn: error

# 等级。缺少《法治政府建设与责任落实督察工作规定》要求的法定内容时，分数再高，等级也不超过门槛。
# grades:
#   scale:                       # 从高到低；得分不低于 min 得该等级
#     - { label: 优秀, min: 90 }
#     - { label: 良好, min: 80 }
#     - { label: 合格, min: 60 }
#     - { label: 不合格, min: 0 }
#   statutoryGate:
#     missing: 合格              # 缺少一项法定内容时最高为“合格”；null 不设门槛
#     partial: 良好              # 法定内容只部分具备（有内容无标题等）时最高为“良好”
`;
