// The document budget: a step that spins is stopped with one 资源超限 line naming what ran; steps on
// small inputs run without a watchdog; counts over a cap are refused with their numbers.

import { describe, expect, it } from 'vitest';
import { Budget, checkCount, isSmall, OverBudgetError, SMALL_INPUT } from '../../src/shared/budget.js';

describe('Budget', () => {
  it('stops a step that does not end, naming the step', () => {
    const budget = new Budget(100);
    budget.step = '规则“x/y”';
    let error: unknown;
    try {
      budget.run(() => {
        for (;;);
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OverBudgetError);
    expect((error as Error).message).toBe('资源超限：检查用时超过 0.1 秒（超时时正在运行规则“x/y”），已中止');
  });

  it('stops a step at its slice, before the document time is spent', () => {
    const budget = new Budget(60_000);
    expect(() =>
      budget.run(
        () => {
          for (;;);
        },
        true,
        50,
      ),
    ).toThrowError(OverBudgetError);
    expect(budget.remainingMs()).toBeGreaterThan(0);
  });

  it('returns what a step returns, with or without the watchdog', () => {
    const budget = new Budget();
    expect(budget.run(() => 42)).toBe(42);
    expect(budget.run(() => 'small', false)).toBe('small');
  });

  it('refuses every step once the time is spent', () => {
    const budget = new Budget(0);
    expect(() => budget.checkTime()).toThrowError(OverBudgetError);
    expect(() => budget.run(() => 1, false)).toThrowError(OverBudgetError);
  });
});

describe('caps', () => {
  it.each([
    [10, 10, null],
    [11, 10, '资源超限：文档行数 11 行，超过上限 10 行'],
  ])('count %i against cap %i', (count, limit, message) => {
    const check = () => checkCount('文档行数', count, limit, ' 行');
    if (message === null) expect(check).not.toThrow();
    else expect(check).toThrowError(message);
  });

  it('calls an input small up to SMALL_INPUT', () => {
    expect([isSmall(SMALL_INPUT), isSmall(SMALL_INPUT + 1)]).toEqual([true, false]);
  });
});
