import { defineConfig } from 'vitest/config';

/**
 * The whole suite runs once per time zone: results must not depend on the process TZ.
 * `test/timezone.test.ts` checks that each project's zone really applied.
 */
export const TIME_ZONES = {
  UTC: 0,
  'Pacific/Kiritimati': -14 * 60, // UTC+14
  'America/Adak': 10 * 60, // UTC-10 in January
} as const;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    projects: Object.keys(TIME_ZONES).map((tz) => ({
      extends: true,
      test: { name: `tz:${tz}`, env: { TZ: tz, EXPECTED_TZ: tz } },
    })),
  },
});
