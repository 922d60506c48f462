import fc from 'fast-check';
import {
  DAY_MS,
  DURATION_TYPES,
  type DurationType,
  endDateToInstant,
  type Principal,
  type Status,
  type StatusFields,
} from '../src/index.js';

/** Modest run counts: the suite runs once per time zone, on 2 shared cores. */
export const RUNS = { numRuns: 300 } as const;

export const ISV_ID = '8b3f1c2a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
export const RESELLER_ID = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
export const OTHER_RESELLER_ID = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
export const PRODUCT_ID = '3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f';
export const PRODUCT_ID_2 = '4d5e6f7a-8b9c-4d0e-9f1a-3b4c5d6e7f80';

export const resellerUser: Principal = {
  kind: 'reseller',
  userId: '5e6f7a8b-9c0d-4e1f-8a2b-4c5d6e7f8091',
  name: 'Rita Reseller',
  role: 'member',
  resellerId: RESELLER_ID,
};
export const otherResellerUser: Principal = {
  ...resellerUser,
  kind: 'reseller',
  resellerId: OTHER_RESELLER_ID,
};
export const isvUser: Principal = {
  kind: 'isv',
  userId: '6f7a8b9c-0d1e-4f2a-9b3c-5d6e7f8091a2',
  name: 'Ivan ISV',
  role: 'member',
  isvId: ISV_ID,
};

export function fields(over: Partial<StatusFields> = {}): StatusFields {
  return {
    durationType: 'no-set-duration',
    endDate: null,
    restrictedAt: null,
    timesUsed: 0,
    ...over,
  };
}

export const at = (iso: string): Date => new Date(iso);

/**
 * The rule of domain.md written out by hand, independently of STATUS_PRECEDENCE: the oracle the
 * implementation is compared with.
 */
export function oracleStatus(o: StatusFields, now: Date): Status {
  if (o.restrictedAt !== null) return 'restricted';
  if (o.durationType === 'single-use' && o.timesUsed >= 1) return 'complete';
  if (o.endDate !== null) {
    const end = Date.parse(`${o.endDate}T23:59:59.999Z`);
    if (now.getTime() > end) return 'expired';
  }
  return 'active';
}

const DAY_2000 = Date.UTC(2000, 0, 1) / DAY_MS;
const DAY_2100 = Date.UTC(2100, 0, 1) / DAY_MS;

/** Calendar dates as 'YYYY-MM-DD' built from a UTC day number. */
export const dayToDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const arbEndDate = fc.integer({ min: DAY_2000, max: DAY_2100 }).map(dayToDate);

/** Every calendar date from 0000-01-01 to 9999-12-31. */
export const arbAnyCalendarDate = fc
  .integer({
    min: Date.parse('0000-01-01T00:00:00.000Z') / DAY_MS,
    max: Date.parse('9999-12-31T00:00:00.000Z') / DAY_MS,
  })
  .map(dayToDate);

export const arbDurationType: fc.Arbitrary<DurationType> = fc.constantFrom(...DURATION_TYPES);

export const arbStatusFields: fc.Arbitrary<StatusFields> = fc.record({
  durationType: arbDurationType,
  endDate: fc.option(arbEndDate, { freq: 3 }),
  restrictedAt: fc.option(
    fc
      .integer({ min: DAY_2000 * DAY_MS, max: DAY_2100 * DAY_MS })
      .map((t) => new Date(t).toISOString()),
    { freq: 2 },
  ),
  timesUsed: fc.oneof(fc.constantFrom(0, 1, 2), fc.nat({ max: 1000 })),
});

/**
 * A moment to evaluate `o` at: most often close to its end instant (the interesting edge), to
 * the millisecond, otherwise anywhere in the range.
 */
export function arbNowFor(o: StatusFields): fc.Arbitrary<Date> {
  const anywhere = fc.integer({ min: DAY_2000 * DAY_MS, max: DAY_2100 * DAY_MS });
  if (o.endDate === null) return anywhere.map((t) => new Date(t));
  const end = endDateToInstant(o.endDate).getTime();
  return fc
    .oneof(
      fc.constantFrom(end - 1, end, end + 1),
      fc.integer({ min: end - 40 * DAY_MS, max: end + 40 * DAY_MS }),
      anywhere,
    )
    .map((t) => new Date(t));
}

/** Fields together with a moment near their edge. */
export const arbCase = arbStatusFields.chain((o) =>
  arbNowFor(o).map((now) => ({ o, now }) as const),
);
