import { randomUUID } from 'node:crypto';
import { PgDialect } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { nowLiteral } from '../../src/db/status-sql.js';
import { preparedUse, useSql } from '../../src/store/use-sql.js';

const dialect = new PgDialect();

it('the prepared offers.create statement is what Drizzle renders, with the clock as its last parameter', () => {
  const texts = new Set<string>();
  fc.assert(
    fc.property(
      fc.string(),
      fc.string(),
      fc.date({ min: new Date('1971-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
      (buyerAccountId, idempotencyKey, now) => {
        const p = {
          offerId: randomUUID(),
          eventId: randomUUID(),
          opportunityId: randomUUID(),
          resellerId: randomUUID(),
          userId: randomUUID(),
          buyerAccountId,
          idempotencyKey,
          now,
        };
        const prepared = preparedUse(p);
        texts.add(prepared.text);
        const clock = `$${prepared.params.length}::timestamptz`;
        expect(prepared.params.at(-1)).toBe(now.toISOString());
        const drizzle = dialect.sqlToQuery(useSql(p));
        expect(prepared.text.replaceAll(clock, nowLiteral(now))).toBe(drizzle.sql);
        expect(prepared.params.slice(0, -1)).toEqual(drizzle.params);
      },
    ),
    { numRuns: 50 },
  );
  // One text for every call: that is what lets Postgres keep it prepared.
  expect(texts.size).toBe(1);
});
