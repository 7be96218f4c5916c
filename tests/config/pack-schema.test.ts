import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { buildPackSchema } from '../../src/config/pack-schema.js';

it('schema/rule-pack.schema.json is current (run npm run schema after changing kind options)', () => {
  const committed = JSON.parse(
    readFileSync(new URL('../../schema/rule-pack.schema.json', import.meta.url), 'utf8'),
  ) as unknown;
  expect(committed).toEqual(buildPackSchema());
});
