import type { Database } from '../db/client.js';
import { readSummary } from '../db/counters.js';
import { listAudit, orgOf } from './admin/audit.js';
import { createKey, listKeys, revokeKey, rotateKey } from './admin/keys.js';
import { AUTH_CHANNEL, AuthListeners } from './admin/notify.js';
import {
  createInvitation,
  linkPartner,
  listPartners,
  redeemInvitation,
  unlinkPartner,
} from './admin/partners.js';
import {
  archiveProduct,
  createProduct,
  listAdminProducts,
  renameProduct,
  upsertProduct,
} from './admin/products.js';
import { resolveSignedIn } from './admin/signed-in.js';
import { changeRole, createUser, listUsers, removeUser } from './admin/users.js';
import { prepareResolveApiKey } from './auth.js';
import { listProducts, listResellers } from './catalog.js';
import { cloneOpportunity } from './clone.js';
import { createOpportunities } from './create.js';
import { loadCursorKey } from './cursor.js';
import { deactivate } from './deactivate.js';
import { getOpportunity } from './get.js';
import { listOpportunities } from './list.js';
import { createOffer } from './offers.js';
import type { AdminStore, Store } from './types.js';

export { hashApiKey } from './auth.js';
export * from './types.js';

/** The Drizzle implementation of the persistence boundary, on PGlite or Postgres. */
export function createStore(db: Database): Store {
  const { orm } = db;
  const resolveApiKey = prepareResolveApiKey(orm);
  // Read once per store (and again after a failure): the list's cursors are signed with it.
  let cursorKey: Promise<Buffer> | undefined;
  const cursorKeyOnce = () => {
    cursorKey ??= loadCursorKey(orm).catch((err: unknown) => {
      cursorKey = undefined;
      throw err;
    });
    return cursorKey;
  };
  const listeners = new AuthListeners();
  let unlisten: Promise<(() => Promise<void>) | null> | null = null;

  /** Runs a mutation that may make principals stale, then tells this process's caches. */
  const changesAuth =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } finally {
        // Also after a failure: clearing a cache is always safe, and a commit may have
        // happened before an error surfaced.
        listeners.emit();
      }
    };

  const admin: AdminStore = {
    listProducts: (p, all) => listAdminProducts(orm, p, all),
    createProduct: (p, input, now) => createProduct(orm, p, input, now),
    renameProduct: (p, id, name, now) => renameProduct(orm, p, id, name, now),
    archiveProduct: (p, id, now) => archiveProduct(orm, p, id, now),
    upsertProduct: (p, input, now) => upsertProduct(orm, p, input, now),
    listPartners: (p) => listPartners(orm, p),
    linkPartner: (p, id, now) => linkPartner(orm, p, id, now),
    unlinkPartner: (p, id, now) => unlinkPartner(orm, p, id, now),
    createInvitation: (p, days, now) => createInvitation(orm, p, days, now),
    redeemInvitation: (p, code, now) => redeemInvitation(orm, p, code, now),
    listUsers: (p) => listUsers(orm, p),
    createUser: (p, input, now) => createUser(orm, p, input, now),
    changeRole: changesAuth((p, id, role, now) => changeRole(orm, p, id, role, now)),
    removeUser: changesAuth((p, id, now) => removeUser(orm, p, id, now)),
    listKeys: (p) => listKeys(orm, orgOf(p)),
    createKey: (p, input, now) => createKey(orm, p, input, now),
    revokeKey: changesAuth((p, id, now) => revokeKey(orm, p, id, now)),
    rotateKey: changesAuth((p, input, now) => rotateKey(orm, p, input, now)),
    listAudit: (p, limit) => listAudit(orm, p, limit),
  };

  return {
    authenticate: async (apiKey, now = new Date()) =>
      (await resolveApiKey(apiKey, now))?.principal ?? null,
    resolveApiKey,
    resolveSignedIn: (identity, now) => resolveSignedIn(orm, identity, now),
    onAuthChange(listener) {
      const remove = listeners.add(listener);
      // One LISTEN connection per store, opened by its first subscriber (Postgres only).
      if (db.listen && !unlisten) {
        unlisten = db
          .listen(
            AUTH_CHANNEL,
            () => listeners.emit(),
            () => listeners.emit(),
          )
          .catch(() => {
            // No LISTEN (a transaction-mode pooler, a failed connection): forget every cached
            // principal each second instead, so a revocation still lands within 1 s.
            const timer = setInterval(() => listeners.emit(), 1_000);
            timer.unref();
            return async () => clearInterval(timer);
          });
      }
      return () => {
        remove();
      };
    },
    admin,
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
