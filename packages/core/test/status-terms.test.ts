import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveStatus,
  STATUS_CONDITIONS,
  STATUS_PRECEDENCE,
  STATUSES,
  type Status,
  type StatusCondition,
  type StatusFields,
  statusTerms,
} from '../src/index.js';
import { arbCase, arbNowFor, arbStatusFields, RUNS } from './fixtures.js';

const holds = (c: StatusCondition, o: StatusFields, now: Date) => STATUS_CONDITIONS[c](o, now);

/**
 * What the server does: turn statusTerms(s) into a predicate (there: SQL) made of the named
 * conditions only. Here each condition is evaluated with its TypeScript form.
 */
function matches(status: Status, o: StatusFields, now: Date): boolean {
  const { require, exclude } = statusTerms(status);
  return (require === null || holds(require, o, now)) && exclude.every((c) => !holds(c, o, now));
}

/** A multi-status filter ("status in (a, b)") as an OR of the terms. */
const filterByStatuses = (statuses: readonly Status[], o: StatusFields, now: Date) =>
  statuses.some((s) => matches(s, o, now));

describe('STATUS_PRECEDENCE and STATUS_CONDITIONS', () => {
  it('is the order of domain.md, ending with the Active fallback', () => {
    expect(STATUS_PRECEDENCE).toEqual([
      { status: 'restricted', when: 'restricted' },
      { status: 'complete', when: 'singleUseUsed' },
      { status: 'expired', when: 'pastEndDate' },
      { status: 'active', when: null },
    ]);
  });

  it('names every status once and every condition once', () => {
    expect(STATUS_PRECEDENCE.map((r) => r.status).sort()).toEqual([...STATUSES].sort());
    const conditions = STATUS_PRECEDENCE.flatMap((r) => (r.when ? [r.when] : []));
    expect(conditions.sort()).toEqual(Object.keys(STATUS_CONDITIONS).sort());
  });
});

describe('statusTerms', () => {
  it('gives each status its condition and excludes every condition ranked above it', () => {
    expect(statusTerms('restricted')).toEqual({ require: 'restricted', exclude: [] });
    expect(statusTerms('complete')).toEqual({ require: 'singleUseUsed', exclude: ['restricted'] });
    expect(statusTerms('expired')).toEqual({
      require: 'pastEndDate',
      exclude: ['restricted', 'singleUseUsed'],
    });
    expect(statusTerms('active')).toEqual({
      require: null,
      exclude: ['restricted', 'singleUseUsed', 'pastEndDate'],
    });
  });

  it('rejects an unknown status', () => {
    expect(() => statusTerms('archived' as Status)).toThrow(RangeError);
  });

  it('a row has status s iff require holds and no excluded condition holds', () => {
    fc.assert(
      fc.property(arbCase, ({ o, now }) => {
        const status = deriveStatus(o, now);
        for (const s of STATUSES) expect(matches(s, o, now)).toBe(s === status);
      }),
      RUNS,
    );
  });

  it('a filter on several statuses selects exactly the rows deriveStatus puts in them', () => {
    // Rows plus a moment at (or 1 ms around) one row's end instant, where the rules turn.
    const arbRowsAndNow = fc
      .array(arbStatusFields, { minLength: 1, maxLength: 30 })
      .chain((rows) =>
        fc
          .nat({ max: rows.length - 1 })
          .chain((i) => arbNowFor(rows[i] as StatusFields).map((now) => ({ rows, now }) as const)),
      );
    fc.assert(
      fc.property(arbRowsAndNow, fc.subarray([...STATUSES]), ({ rows, now }, statuses) => {
        const viaTerms = rows.filter((o) => filterByStatuses(statuses, o, now));
        const viaDerive = rows.filter((o) => statuses.includes(deriveStatus(o, now)));
        expect(viaTerms).toEqual(viaDerive);
      }),
      RUNS,
    );
  });
});
