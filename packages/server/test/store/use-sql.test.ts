import { randomUUID } from 'node:crypto';
import { PgDialect } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { useSql, useSqlFast } from '../../src/store/use-sql.js';

const dialect = new PgDialect();

it('the cached offers.create statement renders exactly what Drizzle renders', () => {
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
        expect(dialect.sqlToQuery(useSqlFast(p))).toEqual(dialect.sqlToQuery(useSql(p)));
      },
    ),
    { numRuns: 50 },
  );
});
