import { isCalendarDate, todayUtc } from './dates.js';
import { type FieldIssue, fieldIssue } from './issues.js';
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
  const { durationType, endDate } = value;
  if (endDate === null || endDate === '') {
    return rule === 'required'
      ? [fieldIssue('endDate', 'end_date_required', { durationType })]
      : [];
  }
  if (rule === 'forbidden')
    return [fieldIssue('endDate', 'end_date_not_allowed', { durationType })];
  if (!isCalendarDate(endDate)) return [fieldIssue('endDate', 'not_calendar_date')];
  const today = todayUtc(now);
  return endDate < today ? [fieldIssue('endDate', 'date_in_past', { today })] : [];
}
