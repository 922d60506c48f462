import { isCalendarDate, todayUtc } from './dates.js';
import type { FieldIssue } from './issues.js';
import type { DurationType } from './vocabulary.js';

/** What each duration type says about the end date. */
export const END_DATE_RULE: Record<DurationType, 'required' | 'optional' | 'forbidden'> = {
  'single-use': 'optional',
  'specific-duration': 'required',
  'no-set-duration': 'forbidden',
};

export interface DurationValue {
  durationType: DurationType;
  endDate: string | null;
}

/**
 * The duration rules that involve the clock or two fields: the end date required, optional or
 * forbidden per type, and never before today (UTC). Shared by the API and the DurationPicker.
 */
export function durationIssues(value: DurationValue, now: Date): FieldIssue[] {
  const rule = END_DATE_RULE[value.durationType];
  const { endDate } = value;
  if (endDate === null || endDate === '') {
    return rule === 'required'
      ? [{ field: 'endDate', message: 'endDate is required for a specific time duration' }]
      : [];
  }
  if (rule === 'forbidden') {
    return [{ field: 'endDate', message: 'endDate must be empty for no set time duration' }];
  }
  if (!isCalendarDate(endDate)) {
    return [
      { field: 'endDate', message: 'endDate must be a real calendar date written YYYY-MM-DD' },
    ];
  }
  if (endDate < todayUtc(now)) {
    return [
      {
        field: 'endDate',
        message: `endDate must not be in the past (today is ${todayUtc(now)} UTC)`,
      },
    ];
  }
  return [];
}
