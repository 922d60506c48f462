import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/db/index.js';
import { isvResellers, isvs, products, resellers, users } from '../../src/db/schema.js';
import type { IsvPrincipal, ResellerPrincipal } from '../../src/store/types.js';

export interface Tenant {
  isv: IsvPrincipal;
  productIds: string[];
  resellers: ResellerPrincipal[];
}

/** An ISV with its admin, `productCount` products and `resellerCount` partner resellers. */
export async function createTenant(
  db: Database,
  opts: { productCount?: number; resellerCount?: number; name?: string } = {},
): Promise<Tenant> {
  const { orm } = db;
  const isvId = randomUUID();
  const name = opts.name ?? `ISV ${isvId.slice(0, 8)}`;
  await orm.insert(isvs).values({ id: isvId, name });
  const adminId = randomUUID();
  await orm.insert(users).values({ id: adminId, name: `${name} admin`, isvId });
  const productIds = Array.from({ length: opts.productCount ?? 2 }, () => randomUUID());
  await orm
    .insert(products)
    .values(productIds.map((id, n) => ({ id, isvId, name: `${name} product ${n}` })));
  const resellerList: ResellerPrincipal[] = [];
  for (let n = 0; n < (opts.resellerCount ?? 2); n++) {
    const resellerId = randomUUID();
    const userId = randomUUID();
    await orm.insert(resellers).values({ id: resellerId, name: `${name} reseller ${n}` });
    await orm.insert(isvResellers).values({ isvId, resellerId });
    await orm.insert(users).values({ id: userId, name: `${name} reseller user ${n}`, resellerId });
    resellerList.push({
      kind: 'reseller',
      userId,
      name: `${name} reseller user ${n}`,
      role: 'admin',
      resellerId,
    });
  }
  return {
    isv: { kind: 'isv', userId: adminId, name: `${name} admin`, role: 'admin', isvId },
    productIds,
    resellers: resellerList,
  };
}
