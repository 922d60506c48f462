import type { Database } from '../db/client.js';
import { readSummary } from '../db/counters.js';
import { prepareAuthenticate } from './auth.js';
import { listProducts, listResellers } from './catalog.js';
import { cloneOpportunity } from './clone.js';
import { createOpportunities } from './create.js';
import { loadCursorKey } from './cursor.js';
import { deactivate } from './deactivate.js';
import { getOpportunity } from './get.js';
import { listOpportunities } from './list.js';
import { createOffer } from './offers.js';
import type { Store } from './types.js';

export { hashApiKey } from './auth.js';
export * from './types.js';

/** The Drizzle implementation of the persistence boundary, on PGlite or Postgres. */
export function createStore(db: Database): Store {
  const { orm } = db;
  // Read once per store (and again after a failure): the list's cursors are signed with it.
  let cursorKey: Promise<Buffer> | undefined;
  const cursorKeyOnce = () => {
    cursorKey ??= loadCursorKey(orm).catch((err: unknown) => {
      cursorKey = undefined;
      throw err;
    });
    return cursorKey;
  };
  return {
    authenticate: prepareAuthenticate(orm),
    listOpportunities: async (p, input, now) =>
      listOpportunities(orm, p, input, now, await cursorKeyOnce()),
    summary: (p, now) => readSummary(orm, p.isvId, now),
    getOpportunity: (p, id, now) => getOpportunity(orm, p, id, now),
    createOpportunities: (p, input, now) => createOpportunities(orm, p, input, now),
    cloneOpportunity: (p, input, now) => cloneOpportunity(orm, p, input, now),
    deactivate: (p, ids, now) => deactivate(orm, p, ids, now),
    createOffer: (p, input, now) => createOffer(orm, p, input, now),
    listProducts: (p) => listProducts(orm, p),
    listResellers: (p) => listResellers(orm, p),
  };
}
