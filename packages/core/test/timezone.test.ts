import { describe, expect, it } from 'vitest';
import { TIME_ZONES } from '../vitest.config.js';

describe('the time-zone matrix', () => {
  const expected = process.env.EXPECTED_TZ as keyof typeof TIME_ZONES | undefined;

  it('runs under the zone its project names', () => {
    expect(expected).toBeDefined();
    expect(Object.keys(TIME_ZONES)).toContain(expected);
    expect(process.env.TZ).toBe(expected);
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expected);
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(
      TIME_ZONES[expected as keyof typeof TIME_ZONES],
    );
  });
});
