// Writes schema/rule-pack.schema.json from the rule kinds. A test fails when the committed file
// differs from what this script would write.

import { writeFileSync } from 'node:fs';
import { buildPackSchema } from '../src/config/pack-schema.js';

writeFileSync(
  new URL('../schema/rule-pack.schema.json', import.meta.url),
  `${JSON.stringify(buildPackSchema(), null, 2)}\n`,
);
process.stdout.write('schema/rule-pack.schema.json 已更新\n');
