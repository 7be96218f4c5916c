import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPackSchema } from '../../src/config/pack-schema.js';

describe('schema/rule-pack.schema.json', () => {
  it('is what `npm run schema` writes (run it after changing a kind’s options)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../schema/rule-pack.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(buildPackSchema());
  });
});
