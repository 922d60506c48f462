import {
  DURATION_TYPES,
  deriveStatus,
  endDateToInstant,
  instantToEndDate,
  STATUSES,
  type StatusFields,
} from '@resale-kit/core';
import { asc, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { openPredicateSql, statusCaseSql, statusPredicateSql } from '../../src/db/status-sql.js';
import { describeEachDb } from '../support/db.js';

/** The status columns exactly as the opportunities table types them, without its foreign keys. */
const probe = pgTable('status_probe', {
  id: integer('id').primaryKey(),
  durationType: text('duration_type').notNull(),
  endAt: timestamp('end_at', { withTimezone: true, precision: 3 }),
  restrictedAt: timestamp('restricted_at', { withTimezone: true, precision: 3 }),
  timesUsed: integer('times_used').notNull(),
});

const DAY = 86_400_000;
const BASE = Date.parse('2026-01-01T00:00:00.000Z');

/** Rows with end dates around a few days, and instants that often hit the end of a day exactly. */
type RowSpec = {
  durationType: (typeof DURATION_TYPES)[number];
  endDay: number | null;
  restricted: boolean;
  timesUsed: number;
};
const rowArb: fc.Arbitrary<RowSpec> = fc.record({
  durationType: fc.constantFrom(...DURATION_TYPES),
  endDay: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
  restricted: fc.boolean(),
  timesUsed: fc.integer({ min: 0, max: 3 }),
});
const nowArb = fc.oneof(
  fc.integer({ min: -4 * DAY, max: 4 * DAY }).map((ms) => new Date(BASE + ms)),
  // The last millisecond of a day, and the first of the next: the end-date boundary.
  fc
    .tuple(fc.integer({ min: -3, max: 3 }), fc.constantFrom(-1, 0, 1))
    .map(([d, off]) => new Date(BASE + (d + 1) * DAY - 1 + off)),
);

function toFields(r: RowSpec): StatusFields {
  return {
    durationType: r.durationType,
    endDate: r.endDay === null ? null : instantToEndDate(new Date(BASE + r.endDay * DAY)),
    restrictedAt: r.restricted ? new Date(BASE - DAY).toISOString() : null,
    timesUsed: r.timesUsed,
  };
}

describeEachDb('status SQL equals core deriveStatus', (ctx) => {
  beforeAll(async () => {
    await ctx.db.orm.execute(sql`create table status_probe (
      id integer primary key, duration_type text not null, end_at timestamptz(3),
      restricted_at timestamptz(3), times_used integer not null)`);
  });

  it('for generated rows and instants: the CASE, each status predicate and "open"', async () => {
    const { orm } = ctx.db;
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { minLength: 1, maxLength: 25 }),
        nowArb,
        async (rows, now) => {
          const fields = rows.map(toFields);
          await orm.delete(probe);
          await orm.insert(probe).values(
            fields.map((f, id) => ({
              id,
              durationType: f.durationType,
              endAt: f.endDate ? endDateToInstant(f.endDate) : null,
              restrictedAt: f.restrictedAt ? new Date(f.restrictedAt) : null,
              timesUsed: f.timesUsed,
            })),
          );
          const predicates = Object.fromEntries(
            STATUSES.map((s) => [s, sql<boolean>`${statusPredicateSql(probe, s, now)}`]),
          );
          const got = await orm
            .select({
              id: probe.id,
              status: statusCaseSql(probe, now),
              open: sql<boolean>`${openPredicateSql(probe)}`,
              ...predicates,
            })
            .from(probe)
            .orderBy(asc(probe.id));
          for (const row of got) {
            const f = fields[row.id] as StatusFields;
            const expected = deriveStatus(f, now);
            expect(row.status).toBe(expected);
            for (const s of STATUSES) {
              expect((row as unknown as Record<string, boolean>)[s]).toBe(s === expected);
            }
            // Open = Active or Expired, whatever the clock says.
            const beforeAll = deriveStatus(f, new Date(-8.64e15));
            expect(row.open).toBe(beforeAll === 'active');
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
