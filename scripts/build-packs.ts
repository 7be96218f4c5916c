// Validates the built-in rule packs (rules/*.yaml) and writes dist/builtin-packs.json, so that a
// normal run loads them without a YAML parser or Ajv. Fails the build on any problem.

import { writeFileSync } from 'node:fs';
import { formatProblem } from '../src/config/config-error.js';
import { readBuiltinPackFiles } from '../src/config/load-packs.js';
import { compileRules } from '../src/rules/engine/compile-rules.js';
import { packagePath } from '../src/shared/package-paths.js';

const { packs, categories, problems } = await readBuiltinPackFiles();
const compiled = compileRules(
  packs.flatMap((pack) =>
    pack.rules.map((spec, index) => ({ spec, source: pack.source, index, builtin: true })),
  ),
  packs.flatMap((pack) => pack.dictionary),
);
const all = [
  ...problems.map(formatProblem),
  ...compiled.problems.map((p) => `${p.source}: ${p.path.join('.')}: ${p.message}`),
];
if (all.length > 0) {
  process.stderr.write(`内置规则包有问题：\n${all.join('\n')}\n`);
  process.exit(1);
}
writeFileSync(packagePath('dist', 'builtin-packs.json'), JSON.stringify({ packs, categories }));
process.stdout.write(
  `builtin-packs.json: ${packs.length} 个包，${packs.reduce((n, p) => n + p.rules.length, 0)} 条规则\n`,
);
