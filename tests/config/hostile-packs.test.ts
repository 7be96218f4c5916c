// Rule packs that load only if they can run (issue 11): what the engine cannot run is refused at
// load with its line, YAML bombs and deep nesting are one Chinese problem, and `rules validate`
// shows the risky-pattern warnings that `check` prints.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.js';
import { loadRules, readPackFile } from '../../src/config/load-packs.js';
import { compilePattern } from '../../src/rules/match/compile-pattern.js';
import { runCli } from '../support/run-cli.js';

const RULE =
  'id: fuzz/r1\n    kind: forbid\n    title: 规则\n    category: style\n    level: warning\n    weight: 1\n    basis: 测试依据';

function pack(rules: string, head = ''): string {
  return `${head}pack: fuzz\ntitle: 测试包\nrules:\n  - ${RULE}\n${rules}`;
}

async function problemsOf(text: string): Promise<string[]> {
  const { problems } = await readPackFile('p.yaml', text, false);
  return problems.map((problem) => `${problem.line}:${problem.message}`);
}

describe('packs that cannot run', () => {
  it.each([
    ['a space', '法治 政府'],
    ['a tab', '法治\t政府'],
    ['an ideographic space', '法治　政府'],
    ['41 characters', '法'.repeat(41)],
  ])('refuses a dictionary term with %s (jieba could not load it), at its line', async (_, term) => {
    const text = pack('    terms: [截止]\n', `dictionary:\n  - ${JSON.stringify(term)}\n`);
    expect(await problemsOf(text)).toEqual(['2:“dictionary.0”的格式不正确']);
  });

  it('refuses a pattern longer than V8 can compile at run time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-packs-'));
    writeFileSync(join(dir, 'p.yaml'), pack(`    patterns: ['${'法'.repeat(50_000)}']\n`));
    const error = await loadRules(['p.yaml'], dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => `${p.line}:${p.message}`)).toEqual([
      '11:正则表达式过长（50000 个字符，上限 5000）；很长的词表请改用 terms 列出',
    ]);
  });

  it('refuses more than 1000 user rules before checking them one by one', async () => {
    const rules = Array.from(
      { length: 1001 },
      (_, i) => `  - ${RULE.replace('fuzz/r1', `fuzz/r${i}`)}\n    terms: [词${i}]`,
    );
    const text = `pack: fuzz\ntitle: 测试包\nrules:\n${rules.join('\n')}\n`;
    expect(await problemsOf(text)).toEqual([
      '0:用户规则过多（共 1001 条，上限 1000 条）：每条规则都要在每份报告上运行一遍',
    ]);
  });
});

describe('YAML that would exhaust the parser', () => {
  it('refuses an alias bomb in Chinese', async () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(9)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const text = `${lines.join('\n')}\n${pack('    terms: *a8\n')}`;
    expect(await problemsOf(text)).toEqual(['0:YAML 中的别名（*引用）展开过多，疑似“别名炸弹”，已拒绝读取']);
  });

  it('refuses deep nesting in Chinese', async () => {
    const text = `${pack('    terms: [截止]\n')}x: ${'['.repeat(20_000)}1${']'.repeat(20_000)}\n`;
    const problems = await problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/YAML (嵌套过深|语法错误)/);
    expect(problems[0]).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,}/);
  });
});

describe('regex errors', () => {
  it.each([
    ['(', '正则表达式无效：圆括号没有闭合'],
    ['a{3,1}', '正则表达式无效：量词 {m,n} 中 m 大于 n'],
    ['\\q', '正则表达式无效：反斜杠转义无效（u 模式下只能转义特殊字符）'],
    ['(?<a>x)(?<a>y)', '正则表达式无效：分组名重复'],
  ])('%s → %s', (source, message) => {
    expect(compilePattern(source)).toBe(message);
  });
});

describe('rules validate', () => {
  it.each([
    [
      'metric keywords',
      "    kind: metric\n    metrics: [{ name: 数据, keywords: ['(\\d+)*%$'], units: [件] }]\n",
    ],
    ['a rate name', "    kind: rates\n    rateName: '(\\p{Han}*)*率'\n    unbounded: [增长率]\n"],
    [
      'an outline title',
      "    kind: outline-citation\n    outlineTitle: '((纲要)+)+'\n    editions: [{ name: 纲要, span: [2021, 2025], reportYears: { from: 2021 } }]\n",
    ],
  ])('shows the risky-pattern warning for %s', (_, fields) => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-packs-'));
    const rule = RULE.replace('    kind: forbid\n', '');
    writeFileSync(join(dir, 'p.yaml'), `pack: fuzz\ntitle: 测试包\nrules:\n  - ${rule}\n${fields}`);
    const run = runCli(['rules', 'validate', 'p.yaml'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ p\.yaml（1 处警告）\n {2}警告：p\.yaml:\d+:\d+: 正则“.*”含嵌套重复/);
  });
});
