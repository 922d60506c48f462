import { addDays, DAY_MS, type DurationType, endDateToInstant, todayUtc } from '@resale-kit/core';
import type { Tx } from '../db/client.js';
import { events, offers, opportunities } from '../db/schema.js';
import { demoId } from './ids.js';
import { DEMO_ISVS, DEMO_RESELLERS, ids } from './tenants.js';

/** One demo opportunity; dates are relative to the seed's `now`. */
interface Plan {
  key: string;
  isv: string;
  product: string;
  reseller: string;
  name: string;
  durationType: DurationType;
  /** Days from today (UTC) to the end date, or null. */
  endInDays: number | null;
  timesUsed: number;
  restricted: boolean;
  createdDaysAgo: number;
  percent: number;
  clonedFrom?: string;
}

/** The announcement's examples, then a deterministic spread over every status and type. */
function plans(): Plan[] {
  const acme = DEMO_ISVS[0];
  const examples: Plan[] = [
    {
      name: 'Single use, used once',
      durationType: 'single-use',
      endInDays: null,
      timesUsed: 1,
      restricted: false,
      createdDaysAgo: 40,
    },
    {
      name: 'Specific duration, used 5 times',
      durationType: 'specific-duration',
      endInDays: 90,
      timesUsed: 5,
      restricted: false,
      createdDaysAgo: 60,
    },
    {
      name: 'Specific duration, past its end date',
      durationType: 'specific-duration',
      endInDays: -3,
      timesUsed: 5,
      restricted: false,
      createdDaysAgo: 120,
    },
    {
      name: 'No set duration, used 3 times',
      durationType: 'no-set-duration',
      endInDays: null,
      timesUsed: 3,
      restricted: false,
      createdDaysAgo: 90,
    },
    {
      name: 'No set duration, deactivated',
      durationType: 'no-set-duration',
      endInDays: null,
      timesUsed: 3,
      restricted: true,
      createdDaysAgo: 100,
    },
  ].map((e, n) => ({
    ...e,
    durationType: e.durationType as DurationType,
    key: `acme:example:${n}`,
    isv: acme.key,
    product: acme.products[n % acme.products.length] as string,
    reseller: acme.resellers[n % acme.resellers.length] as string,
    percent: [12, 15, 7.5, 20, 10][n] as number,
  }));
  const renewal: Plan = {
    ...(examples[2] as Plan),
    key: 'acme:example:renewed',
    name: 'Specific duration, renewed by cloning',
    endInDays: 60,
    timesUsed: 0,
    createdDaysAgo: 2,
    clonedFrom: 'acme:example:2',
  };
  const stems = [
    'Q3 enterprise push',
    'Healthcare vertical',
    'EMEA expansion',
    'Public sector',
    'Startup program',
    'Renewal drive',
    'Retail pilot',
    'FinServ bundle',
  ];
  const spread = (isv: (typeof DEMO_ISVS)[number], count: number): Plan[] =>
    Array.from({ length: count }, (_, i) => {
      const kind = i % 8;
      const shape: Pick<Plan, 'durationType' | 'endInDays' | 'timesUsed' | 'restricted'> = [
        { durationType: 'single-use', endInDays: 3 + (i % 20), timesUsed: 0, restricted: false },
        { durationType: 'single-use', endInDays: null, timesUsed: 1, restricted: false },
        {
          durationType: 'specific-duration',
          endInDays: 35 + i * 3,
          timesUsed: i % 7,
          restricted: false,
        },
        {
          durationType: 'specific-duration',
          endInDays: -(1 + (i % 15)),
          timesUsed: i % 4,
          restricted: false,
        },
        { durationType: 'no-set-duration', endInDays: null, timesUsed: i % 5, restricted: false },
        { durationType: 'no-set-duration', endInDays: null, timesUsed: i % 3, restricted: true },
        {
          durationType: 'specific-duration',
          endInDays: 1 + (i % 25),
          timesUsed: i % 6,
          restricted: false,
        },
        { durationType: 'single-use', endInDays: -(2 + (i % 9)), timesUsed: 0, restricted: false },
      ][kind] as Plan;
      return {
        ...shape,
        key: `${isv.key}:${i}`,
        isv: isv.key,
        product: isv.products[i % isv.products.length] as string,
        reseller: isv.resellers[(i * 7 + Math.floor(i / 3)) % isv.resellers.length] as string,
        name: `${stems[i % stems.length]} ${String(i + 1).padStart(2, '0')}`,
        createdDaysAgo: 30 + ((i * 11) % 150),
        percent: [5, 7.5, 10, 12, 12.5, 15, 18, 20, 25, 30][i % 10] as number,
      };
    });
  return [...examples, renewal, ...spread(acme, 42), ...spread(DEMO_ISVS[1], 10)];
}

const resellerName = (key: string) => DEMO_RESELLERS.find((r) => r.key === key)?.name ?? key;
const resellerUser = (key: string) => ids.resellerUser(key);

/** Inserts opportunities with the offers and events their times used and state imply. */
export async function seedOpportunities(tx: Tx, now: Date): Promise<void> {
  const today = todayUtc(now);
  const all = plans();
  const oppRows: (typeof opportunities.$inferInsert)[] = [];
  const offerRows: (typeof offers.$inferInsert)[] = [];
  const eventRows: (typeof events.$inferInsert)[] = [];

  all.forEach((p, n) => {
    const id = demoId(`opportunity:${p.key}`);
    const isvId = ids.isv(p.isv);
    const admin = ids.isvUser(p.isv);
    // Distinct creation instants (minutes apart) so the default sort is stable and readable.
    const createdAt = new Date(now.getTime() - p.createdDaysAgo * DAY_MS - n * 37 * 60_000);
    const endAt = p.endInDays === null ? null : endDateToInstant(addDays(today, p.endInDays));
    const restrictedAt = p.restricted ? new Date(now.getTime() - DAY_MS) : null;
    oppRows.push({
      id,
      isvId,
      productId: ids.product(p.product),
      productName: p.product,
      resellerId: ids.reseller(p.reseller),
      resellerName: resellerName(p.reseller),
      name: p.name,
      description: p.clonedFrom ? 'Renewed from an expired opportunity' : `Demo: ${p.durationType}`,
      discountBps: Math.round(p.percent * 100),
      durationType: p.durationType,
      endAt,
      restrictedAt,
      timesUsed: p.timesUsed,
      createdAt,
      createdBy: admin,
      clonedFromId: p.clonedFrom ? demoId(`opportunity:${p.clonedFrom}`) : null,
    });
    eventRows.push({
      id: demoId(`event:${p.key}:created`),
      opportunityId: id,
      isvId,
      type: p.clonedFrom ? 'cloned' : 'created',
      actorId: admin,
      at: createdAt,
      data: p.clonedFrom ? { fromId: demoId(`opportunity:${p.clonedFrom}`) } : null,
    });
    // Uses happen while it was Active: after creation, before its end, deactivation and now.
    const usableUntil = Math.min(
      now.getTime(),
      endAt?.getTime() ?? Infinity,
      restrictedAt?.getTime() ?? Infinity,
    );
    const step = (usableUntil - createdAt.getTime()) / (p.timesUsed + 1);
    for (let u = 0; u < p.timesUsed; u++) {
      const offerId = demoId(`offer:${p.key}:${u}`);
      const at = new Date(Math.floor(createdAt.getTime() + step * (u + 1)));
      const buyer = String(100_000_000_000 + ((n * 7919 + u * 104_729) % 900_000_000_000));
      offerRows.push({
        id: offerId,
        opportunityId: id,
        resellerId: ids.reseller(p.reseller),
        buyerAccountId: buyer,
        idempotencyKey: `seed-${p.key}-${u}`,
        createdBy: resellerUser(p.reseller),
        createdAt: at,
      });
      eventRows.push({
        id: demoId(`event:${p.key}:used:${u}`),
        opportunityId: id,
        isvId,
        type: 'used',
        actorId: resellerUser(p.reseller),
        at,
        data: { offerId, buyerAccountId: buyer },
      });
    }
    if (restrictedAt) {
      eventRows.push({
        id: demoId(`event:${p.key}:deactivated`),
        opportunityId: id,
        isvId,
        type: 'deactivated',
        actorId: admin,
        at: restrictedAt,
        data: null,
      });
    }
  });
  // Sources before their clones (the clone's foreign key points at the source).
  const sorted = [...oppRows].sort(
    (a, b) => Number(Boolean(a.clonedFromId)) - Number(Boolean(b.clonedFromId)),
  );
  await tx.insert(opportunities).values(sorted);
  await tx.insert(offers).values(offerRows);
  await tx.insert(events).values(eventRows);
}
