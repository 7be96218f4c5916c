// The table of rule kinds for docs/rules.md, made from the kinds (scripts/build-docs.ts writes it;
// a test checks the committed docs are current).

import { RULE_KINDS } from '../rules/kinds/index.js';
import type { RuleKind } from '../rules/types.js';

/** The Markdown table of every rule kind: what it checks, its options, the shared fields it takes. */
export function kindTable(): string {
  const rows = [...RULE_KINDS.values()].map(
    (kind) =>
      `| \`${kind.name}\` | ${kind.description} | ${kind.nature === 'requirement' ? '应有' : '不应有'} | ${optionList(kind)} | ${sharedFields(kind)} |`,
  );
  return ['| 类型 | 检查什么 | 性质 | 选项 | 另可用的共用字段 |', '|---|---|---|---|---|', ...rows].join(
    '\n',
  );
}

function optionList(kind: RuleKind): string {
  const names = Object.keys(kind.options);
  if (names.length === 0) return '—';
  const required = new Set(kind.required ?? []);
  return names.map((name) => (required.has(name) ? `\`${name}\`*` : `\`${name}\``)).join(' ');
}

function sharedFields(kind: RuleKind): string {
  const fields = [
    ...(kind.primaryMessage ? ['`message`'] : []),
    ...(kind.scoped ? ['`scope`'] : []),
    ...(kind.nature === 'problem' && kind.exceptions !== false ? ['`exceptions`'] : []),
  ];
  return fields.length > 0 ? fields.join(' ') : '—';
}
