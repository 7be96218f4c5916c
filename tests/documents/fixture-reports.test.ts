// Document goldens: every fixture report under fixtures/reports is checked with the built-in
// rules and compared with its .expected.json (identity, score, every rule's status and findings by
// message id and data).

import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/config/load-packs.js';
import { decodeText } from '../../src/load/decode-text.js';
import { checkSource } from '../../src/pipeline/check-input.js';
import { expectGolden } from '../support/golden.js';

const DIR = new URL('../../fixtures/reports/', import.meta.url);
const files = readdirSync(DIR)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const { ruleSet } = await loadRules();

// The part of a result a golden pins down.
function goldenView(path: string, text: string) {
  const result = checkSource({ path, format: 'txt', encoding: 'utf-8', text, meta: {} }, ruleSet, {
    maxBytes: 1e9,
  });
  const identity = result.identity;
  return {
    identity: {
      title: identity?.title,
      year: identity?.year,
      yearSource: identity?.yearSource,
      subject: identity?.subject,
      subjectType: identity?.subjectType,
      kind: identity?.kind,
      kindReason: identity?.kindReason,
      publishedAt: identity?.publishedAt,
      publishedAtSource: identity?.publishedAtSource,
    },
    score: result.score?.points,
    grade: result.score?.grade,
    gradeCap: result.score?.gradeCap
      ? {
          reason: result.score.gradeCap.reason,
          pointsGrade: result.score.gradeCap.pointsGrade,
          rules: result.score.gradeCap.rules.map((rule) => rule.ruleId),
        }
      : null,
    results: result.results.map((r) => ({
      ruleId: r.ruleId,
      status: r.status,
      earned: r.earned,
      weight: r.weight,
      // Message ids and their data, not the wording: a wording change touches only its kind's tests.
      messageId: r.messageId,
      findings: r.findings.map(
        (f) =>
          `${f.level} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.messageId} ${JSON.stringify(f.data)}`,
      ),
    })),
  };
}

describe('fixture reports', () => {
  it('there are fixtures', () => expect(files.length).toBeGreaterThanOrEqual(6));
  for (const name of files) {
    it(name, () => {
      const text = decodeText(readFileSync(new URL(name, DIR))).text;
      expectGolden(new URL(`${basename(name, '.txt')}.expected.json`, DIR).pathname, goldenView(name, text));
    });
  }
});
