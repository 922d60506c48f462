import { count } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { rebuildCountersIn } from '../db/counters.js';
import { isvs } from '../db/schema.js';
import { seedOpportunities } from './opportunities.js';
import { seedTenants } from './tenants.js';

export { demoId } from './ids.js';
export { DEMO_IDENTITIES, type DemoIdentity } from './tenants.js';

/**
 * Deterministic demo data on an empty database (two ISVs, four resellers, opportunities in
 * every status and duration type, with their offers and events), dated relative to `now` so
 * the statuses hold whenever it runs. Returns false, changing nothing, when data exists.
 */
export async function seedDemo(db: Database, at: Date | { now: Date }): Promise<boolean> {
  const now = at instanceof Date ? at : at.now;
  const seeded = await db.orm.transaction(async (tx) => {
    const [row] = await tx.select({ n: count() }).from(isvs);
    if (Number(row?.n ?? 0) > 0) return false;
    const longAgo = new Date(now.getTime() - 400 * 86_400_000);
    await seedTenants(tx, longAgo);
    await seedOpportunities(tx, now);
    // Counters are derived from the rows, exactly as a bulk loader would.
    await rebuildCountersIn(tx);
    return true;
  });
  return seeded;
}
