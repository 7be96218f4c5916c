// Writes the table of rule kinds in docs/rules.md (between the kinds:start / kinds:end markers)
// from the kinds themselves, so that the docs list every kind, its options and the shared fields
// it takes. A test fails when the committed table differs from what this script would write.

import { readFileSync, writeFileSync } from 'node:fs';
import { kindTable } from '../src/config/kind-docs.js';
import { packagePath } from '../src/shared/package-paths.js';

const path = packagePath('docs', 'rules.md');
const START = '<!-- kinds:start (npm run docs) -->';
const END = '<!-- kinds:end -->';
const text = readFileSync(path, 'utf8');
const from = text.indexOf(START);
const to = text.indexOf(END);
if (from < 0 || to < from) throw new Error(`docs/rules.md 中缺少 ${START} … ${END} 标记`);
writeFileSync(path, `${text.slice(0, from + START.length)}\n${kindTable()}\n${text.slice(to)}`);
process.stdout.write('docs/rules.md 的规则类型表已更新\n');
