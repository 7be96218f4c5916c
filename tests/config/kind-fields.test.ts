// A pack field that a rule's kind would ignore is a validation error: `message` only for kinds
// with a primary message, `messages` only by the kind's ids, `scope` only for scoped kinds,
// `exceptions` only for problem kinds that take them, and no option of another kind.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadRules } from '../../src/config/load-packs.js';
import { clashingOptions } from '../../src/config/pack-schema.js';
import { compileRules } from '../../src/rules/engine/compile-rules.js';
import { RULE_KINDS } from '../../src/rules/kinds/index.js';
import { ruleSpec } from '../support/rule-tester.js';

const dir = mkdtempSync(join(tmpdir(), 'fzcheck-kind-fields-'));

async function problemsOf(rule: string): Promise<string[]> {
  const path = join(dir, `pack-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(
    path,
    `pack: local\ntitle: 本地\nbasis: 依据\ncategory: style\nrules:\n  - id: local/rule\n    title: 规则\n    level: warning\n    weight: 1\n${rule}`,
  );
  try {
    await loadRules([path], dir);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => problem.message);
    throw error;
  }
  return [];
}

describe('fields a kind ignores', () => {
  it.each([
    ['a pairing rule with message', '    kind: pairing\n    message: 不配对\n', '有未知字段“message”'],
    [
      'a pairing rule with an unknown message id',
      '    kind: pairing\n    messages: { nope: 不配对 }\n',
      '“rules.0.messages”中的“nope”不可用',
    ],
    [
      'a section rule with exceptions',
      "    kind: section\n    headings: ['问题']\n    exceptions: [x]\n",
      '有未知字段“exceptions”',
    ],
    [
      'a section rule with scope',
      "    kind: section\n    headings: ['问题']\n    scope: headings\n",
      '有未知字段“scope”',
    ],
    [
      'a deadline rule with exceptions',
      "    kind: deadline\n    deadlines: [{ date: '03-31', label: 次年3月底 }]\n    exceptions: [x]\n",
      '有未知字段“exceptions”',
    ],
    ['a report-year rule with rate pairs', '    kind: report-year\n    pairs: []\n', '有未知字段“pairs”'],
    [
      'a heading rule with the old checks switch',
      '    kind: heading-numbering\n    checks: [sequence]\n',
      '有未知字段“checks”',
    ],
    [
      'a dictionary term with a space',
      "    kind: forbid\n    terms: [x]\ndictionary: ['法治 政府']\n",
      '“dictionary.0”的格式不正确',
    ],
  ])('refuses %s', async (_, rule, expected) => {
    const problems = await problemsOf(rule);
    expect(
      problems.some((message) => message.includes(expected)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('accepts what a kind uses', async () => {
    expect(
      await problemsOf(
        '    kind: forbid\n    terms: [目前]\n    message: 不要写“{text}”\n    exceptions: [目前为止]\n    scope: paragraphs\n',
      ),
    ).toEqual([]);
  });

  it('lets no kind reuse a shared field name for an option', () => {
    expect(clashingOptions()).toEqual([]);
  });

  it('refuses the same fields when rules are compiled without a pack file', () => {
    const { problems } = compileRules([
      { spec: ruleSpec({ kind: 'pairing', message: 'x' }), source: 'test', index: 0 },
      {
        spec: ruleSpec({ id: 'test/b', kind: 'mention', items: ['x'], exceptions: ['y'] }),
        source: 'test',
        index: 1,
      },
      {
        spec: ruleSpec({ id: 'test/c', kind: 'deadline', deadlines: [], scope: 'headings' }),
        source: 'test',
        index: 2,
      },
    ]);
    expect(problems.map((problem) => problem.path.join('.'))).toEqual([
      'rules.0.message',
      'rules.1.exceptions',
      'rules.2.scope',
    ]);
  });

  it('names every kind’s messages so that rules can override them by id', () => {
    for (const kind of RULE_KINDS.values()) {
      expect(Object.keys(kind.messages).length, kind.name).toBeGreaterThan(0);
      if (kind.primaryMessage) expect(kind.messages, kind.name).toHaveProperty(kind.primaryMessage);
    }
  });
});

describe('categories are data', () => {
  it('refuses a rule whose category is in no list, and accepts one its pack adds', async () => {
    expect(await problemsOf('    kind: pairing\n    category: local-style\n')).toEqual([
      '规则“local/rule”的类别“local-style”不存在',
    ]);
    expect(
      await problemsOf(
        '    kind: pairing\n    category: local-style\ncategories: [{ id: local-style, label: 本省格式 }]\n',
      ),
    ).toEqual([]);
  });
});
