import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canDeactivate, canUse, deriveStatus, type StatusFields } from '../src/index.js';
import {
  arbCase,
  at,
  fields,
  isvUser,
  otherResellerUser,
  RESELLER_ID,
  RUNS,
  resellerUser,
} from './fixtures.js';

const now = at('2026-06-15T12:00:00.000Z');
const target = (o: StatusFields) => ({ ...o, resellerId: RESELLER_ID });

const active = target(fields({ durationType: 'specific-duration', endDate: '2026-06-30' }));
const expired = target(fields({ durationType: 'specific-duration', endDate: '2026-06-14' }));
const complete = target(fields({ durationType: 'single-use', timesUsed: 1 }));
const restricted = target(fields({ restrictedAt: '2026-06-01T00:00:00.000Z', timesUsed: 2 }));

const REASON = { restricted: 'RESTRICTED', complete: 'COMPLETE', expired: 'EXPIRED' } as const;

describe('canUse', () => {
  it('lets the targeted reseller use an Active opportunity', () => {
    expect(canUse(active, resellerUser, now)).toEqual({ ok: true });
  });

  it.each([
    { label: 'Restricted', o: restricted, reason: 'RESTRICTED' },
    { label: 'Complete', o: complete, reason: 'COMPLETE' },
    { label: 'Expired', o: expired, reason: 'EXPIRED' },
  ] as const)('refuses a $label opportunity with $reason', ({ o, reason }) => {
    expect(canUse(o, resellerUser, now)).toEqual({ ok: false, reason });
  });

  it('refuses a reseller the opportunity does not target with NOT_TARGETED', () => {
    expect(canUse(active, otherResellerUser, now)).toEqual({ ok: false, reason: 'NOT_TARGETED' });
  });

  it('refuses an ISV principal with NOT_TARGETED: only resellers create CPPOs', () => {
    expect(canUse(active, isvUser, now)).toEqual({ ok: false, reason: 'NOT_TARGETED' });
  });

  it('a single-use opportunity can be used once: after that it is COMPLETE', () => {
    const unused = target(fields({ durationType: 'single-use', timesUsed: 0 }));
    expect(canUse(unused, resellerUser, now)).toEqual({ ok: true });
    expect(canUse({ ...unused, timesUsed: 1 }, resellerUser, now)).toEqual({
      ok: false,
      reason: 'COMPLETE',
    });
  });

  it('is ok exactly for the targeted reseller while Active, and never throws', () => {
    const principals = [resellerUser, otherResellerUser, isvUser];
    fc.assert(
      fc.property(arbCase, fc.constantFrom(...principals), ({ o, now }, principal) => {
        const result = canUse(target(o), principal, now);
        const status = deriveStatus(o, now);
        const targeted = principal.kind === 'reseller' && principal.resellerId === RESELLER_ID;
        if (!targeted) {
          expect(result).toEqual({ ok: false, reason: 'NOT_TARGETED' });
        } else if (status === 'active') {
          expect(result).toEqual({ ok: true });
        } else {
          expect(result).toEqual({ ok: false, reason: REASON[status] });
        }
      }),
      RUNS,
    );
  });
});

describe('canDeactivate', () => {
  it('allows only Active opportunities', () => {
    expect(canDeactivate(active, now)).toEqual({ ok: true });
    expect(canDeactivate(restricted, now)).toEqual({ ok: false, reason: 'RESTRICTED' });
    expect(canDeactivate(complete, now)).toEqual({ ok: false, reason: 'COMPLETE' });
    expect(canDeactivate(expired, now)).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it('an opportunity deactivated once cannot be deactivated again', () => {
    expect(canDeactivate(active, now)).toEqual({ ok: true });
    const after = { ...active, restrictedAt: now.toISOString() };
    expect(canDeactivate(after, now)).toEqual({ ok: false, reason: 'RESTRICTED' });
  });

  it('is ok iff Active, otherwise names the status, for any input', () => {
    fc.assert(
      fc.property(arbCase, ({ o, now }) => {
        const status = deriveStatus(o, now);
        expect(canDeactivate(o, now)).toEqual(
          status === 'active' ? { ok: true } : { ok: false, reason: REASON[status] },
        );
      }),
      RUNS,
    );
  });
});
