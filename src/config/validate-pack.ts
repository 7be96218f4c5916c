// Schema validation with Ajv, every error turned into a located Chinese message.

import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ConfigProblem } from './config-error.js';
import {
  AJV_OPTIONS,
  PackValidators,
  type PartError,
  parentSchemaOf,
  validatePackValue,
} from './pack-validators.js';
import type { YamlSource } from './read-yaml.js';

const validators = new Map<object, ValidateFunction>();
let packValidators: PackValidators | null = null;

/** Validates a pack against the rule-pack schema; returns every problem. */
export function validatePack(source: YamlSource): ConfigProblem[] {
  packValidators ??= new PackValidators();
  return problemsOf(source, validatePackValue(source.value, packValidators));
}

/** Validates a parsed YAML file against a schema; returns every problem, located. */
export function validateAgainst(schema: object, source: YamlSource): ConfigProblem[] {
  let validator = validators.get(schema);
  if (!validator) {
    validator = new Ajv2020(AJV_OPTIONS).compile(schema);
    validators.set(schema, validator);
  }
  if (validator(source.value)) return [];
  const whole = schema as Record<string, unknown>;
  return problemsOf(
    source,
    (validator.errors ?? []).map((error) => ({ error, schema: whole })),
  );
}

function problemsOf(source: YamlSource, errors: readonly PartError[]): ConfigProblem[] {
  // A failed `oneOf` also reports why each branch failed on the same value; keep only its own
  // message there. `if` failures repeat what the `then` errors say.
  const oneOfPaths = new Set(
    errors.filter((e) => e.error.keyword === 'oneOf').map((e) => e.error.instancePath),
  );
  const useful = errors.filter(
    ({ error: e }) =>
      e.keyword !== 'if' &&
      e.keyword !== 'propertyNames' && // its sub-error names the key and what is allowed
      (e.keyword === 'oneOf' || !oneOfPaths.has(e.instancePath)),
  );
  return dedupe(useful.map((error) => toProblem(source, error)));
}

function toProblem(source: YamlSource, part: PartError): ConfigProblem {
  const { error } = part;
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const { message, hint, keyPath } = describe(part, path);
  const position = source.locate(keyPath ?? path, keyPath !== undefined);
  return { file: source.file, ...position, message, ...(hint ? { hint } : {}) };
}

function describe(
  part: PartError,
  path: (string | number)[],
): { message: string; hint?: string; keyPath?: (string | number)[] } {
  const error: ErrorObject = part.error;
  const where = path.length > 0 ? `“${path.join('.')}”` : '文件顶层';
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined && error.keyword === 'enum') {
    return {
      message: `${where}中的“${error.propertyName}”不可用`,
      hint: `可选：${(params.allowedValues as unknown[]).join('、')}`,
      keyPath: [...path, error.propertyName],
    };
  }
  switch (error.keyword) {
    case 'required':
      return { message: `${where}缺少必填字段“${params.missingProperty}”` };
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const known = Object.keys((parentSchemaOf(part)?.properties as object | undefined) ?? {});
      const close = closest(name, known);
      return {
        message: `${where}有未知字段“${name}”`,
        hint: close ? `是否想写“${close}”？` : `可用字段：${known.join('、')}`,
        keyPath: [...path, name],
      };
    }
    case 'enum':
      return {
        message: `${where}的值不在允许范围内`,
        hint: `可选：${(params.allowedValues as unknown[]).join('、')}`,
      };
    case 'const':
      return { message: `${where}的值应为 ${String(params.allowedValue)}` };
    case 'type':
      return { message: `${where}的类型应为${typeName(String(params.type))}` };
    case 'minItems':
      return { message: `${where}至少需要 ${params.limit} 项` };
    case 'minLength':
      return { message: `${where}不能为空` };
    case 'minimum':
    case 'maximum':
      return { message: `${where}应${error.keyword === 'minimum' ? '不小于' : '不大于'} ${params.limit}` };
    case 'pattern':
      return { message: `${where}的格式不正确`, hint: `应匹配 ${params.pattern}` };
    case 'oneOf':
      return { message: `${where}的写法不符合任何一种允许的形式` };
    default:
      return { message: `${where}${error.message ?? '不合法'}` };
  }
}

function typeName(type: string): string {
  const names: Record<string, string> = {
    string: '字符串',
    number: '数字',
    integer: '整数',
    boolean: '布尔值',
    array: '列表',
    object: '映射（键: 值）',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join('或');
}

function closest(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.line}:${problem.column}:${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
