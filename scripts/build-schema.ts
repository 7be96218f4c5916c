// Writes schema/rule-pack.schema.json (from the rule kinds) and schema/config.schema.json. A test
// fails when the committed files differ from what this script would write.

import { writeFileSync } from 'node:fs';
import { CONFIG_SCHEMA } from '../src/config/load-config.js';
import { buildPackSchema } from '../src/config/pack-schema.js';
import { packagePath } from '../src/shared/package-paths.js';

writeFileSync(
  packagePath('schema', 'rule-pack.schema.json'),
  `${JSON.stringify(buildPackSchema(), null, 2)}\n`,
);
writeFileSync(packagePath('schema', 'config.schema.json'), `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`);
process.stdout.write('schema/rule-pack.schema.json 与 schema/config.schema.json 已更新\n');
