// Writes schema/rule-pack.schema.json (from the rule kinds), schema/config.schema.json and
// schema/decisions.schema.json. A test
// fails when the committed files differ from what this script would write.

import { writeFileSync } from 'node:fs';
import { CONFIG_SCHEMA } from '../src/config/load-config.js';
import { DECISIONS_SCHEMA } from '../src/config/load-decisions.js';
import { buildPackSchema } from '../src/config/pack-schema.js';
import { packagePath } from '../src/shared/package-paths.js';

writeFileSync(
  packagePath('schema', 'rule-pack.schema.json'),
  `${JSON.stringify(buildPackSchema(), null, 2)}\n`,
);
writeFileSync(packagePath('schema', 'config.schema.json'), `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`);
writeFileSync(
  packagePath('schema', 'decisions.schema.json'),
  `${JSON.stringify(DECISIONS_SCHEMA, null, 2)}\n`,
);
process.stdout.write('schema/rule-pack.schema.json、config.schema.json 与 decisions.schema.json 已更新\n');
