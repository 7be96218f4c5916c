// The rule-pack schema as the validator runs it: one schema for the pack with what every rule has
// (the shell), and one per rule kind for a single rule, each compiled only when a pack uses it.
// The whole schema (schema/rule-pack.schema.json, for editors) gives Ajv 23 kind branches to
// compile: 1.5–2 s in a cold process, on every run with a user pack and again in every batch
// worker. `npm run build` writes each part's compiled code to dist/pack-validators/ (Ajv's
// standalone code, scripts/build-pack-validators.ts), and those are used while they were made from
// the schema the code builds now (its hash); otherwise the part is compiled here, as before.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { packagePath } from '../shared/package-paths.js';
import { buildPackSchema } from './pack-schema.js';

/** The options the parts are compiled with, here and at build time (messages from schemaPath). */
export const AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true } as const;
/** Where the build writes the parts' compiled code, and the hash of the schema they came from. */
export const PREBUILT_DIR = packagePath('dist', 'pack-validators');
export const PREBUILT_HASH_FILE = 'schema-hash.txt';

/** The parts of the pack schema by name: `shell`, and `kind-<kind>` for one rule of each kind. */
export interface PackSchemaParts {
  readonly hash: string;
  readonly named: ReadonlyMap<string, Record<string, unknown>>;
}

const SHELL = 'shell';
const kindPart = (kind: string) => `kind-${kind}`;

/** Splits the whole pack schema into its shell and per-kind parts. */
export function packSchemaParts(schema = buildPackSchema()): PackSchemaParts {
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  const rules = properties.rules as Record<string, unknown>;
  const { allOf, ...common } = rules.items as {
    allOf: { if: { properties: { kind: { const: string } } } }[];
  };
  const named = new Map<string, Record<string, unknown>>([
    [SHELL, { ...schema, properties: { ...properties, rules: { ...rules, items: common } } }],
  ]);
  for (const branch of allOf)
    named.set(kindPart(branch.if.properties.kind.const), { ...common, allOf: [branch] });
  return { hash: createHash('sha256').update(JSON.stringify(schema)).digest('hex'), named };
}

/** A validator of one part, with the part's schema (for the fields an error's parent allows). */
export interface PartValidator {
  readonly validate: ValidateFunction;
  readonly schema: Record<string, unknown>;
}

/** The parts' validators, compiled or read from the build when first asked for. */
export class PackValidators {
  private readonly compiled = new Map<string, PartValidator>();
  private ajv: Ajv2020 | null = null;
  private readonly prebuilt: boolean;

  constructor(
    readonly parts: PackSchemaParts = packSchemaParts(),
    private readonly prebuiltDir: string | null = PREBUILT_DIR,
  ) {
    this.prebuilt = prebuiltDir !== null && prebuiltHash(prebuiltDir) === parts.hash;
  }

  /** The shell's validator. */
  shell(): PartValidator {
    return this.part(SHELL) as PartValidator;
  }

  /** The validator of one rule of a kind, or null for a kind there is none of. */
  kind(name: string): PartValidator | null {
    return this.part(kindPart(name));
  }

  /** Whether the parts come from the build (else they are compiled here). */
  get fromBuild(): boolean {
    return this.prebuilt;
  }

  private part(name: string): PartValidator | null {
    let part = this.compiled.get(name);
    const schema = this.parts.named.get(name);
    if (!part && schema) {
      const validate = this.prebuilt ? this.load(name) : this.compile(schema);
      part = { validate, schema };
      this.compiled.set(name, part);
    }
    return part ?? null;
  }

  private load(name: string): ValidateFunction {
    // Ajv's standalone CommonJS code exports the validate function itself.
    return createRequire(import.meta.url)(
      join(this.prebuiltDir as string, `${name}.cjs`),
    ) as ValidateFunction;
  }

  private compile(schema: Record<string, unknown>): ValidateFunction {
    this.ajv ??= new Ajv2020(AJV_OPTIONS);
    return this.ajv.compile(schema);
  }
}

function prebuiltHash(dir: string): string | null {
  const file = join(dir, PREBUILT_HASH_FILE);
  try {
    return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
  } catch {
    return null; // unreadable: compile here
  }
}

/** An Ajv error with the schema object it came from (to resolve its schemaPath). */
export interface PartError {
  readonly error: ErrorObject;
  readonly schema: Record<string, unknown>;
}

/**
 * Validates a pack's value: the shell, then each rule with its kind's part. Errors come in the
 * order one validation of the whole schema gives them: what the pack as a whole lacks, its fields,
 * then each rule in turn (its common fields, then its kind's).
 */
export function validatePackValue(value: unknown, validators: PackValidators): PartError[] {
  const shell = validators.shell();
  const keyed: { error: PartError; group: number; rule: number; part: number; order: number }[] = [];
  let order = 0;
  const add = (error: ErrorObject, schema: Record<string, unknown>, part: number) => {
    const match = /^\/rules(?:\/(\d+))?/.exec(error.instancePath);
    const group = match ? 1 : error.instancePath === '' ? -1 : 0;
    const rule = match?.[1] === undefined ? -1 : Number(match[1]);
    keyed.push({ error: { error, schema }, group, rule, part, order: order++ });
  };
  if (!shell.validate(value)) for (const error of shell.validate.errors ?? []) add(error, shell.schema, 0);
  const rules = (value as { rules?: unknown } | null)?.rules;
  if (Array.isArray(rules)) {
    rules.forEach((rule: unknown, index) => {
      const kind = (rule as { kind?: unknown } | null)?.kind;
      if (typeof rule !== 'object' || rule === null || typeof kind !== 'string') return;
      const part = validators.kind(kind);
      if (!part || part.validate(rule)) return;
      for (const error of part.validate.errors ?? [])
        add({ ...error, instancePath: `/rules/${index}${error.instancePath}` }, part.schema, 1);
    });
  }
  keyed.sort((a, b) => a.group - b.group || a.rule - b.rule || a.part - b.part || a.order - b.order);
  return keyed.map((entry) => entry.error);
}

/** The schema object at an error's schemaPath without its last step (the keyword's parent). */
export function parentSchemaOf(part: PartError): Record<string, unknown> | null {
  const steps = part.error.schemaPath.replace(/^#\/?/, '').split('/').slice(0, -1);
  let at: unknown = part.schema;
  for (const step of steps) {
    if (at === null || typeof at !== 'object') return null;
    at = (at as Record<string, unknown>)[step.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return at !== null && typeof at === 'object' ? (at as Record<string, unknown>) : null;
}
