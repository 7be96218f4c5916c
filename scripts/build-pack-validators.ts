// Writes dist/pack-validators/: Ajv's compiled code (standalone, CommonJS) for each part of the
// rule-pack schema (src/config/pack-validators.ts), and the hash of the schema they came from.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import {
  AJV_OPTIONS,
  PREBUILT_DIR,
  PREBUILT_HASH_FILE,
  packSchemaParts,
} from '../src/config/pack-validators.js';

const parts = packSchemaParts();
rmSync(PREBUILT_DIR, { recursive: true, force: true });
mkdirSync(PREBUILT_DIR, { recursive: true });
let bytes = 0;
for (const [name, schema] of parts.named) {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
  const code = standalone.default(ajv, ajv.compile(schema));
  bytes += code.length;
  writeFileSync(join(PREBUILT_DIR, `${name}.cjs`), code);
}
// Written last: a build stopped halfway leaves no hash, and the parts are compiled at run time.
writeFileSync(join(PREBUILT_DIR, PREBUILT_HASH_FILE), `${parts.hash}\n`);
process.stdout.write(`pack-validators: ${parts.named.size} 个校验器，${(bytes / 1024).toFixed(0)} KB\n`);
