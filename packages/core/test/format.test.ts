import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDiscount } from '../src/index.js';
import { RUNS } from './fixtures.js';

const pct = (percent: number) => formatDiscount({ type: 'percentage', percent });

describe('formatDiscount', () => {
  it.each([
    [12, 'Percentage (12%)'],
    [12.5, 'Percentage (12.5%)'],
    [12.25, 'Percentage (12.25%)'],
    [0.01, 'Percentage (0.01%)'],
    [0.29, 'Percentage (0.29%)'],
    [100, 'Percentage (100%)'],
  ])('%s -> %s', (percent, text) => {
    expect(pct(percent)).toBe(text);
  });

  it('shows every valid percent (at most 2 decimals) as written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (cents) => {
        expect(pct(cents / 100)).toBe(`Percentage (${cents / 100}%)`);
      }),
      RUNS,
    );
  });
});
