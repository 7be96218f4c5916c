import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { kindTable } from '../../src/config/kind-docs.js';
import { CONFIG_SCHEMA } from '../../src/config/load-config.js';
import { DECISIONS_SCHEMA } from '../../src/config/load-decisions.js';
import { loadRules } from '../../src/config/load-packs.js';
import { buildPackSchema } from '../../src/config/pack-schema.js';
import { RULE_KINDS } from '../../src/rules/kinds/index.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'fzcheck-rules-'));

function packFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const BROKEN = `pack: local
title: 本地要求
basis: 某省工作指引
category: statutory
rules:
  - id: local/legal-adviser
    kind: mention
    title: 法律顾问
    level: error
    weight: 5
    itmes: [法律顾问]
  - id: local/hearing
    kind: mentoin
    title: 听证
    level: critical
    weight: 5
  - id: local/pattern
    kind: mention
    title: 坏的正则
    level: warning
    weight: 1
    items:
      - name: 坏
        patterns: ['(未闭合']
`;

async function problemsOf(path: string) {
  try {
    await loadRules([path], dir);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('rule pack validation', () => {
  it('reports every problem at once, with line, column and a hint', async () => {
    const path = packFile('broken.yaml', BROKEN);
    const problems = await problemsOf(path);
    expect(problems.map((p) => [p.line, p.column, p.message, p.hint])).toEqual([
      [6, 5, '“rules.0”缺少必填字段“items”', undefined],
      [11, 5, '“rules.0”有未知字段“itmes”', '是否想写“items”？'],
      [13, 11, '“rules.1.kind”的值不在允许范围内', `可选：${[...RULE_KINDS.keys()].join('、')}`],
      [15, 12, '“rules.1.level”的值不在允许范围内', '可选：error、warning、info'],
    ]);
  });

  it('reports a bad regular expression in a valid pack at its line', async () => {
    const path = packFile(
      'regex.yaml',
      `pack: local\ntitle: 本地要求\nbasis: 某省工作指引\ncategory: statutory\nrules:\n  - id: local/pattern\n    kind: mention\n    title: 坏的正则\n    level: warning\n    weight: 1\n    items:\n      - name: 坏\n        patterns: ['(未闭合']\n`,
    );
    const problems = await problemsOf(path);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 13, column: 20 });
    expect(problems[0]?.message).toMatch(/^正则表达式无效/);
  });

  it('reports YAML syntax errors with their position', async () => {
    const path = packFile('syntax.yaml', 'pack: x\ntitle: "未闭合\nrules: []\n');
    const problems = await problemsOf(path);
    expect(problems[0]?.message).toMatch(/^YAML 语法错误/);
    expect(problems[0]?.line).toBeGreaterThan(0);
  });

  it('names an unknown pack', async () => {
    const problems = await problemsOf('no-such-pack');
    expect(problems[0]?.message).toMatch(/找不到该规则包/);
  });

  it('exits 2 through the CLI, naming file and line', () => {
    const path = packFile('cli.yaml', BROKEN);
    const run = runCli(['check', 'fixtures/reports/good-county-2022.txt', '--rules', path]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('规则文件有');
    expect(run.stderr).toContain(`${path}:11:5: “rules.0”有未知字段“itmes”（是否想写“items”？）`);
    expect(run.stdout).toBe('');
  });

  it('uses a valid local pack alongside the built-in ones', () => {
    const path = packFile(
      'local.yaml',
      `pack: local\ntitle: 本地要求\nbasis: 某省工作指引\ncategory: statutory\nrules:\n  - id: local/hearing\n    kind: mention\n    title: 行政听证\n    level: warning\n    weight: 3\n    items: [听证]\n    examples:\n      pass: ["组织听证2次。"]\n      fail: ["没有相关内容。"]\n`,
    );
    const run = runCli([
      'check',
      'fixtures/reports/good-county-2022.txt',
      '--rules',
      'default',
      '--rules',
      path,
      '--format',
      'json',
    ]);
    const ids = JSON.parse(run.stdout).files[0].results.map((r: { ruleId: string }) => r.ruleId);
    expect(ids).toContain('local/hearing');
    expect(ids).toContain('statutory/measures');
  });
});

describe('committed schemas (npm run schema regenerates them)', () => {
  const read = (name: string) =>
    JSON.parse(readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8'));
  it('rule-pack.schema.json is what the rule kinds generate', () => {
    expect(read('rule-pack.schema.json')).toEqual(buildPackSchema());
  });
  it('decisions.schema.json is the decisions schema', () => {
    expect(read('decisions.schema.json')).toEqual(JSON.parse(JSON.stringify(DECISIONS_SCHEMA)));
  });

  it('config.schema.json is the config schema', () => {
    expect(read('config.schema.json')).toEqual(JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
  });
});

describe('docs/rules.md (npm run docs regenerates its kind table)', () => {
  it('lists every rule kind as the kinds describe themselves', () => {
    const docs = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    expect(docs).toContain(`<!-- kinds:start (npm run docs) -->\n${kindTable()}\n<!-- kinds:end -->`);
  });
});
