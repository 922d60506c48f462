import type { DurationType } from '@resale-kit/core';

export const DURATION_LABELS: Record<DurationType, string> = {
  'single-use': 'Single use',
  'specific-duration': 'Specific time duration',
  'no-set-duration': 'No set time duration',
};

/** "Specific time duration, until 2026-12-31 (UTC)". */
export function describeDuration(durationType: DurationType, endDate: string | null): string {
  const label = DURATION_LABELS[durationType];
  return endDate ? `${label}, until the end of ${endDate} (UTC)` : label;
}
