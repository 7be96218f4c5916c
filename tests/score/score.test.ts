// The score and the statutory gate: a report that lacks a statutory part cannot be graded above
// the gate, whatever the other rules earn.

import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADES, type GradeScale, scoreResults } from '../../src/score/score.js';
import type { RuleResult, RuleStatus } from '../../src/shared/results.js';

function result(
  ruleId: string,
  status: RuleStatus,
  weight: number,
  fields: { statutory?: boolean; earned?: number } = {},
): RuleResult {
  const earned = fields.earned ?? (status === 'pass' ? weight : status === 'partial' ? weight / 2 : 0);
  return {
    ruleId,
    title: ruleId,
    shortTitle: ruleId,
    category: 'statutory',
    level: 'error',
    nature: 'requirement',
    statutory: fields.statutory ?? false,
    weight,
    basis: '',
    hint: null,
    status,
    earned,
    messageId: 'x',
    data: {},
    message: '',
    findings: [],
    evidence: [],
  };
}

// 94 of 100 points without the plan: 优秀 by points.
const MANY = Array.from({ length: 8 }, (_, i) => result(`other/r${i}`, 'pass', 11));
const plan = (status: RuleStatus) => result('statutory/next-year-plan', status, 6, { statutory: true });

describe('statutory gate', () => {
  it('a missing statutory part caps the grade at 合格, and says why', () => {
    const score = scoreResults([...MANY, plan('fail')]);
    expect(score.points).toBe(93.6);
    expect(score.grade).toBe('合格');
    expect(score.gradeCap).toEqual({
      reason: 'missingStatutory',
      pointsGrade: '优秀',
      cap: '合格',
      rules: [{ ruleId: 'statutory/next-year-plan', title: 'statutory/next-year-plan' }],
    });
  });

  it('a statutory part only partly there caps it at 良好', () => {
    const score = scoreResults([...MANY, plan('partial')]);
    expect(score.grade).toBe('良好');
    expect(score.gradeCap?.reason).toBe('partialStatutory');
  });

  it('all statutory parts there: the points decide', () => {
    const score = scoreResults([...MANY, plan('pass')]);
    expect([score.grade, score.gradeCap]).toEqual(['优秀', null]);
  });

  it('a grade already at or below the cap is not marked as capped', () => {
    const low = [result('other/a', 'fail', 50), result('other/b', 'pass', 44), plan('fail')];
    const score = scoreResults(low);
    expect([score.grade, score.gradeCap]).toEqual(['不合格', null]);
  });

  it('an advisory statutory rule (weight 0) does not count', () => {
    const other = result('statutory/other', 'fail', 0, { statutory: true });
    expect(scoreResults([...MANY, plan('pass'), other]).grade).toBe('优秀');
  });

  it('a skipped statutory rule does not count', () => {
    expect(scoreResults([...MANY, plan('skip')]).grade).toBe('优秀');
  });

  it('the gate is configurable and can be turned off', () => {
    const stricter: GradeScale = { ...DEFAULT_GRADES, statutoryGate: { missing: '不合格', partial: '合格' } };
    expect(scoreResults([...MANY, plan('fail')], stricter).grade).toBe('不合格');
    expect(scoreResults([...MANY, plan('partial')], stricter).grade).toBe('合格');
    const off: GradeScale = { ...DEFAULT_GRADES, statutoryGate: { missing: null, partial: null } };
    expect(scoreResults([...MANY, plan('fail')], off).grade).toBe('优秀');
  });
});
