// YAML with positions: every value can be traced back to its line and column, so that schema and
// rule problems point at the right place in the user's file.

import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { readRegularFile } from '../load/load-source.js';
import { LoadError } from '../load/source-file.js';
import { ConfigError, type ConfigProblem } from './config-error.js';

/**
 * The largest rule pack or config file read: ten times a pack of a thousand rules. The YAML parser
 * reads about 1 MB a second, so this keeps loading under a few seconds.
 */
export const MAX_YAML_BYTES = 2 * 1024 * 1024;

/** Reads a pack, config or decisions file as UTF-8: a regular file within the limit, else ConfigError. */
export function readYamlFile(path: string, shown: string, maxBytes = MAX_YAML_BYTES): string {
  try {
    return readRegularFile(path, maxBytes).toString('utf8');
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    throw new ConfigError([{ file: shown, line: 0, column: 0, message: error.message }]);
  }
}

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
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return failed(file, 'YAML 嵌套过深，无法读取');
  }
  const problems: ConfigProblem[] = document.errors.map((error) => {
    const position = lineCounter.linePos(error.pos[0]);
    return {
      file,
      line: position.line,
      column: position.col,
      message: `YAML 语法错误：${yamlMessage(error.code)}`,
    };
  });
  const at = (offset: number) => {
    const position = lineCounter.linePos(offset);
    return { line: position.line, column: position.col };
  };
  let value: unknown;
  if (problems.length === 0) {
    try {
      // yaml refuses more than 100 alias expansions per document (a "billion laughs" file).
      value = document.toJS();
    } catch (error) {
      if (error instanceof RangeError) return failed(file, 'YAML 嵌套过深，无法读取');
      return failed(file, 'YAML 中的别名（*引用）展开过多，疑似“别名炸弹”，已拒绝读取');
    }
  }
  return {
    file,
    value,
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

/** A source that could not be parsed at all: one problem for the whole file. */
function failed(file: string, message: string): YamlSource {
  return {
    file,
    value: undefined,
    problems: [{ file, line: 0, column: 0, message }],
    locate: () => ({ line: 0, column: 0 }),
  };
}

function yamlMessage(code: string): string {
  const messages: Record<string, string> = {
    DUPLICATE_KEY: '键重复',
    BAD_INDENT: '缩进不正确',
    MISSING_CHAR: '缺少字符（引号或括号未闭合？）',
    MULTILINE_IMPLICIT_KEY: '键不能跨行（是否漏了冒号或缩进有误？）',
    UNEXPECTED_TOKEN: '意外的符号',
    BLOCK_AS_IMPLICIT_KEY: '块结构不能用作键',
    TAB_AS_INDENT: '不能用 Tab 缩进',
    BAD_SCALAR_START: '值的开头不合法',
    BAD_ALIAS: '别名（*引用）无效',
    BAD_DIRECTIVE: '指令无效',
    BAD_DQ_ESCAPE: '双引号字符串中的转义无效',
    BAD_PROP_ORDER: '锚点或标签的位置不对',
    BLOCK_IN_FLOW: '方括号或花括号内不能用块结构',
    KEY_OVER_1024_CHARS: '键超过 1024 个字符',
    MULTIPLE_ANCHORS: '一个值有多个锚点',
    MULTIPLE_DOCS: '文件中有多个 YAML 文档',
    MULTIPLE_TAGS: '一个值有多个标签',
    NON_STRING_KEY: '键必须是文字',
    TAG_RESOLVE_FAILED: '无法识别的标签',
    UNEXPECTED_TOKEN_IN_FLOW: '方括号或花括号内有意外的符号',
    ALIAS_PROPS: '别名不能带锚点或标签',
    IMPOSSIBLE: '无法解析',
  };
  // yaml's own messages are English: an untranslated code is shown as it is.
  return messages[code] ?? `无法解析（${code}）`;
}
