import type { Principal, Product, Reseller } from '@resale-kit/core';
import { and, asc, eq, exists } from 'drizzle-orm';
import type { Orm } from '../db/client.js';
import { isvResellers, opportunities, products, resellers } from '../db/schema.js';

/** ISV: its products. Reseller: the products of the opportunities that target it. */
export async function listProducts(orm: Orm, p: Principal): Promise<Product[]> {
  const cols = { id: products.id, isvId: products.isvId, name: products.name };
  const where =
    p.kind === 'isv'
      ? eq(products.isvId, p.isvId)
      : exists(
          orm
            .select({ one: opportunities.id })
            .from(opportunities)
            .where(
              and(
                eq(opportunities.resellerId, p.resellerId),
                eq(opportunities.isvId, products.isvId),
                eq(opportunities.productId, products.id),
              ),
            ),
        );
  return orm.select(cols).from(products).where(where).orderBy(asc(products.name), asc(products.id));
}

/** ISV: the resellers it works with. Reseller: itself. */
export async function listResellers(orm: Orm, p: Principal): Promise<Reseller[]> {
  const cols = { id: resellers.id, name: resellers.name };
  if (p.kind === 'reseller') {
    return orm.select(cols).from(resellers).where(eq(resellers.id, p.resellerId));
  }
  return orm
    .select(cols)
    .from(resellers)
    .innerJoin(isvResellers, eq(isvResellers.resellerId, resellers.id))
    .where(eq(isvResellers.isvId, p.isvId))
    .orderBy(asc(resellers.name), asc(resellers.id));
}
