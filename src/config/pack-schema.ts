// The JSON Schema of a rule pack, built from the rule kinds (one source of truth): each kind gets
// the shared fields that work for it and its own options, nothing else. scripts/build-schema.ts
// writes it to schema/rule-pack.schema.json; a test fails when that file is stale.

import { RULE_KINDS } from '../rules/kinds/index.js';
import type { RuleKind } from '../rules/types.js';
import { DOCUMENT_KINDS } from '../shared/document-kinds.js';
import { LEVELS } from '../shared/levels.js';
import { SUBJECT_TYPES } from '../shared/subject-types.js';
import { YEAR_SPAN_SCHEMA } from '../shared/year-span.js';

const EXAMPLE = {
  oneOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      properties: {
        text: { type: 'string', minLength: 1 },
        year: { type: 'integer', minimum: 2000, maximum: 2100 },
        subjectType: { enum: SUBJECT_TYPES },
        previous: { type: 'string', minLength: 1, description: '上一年度的报告（对照上年的规则用）' },
      },
      required: ['text'],
      additionalProperties: false,
    },
  ],
};

const APPLIES = {
  type: 'object',
  description: '适用的报告年度与主体类型',
  properties: {
    years: YEAR_SPAN_SCHEMA,
    subjects: { type: 'array', items: { enum: SUBJECT_TYPES }, minItems: 1 },
    kinds: {
      type: 'array',
      items: { enum: DOCUMENT_KINDS },
      minItems: 1,
      description: '适用的文件类型，默认只检查年度报告',
    },
  },
  additionalProperties: false,
};

const CATEGORY_ID = { type: 'string', pattern: '^[a-z0-9-]+$' };

/** The schema of rules/categories.yaml (and of a pack's `categories`). */
export const CATEGORY_LIST_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      id: { type: 'string', pattern: '^[a-z0-9-]+$', description: '类别 id' },
      label: { type: 'string', minLength: 1, description: '类别名称' },
    },
    required: ['id', 'label'],
    additionalProperties: false,
  },
} as const;

/** Fields every rule has, whatever its kind. */
export const SHARED_RULE_PROPERTIES: Readonly<Record<string, unknown>> = {
  id: { type: 'string', pattern: '^[a-z0-9-]+/[a-z0-9-]+$', description: '规则 id：包名/规则名' },
  kind: { enum: [...RULE_KINDS.keys()], description: '规则类型' },
  title: { type: 'string', minLength: 1, description: '简短的中文标题' },
  short: {
    type: 'string',
    minLength: 1,
    maxLength: 10,
    description: '更短的名称（汇总表列出主要缺项时用），默认同 title',
  },
  category: { ...CATEGORY_ID, description: '类别（rules/categories.yaml 或本包 categories 中的 id）' },
  level: { enum: LEVELS, description: '级别' },
  weight: { type: 'number', minimum: 0, maximum: 100, description: '计分权重，0 为仅提示' },
  basis: { type: 'string', minLength: 1, description: '依据（法规、规范性文件）' },
  statutory: { type: 'boolean', description: '法定必备内容：缺失时计为“法定缺项”，等级受限' },
  hint: { type: 'string', description: '如何改正' },
  applies: APPLIES,
  examples: {
    type: 'object',
    description: '示例文本，测试时逐条运行',
    properties: {
      pass: { type: 'array', items: EXAMPLE },
      partial: { type: 'array', items: EXAMPLE },
      fail: { type: 'array', items: EXAMPLE },
    },
    additionalProperties: false,
  },
};

const SCOPE = {
  description: '检查范围',
  oneOf: [
    { enum: ['document', 'headings', 'paragraphs'] },
    {
      type: 'object',
      properties: {
        section: { type: 'string', description: '只看这条 section 规则找到的部分' },
        fallback: { enum: ['document', 'fail', 'skip'], description: '该部分没有找到时' },
        exclude: {
          type: 'array',
          items: { type: 'string' },
          minItems: 1,
          description: '不看这些 section 规则找到的部分（如下一年度安排：计划不是已做的事）',
        },
      },
      anyOf: [
        { properties: { section: { type: 'string' } }, required: ['section'] },
        { properties: { exclude: { type: 'array' } }, required: ['exclude'] },
      ],
      additionalProperties: false,
    },
  ],
};

/** The shared fields that work for a kind: messages by its ids, `message` only for a kind with a
 * primary message, `scope` only for a scoped kind, `exceptions` only for a problem kind. */
export function kindSharedProperties(kind: RuleKind): Record<string, unknown> {
  return {
    ...SHARED_RULE_PROPERTIES,
    messages: {
      type: 'object',
      propertyNames: { enum: Object.keys(kind.messages) },
      additionalProperties: { type: 'string', minLength: 1 },
      description: '按消息 id 替换提示语',
    },
    ...(kind.primaryMessage
      ? {
          message: {
            type: 'string',
            minLength: 1,
            description: `替换主要提示语（${kind.primaryMessage}），可用 {占位符}`,
          },
        }
      : {}),
    ...(kind.scoped ? { scope: SCOPE } : {}),
    ...(kind.nature === 'problem' && kind.exceptions !== false && kind.exceptions !== false
      ? {
          exceptions: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description: '不视为问题的写法',
          },
        }
      : {}),
  };
}

/** Kinds whose own options reuse a shared field's name (a mistake the tests catch). */
export function clashingOptions(): string[] {
  return [...RULE_KINDS.values()].flatMap((kind) =>
    Object.keys(kind.options)
      .filter((name) => name in kindSharedProperties(kind) || name === 'kind' || name === 'id')
      .map((name) => `${kind.name}.${name}`),
  );
}

/** The whole rule-pack schema (draft 2020-12). */
export function buildPackSchema(): Record<string, unknown> {
  const kindBranches = [...RULE_KINDS.values()].map((kind) => ({
    if: { properties: { kind: { const: kind.name } }, required: ['kind'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema keyword
    then: {
      properties: { ...kindSharedProperties(kind), ...kind.options },
      required: [...(kind.required ?? [])],
      additionalProperties: false,
    },
  }));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://fzcheck.invalid/schema/rule-pack.schema.json',
    title: 'fzcheck 规则包',
    type: 'object',
    properties: {
      pack: { type: 'string', pattern: '^[a-z0-9-]+$', description: '包名，即规则 id 的前缀' },
      title: { type: 'string', minLength: 1 },
      description: { type: 'string' },
      basis: { type: 'string', minLength: 1, description: '本包规则的默认依据' },
      category: { ...CATEGORY_ID, description: '本包规则的默认类别' },
      categories: { ...CATEGORY_LIST_SCHEMA, description: '本包增加的类别（排在内置类别之后）' },
      applies: APPLIES,
      dictionary: {
        type: 'array',
        items: { type: 'string', pattern: '^[^\\s]{1,40}$' },
        description: '加入分词词典的术语（不含空格，至多 40 字）',
      },
      rules: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          properties: SHARED_RULE_PROPERTIES,
          required: ['id', 'kind', 'title', 'level', 'weight'],
          allOf: kindBranches,
        },
      },
    },
    required: ['pack', 'title', 'rules'],
    additionalProperties: false,
  };
}
