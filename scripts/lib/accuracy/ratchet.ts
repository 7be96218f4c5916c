// The ratchet (tests/accuracy/ratchet.json): the figures reached so far. A run may only do as well
// or better: per field at least as many right answers, at most as many false headings, and per
// rule (and overall) a share of true findings at least as high.

import { readFileSync, writeFileSync } from 'node:fs';
import { FIELDS, type Field, type Measurement } from './measure.js';
import type { Precision, PrecisionCount } from './verdicts.js';

/** The committed figures. */
export interface Ratchet {
  readonly fields: Readonly<Record<Field, { readonly right: number; readonly total: number }>>;
  readonly falseHeadings: { readonly atMost: number };
  readonly precision: {
    readonly overall: PrecisionCount;
    readonly rules: Readonly<Record<string, PrecisionCount>>;
  };
}

/** Reads the ratchet file. */
export function readRatchet(path: string): Ratchet {
  return JSON.parse(readFileSync(path, 'utf8')) as Ratchet;
}

/** The figures of a run, in ratchet form. */
export function ratchetOf(measurement: Measurement, precision: Precision): Ratchet {
  const fields = Object.fromEntries(
    FIELDS.map((field) => {
      const { right, total } = measurement.fields[field];
      return [field, { right, total }];
    }),
  ) as Record<Field, { right: number; total: number }>;
  const rules = Object.fromEntries([...precision.byRule.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return {
    fields,
    falseHeadings: { atMost: measurement.falseHeadings.length },
    precision: { overall: precision.overall, rules },
  };
}

/** Every way the run falls below the ratchet, as one Chinese line each (empty: it holds). */
export function ratchetFailures(now: Ratchet, ratchet: Ratchet): string[] {
  const failures: string[] = [];
  for (const field of FIELDS) {
    const before = ratchet.fields[field];
    const after = now.fields[field];
    if (before && after.right < before.right) {
      failures.push(`${field}：对 ${after.right}/${after.total}，低于棘轮 ${before.right}/${before.total}`);
    }
  }
  if (now.falseHeadings.atMost > ratchet.falseHeadings.atMost) {
    failures.push(`误认的标题 ${now.falseHeadings.atMost} 个，多于棘轮 ${ratchet.falseHeadings.atMost} 个`);
  }
  const checkPrecision = (
    name: string,
    after: PrecisionCount | undefined,
    before: PrecisionCount | undefined,
  ) => {
    if (!after || !before || after.labelled === 0 || before.labelled === 0) return;
    if (after.true * before.labelled < before.true * after.labelled) {
      failures.push(
        `${name} 精确率 ${after.true}/${after.labelled}，低于棘轮 ${before.true}/${before.labelled}`,
      );
    }
  };
  checkPrecision('全部问题', now.precision.overall, ratchet.precision.overall);
  for (const [rule, before] of Object.entries(ratchet.precision.rules)) {
    checkPrecision(rule, now.precision.rules[rule], before);
  }
  return failures;
}

/** Writes the run's figures as the new ratchet; refuses (returns the failures) if any would go down. */
export function raiseRatchet(path: string, now: Ratchet, ratchet: Ratchet | null): string[] {
  const failures = ratchet ? ratchetFailures(now, ratchet) : [];
  if (failures.length > 0) return failures;
  writeFileSync(path, `${JSON.stringify(now, null, 2)}\n`);
  return [];
}
