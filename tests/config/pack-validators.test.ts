import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildPackSchema } from '../../src/config/pack-schema.js';
import {
  AJV_OPTIONS,
  PackValidators,
  PREBUILT_DIR,
  packSchemaParts,
  validatePackValue,
} from '../../src/config/pack-validators.js';

const RULE = { id: 'local/a', kind: 'mention', title: '法律顾问', level: 'error', weight: 5 };

// Packs with problems in every place the parts split: the pack's fields, a rule's common fields,
// a kind's own fields, an unknown kind, the pack's required fields.
const PACKS: [string, unknown][] = [
  ['valid', { pack: 'local', title: '本地', rules: [{ ...RULE, items: ['法律顾问'] }] }],
  ['a bad pack field', { pack: 'Local/x', title: '', rules: [{ ...RULE, items: ['法律顾问'] }] }],
  ['a kind field misspelt', { pack: 'local', title: '本地', rules: [{ ...RULE, itmes: ['法律顾问'] }] }],
  [
    'an unknown kind and a bad level',
    { pack: 'local', title: '本地', rules: [{ ...RULE, kind: 'mentoin', level: 'critical' }] },
  ],
  [
    'problems in two rules and the pack',
    {
      title: 3,
      extra: true,
      rules: [
        { ...RULE, weight: -1, items: [] },
        { id: 'bad', kind: 'forbid', title: '禁用', level: 'warning', weight: 1, terms: 'x' },
      ],
    },
  ],
  ['not a pack', ['a', 'b']],
  ['rules not a list', { pack: 'local', title: '本地', rules: 'x' }],
  ['a rule not a map', { pack: 'local', title: '本地', rules: ['x', null] }],
];

function wholeSchemaErrors(value: unknown) {
  const validate = new Ajv2020(AJV_OPTIONS).compile(buildPackSchema());
  validate(value);
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.keyword} ${error.message}`);
}

function partErrors(value: unknown, validators: PackValidators) {
  return validatePackValue(value, validators).map(
    ({ error }) => `${error.instancePath} ${error.keyword} ${error.message}`,
  );
}

describe('pack schema parts', () => {
  const compiledHere = new PackValidators(packSchemaParts(), null);
  const fromBuild = new PackValidators();

  it('are used from the build when it was made from this schema', () => {
    // `npm test` builds first; a stale build would fall back to compiling here.
    expect(fromBuild.fromBuild).toBe(true);
    expect(compiledHere.fromBuild).toBe(false);
  });

  it('are compiled here when the build was made from another schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fzcheck-validators-'));
    writeFileSync(join(dir, 'schema-hash.txt'), 'not this schema\n');
    expect(new PackValidators(packSchemaParts(), dir).fromBuild).toBe(false);
    expect(new PackValidators(packSchemaParts(), join(dir, 'none')).fromBuild).toBe(false);
  });

  it.each(PACKS)('give the whole schema’s errors, in its order, for %s', (_, value) => {
    const whole = [...new Set(wholeSchemaErrors(value))];
    for (const validators of [compiledHere, fromBuild])
      expect([...new Set(partErrors(value, validators))]).toEqual(whole);
  });

  it('reads the build from dist/pack-validators', () => {
    expect(PREBUILT_DIR).toMatch(/dist[\\/]pack-validators$/);
  });
});
