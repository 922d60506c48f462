import { describe, expect, it } from 'vitest';
import { deriveStatus, STATUS_LABELS, type StatusFields } from '../src/index.js';
import { at, fields } from './fixtures.js';

/** domain.md, "The announcement's own examples": each row with its status and times used. */
describe("the announcement's examples (domain.md), row by row", () => {
  const now = at('2026-06-15T12:00:00.000Z');
  const afterEnd = at('2026-07-01T00:00:00.000Z');

  const specific: StatusFields = fields({
    durationType: 'specific-duration',
    endDate: '2026-06-30',
    timesUsed: 5,
  });
  const noSet: StatusFields = fields({ durationType: 'no-set-duration', timesUsed: 3 });

  const rows: { row: string; o: StatusFields; now: Date; label: string; timesUsed: number }[] = [
    {
      row: 'single use, used once',
      o: fields({ durationType: 'single-use', timesUsed: 1 }),
      now,
      label: 'Complete',
      timesUsed: 1,
    },
    {
      row: 'specific time duration, used 5 times, end date ahead',
      o: specific,
      now,
      label: 'Active',
      timesUsed: 5,
    },
    { row: 'same, after the end date', o: specific, now: afterEnd, label: 'Expired', timesUsed: 5 },
    {
      row: 'no set time duration, used 3 times',
      o: noSet,
      now,
      label: 'Active',
      timesUsed: 3,
    },
    {
      row: 'same, after the ISV deactivates it',
      o: { ...noSet, restrictedAt: '2026-06-10T09:30:00.000Z' },
      now,
      label: 'Restricted',
      timesUsed: 3,
    },
  ];

  it.each(rows)('$row -> $label, times used $timesUsed', ({ o, now, label, timesUsed }) => {
    expect(STATUS_LABELS[deriveStatus(o, now)]).toBe(label);
    expect(o.timesUsed).toBe(timesUsed);
  });

  it('a single-use opportunity used once stays Complete after its end date', () => {
    const o = fields({ durationType: 'single-use', endDate: '2026-06-30', timesUsed: 1 });
    expect(deriveStatus(o, now)).toBe('complete');
    expect(deriveStatus(o, afterEnd)).toBe('complete');
  });

  it('a single-use opportunity whose end date passes unused becomes Expired', () => {
    const o = fields({ durationType: 'single-use', endDate: '2026-06-30', timesUsed: 0 });
    expect(deriveStatus(o, now)).toBe('active');
    expect(deriveStatus(o, afterEnd)).toBe('expired');
  });

  it('the screenshot\'s "Complete with times used 3" is not reproduced for multi-use types', () => {
    for (const durationType of ['specific-duration', 'no-set-duration'] as const) {
      expect(deriveStatus(fields({ durationType, timesUsed: 3 }), now)).toBe('active');
    }
  });

  it('labels every status', () => {
    expect(STATUS_LABELS).toEqual({
      active: 'Active',
      expired: 'Expired',
      restricted: 'Restricted',
      complete: 'Complete',
    });
  });
});
