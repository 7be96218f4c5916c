// YAML with positions: every value can be traced back to its line and column, so that schema and
// rule problems point at the right place in the user's file.

import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { ConfigProblem } from './config-error.js';

/** A parsed YAML file and a way to locate paths inside it. */
export interface YamlSource {
  readonly file: string;
  readonly value: unknown;
  readonly problems: readonly ConfigProblem[]; // syntax errors; value is unusable if any
  locate(path: readonly (string | number)[], key?: boolean): { line: number; column: number };
}

/** Parses YAML text (YAML 1.2 core schema: dates stay strings). */
export function readYaml(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = document.errors.map((error) => {
    const position = lineCounter.linePos(error.pos[0]);
    return {
      file,
      line: position.line,
      column: position.col,
      message: `YAML 语法错误：${yamlMessage(error.code, error.message)}`,
    };
  });
  const at = (offset: number) => {
    const position = lineCounter.linePos(offset);
    return { line: position.line, column: position.col };
  };
  return {
    file,
    value: problems.length > 0 ? undefined : document.toJS(),
    problems,
    locate(path, key = false) {
      let node: unknown = document.contents;
      let keyNode: unknown = null;
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find(
            (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
          );
          if (!pair) break;
          keyNode = pair.key;
          node = pair.value;
        } else if (isSeq(node) && typeof segment === 'number') {
          const item = node.items[segment];
          if (item === undefined) break;
          keyNode = null;
          node = item;
        } else break;
      }
      const target = (key && keyNode ? keyNode : node) as Node | null;
      const range = target?.range ?? (document.contents as Node | null)?.range;
      return at(range?.[0] ?? 0);
    },
  };
}

function yamlMessage(code: string, fallback: string): string {
  const messages: Record<string, string> = {
    DUPLICATE_KEY: '键重复',
    BAD_INDENT: '缩进不正确',
    MISSING_CHAR: '缺少字符（引号或括号未闭合？）',
    MULTILINE_IMPLICIT_KEY: '键不能跨行（是否漏了冒号或缩进有误？）',
    UNEXPECTED_TOKEN: '意外的符号',
    BLOCK_AS_IMPLICIT_KEY: '块结构不能用作键',
    TAB_AS_INDENT: '不能用 Tab 缩进',
    BAD_SCALAR_START: '值的开头不合法',
  };
  return messages[code] ?? fallback.split('\n')[0] ?? code;
}
