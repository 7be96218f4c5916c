// The JSON Schema of a rule pack, built from the rule kinds (one source of truth).
// scripts/build-schema.ts writes it to schema/rule-pack.schema.json; a test fails when that file
// is stale.

import { RULE_KINDS } from '../rules/kinds/index.js';
import { CATEGORIES } from '../shared/categories.js';
import { LEVELS } from '../shared/levels.js';
import { SUBJECT_TYPES } from '../shared/subject-types.js';

const EXAMPLE = {
  oneOf: [
    { type: 'string', minLength: 1 },
    {
      type: 'object',
      properties: {
        text: { type: 'string', minLength: 1 },
        year: { type: 'integer', minimum: 2000, maximum: 2100 },
        subjectType: { enum: SUBJECT_TYPES },
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
    years: {
      type: 'object',
      properties: { from: { type: 'integer', minimum: 2000 }, to: { type: 'integer', minimum: 2000 } },
      additionalProperties: false,
    },
    subjects: { type: 'array', items: { enum: SUBJECT_TYPES }, minItems: 1 },
    kinds: {
      type: 'array',
      items: { enum: ['annual-report', 'work-plan', 'disclosure-report', 'interpretation', 'other'] },
      minItems: 1,
      description: '适用的文件类型，默认只检查年度报告',
    },
  },
  additionalProperties: false,
};

/** Fields every rule has, whatever its kind. */
export const SHARED_RULE_PROPERTIES: Readonly<Record<string, unknown>> = {
  id: { type: 'string', pattern: '^[a-z0-9-]+/[a-z0-9-]+$', description: '规则 id：包名/规则名' },
  kind: { enum: [...RULE_KINDS.keys()], description: '规则类型' },
  title: { type: 'string', minLength: 1, description: '简短的中文标题' },
  category: { enum: CATEGORIES.map((category) => category.id), description: '类别' },
  level: { enum: LEVELS, description: '级别' },
  weight: { type: 'number', minimum: 0, maximum: 100, description: '计分权重，0 为仅提示' },
  basis: { type: 'string', minLength: 1, description: '依据（法规、规范性文件）' },
  message: { type: 'string', minLength: 1, description: '替换类型的主要提示语，可用 {占位符}' },
  messages: { type: 'object', additionalProperties: { type: 'string' }, description: '按消息 id 替换提示语' },
  hint: { type: 'string', description: '如何改正' },
  applies: APPLIES,
  scope: {
    description: '检查范围',
    oneOf: [
      { enum: ['document', 'headings', 'paragraphs'] },
      {
        type: 'object',
        properties: { section: { type: 'string' }, fallback: { enum: ['document', 'fail', 'skip'] } },
        required: ['section'],
        additionalProperties: false,
      },
    ],
  },
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
  exceptions: { type: 'array', items: { type: 'string' }, description: '不视为问题的写法' },
};

/** The whole rule-pack schema (draft 2020-12). */
export function buildPackSchema(): Record<string, unknown> {
  const kindBranches = [...RULE_KINDS.values()].map((kind) => ({
    if: { properties: { kind: { const: kind.name } }, required: ['kind'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema keyword
    then: {
      properties: { ...SHARED_RULE_PROPERTIES, ...kind.options },
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
      category: { enum: CATEGORIES.map((category) => category.id), description: '本包规则的默认类别' },
      applies: APPLIES,
      dictionary: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        description: '加入分词词典的术语',
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
