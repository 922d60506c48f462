import { randomUUID } from 'node:crypto';
import {
  type AdminProduct,
  type CreateProductInput,
  DomainError,
  fieldIssue,
  type UpsertProductInput,
} from '@resale-kit/core';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Orm, Tx } from '../../db/client.js';
import { products } from '../../db/schema.js';
import type { IsvPrincipal } from '../types.js';
import { recordAudit } from './audit.js';

type ProductRow = typeof products.$inferSelect;

const toAdminProduct = (r: ProductRow): AdminProduct => ({
  id: r.id,
  isvId: r.isvId,
  name: r.name,
  externalId: r.externalId,
  archivedAt: r.archivedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

export async function listAdminProducts(
  orm: Orm,
  p: IsvPrincipal,
  includeArchived: boolean,
): Promise<AdminProduct[]> {
  const rows = await orm
    .select()
    .from(products)
    .where(
      includeArchived
        ? eq(products.isvId, p.isvId)
        : and(eq(products.isvId, p.isvId), isNull(products.archivedAt)),
    )
    .orderBy(asc(products.name), asc(products.id));
  return rows.map(toAdminProduct);
}

async function externalIdTaken(tx: Tx, isvId: string, externalId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.isvId, isvId), eq(products.externalId, externalId)))
    .limit(1);
  return row !== undefined;
}

export function createProduct(
  orm: Orm,
  p: IsvPrincipal,
  input: CreateProductInput,
  now: Date,
): Promise<AdminProduct> {
  return orm.transaction(async (tx) => {
    if (input.externalId && (await externalIdTaken(tx, p.isvId, input.externalId))) {
      throw DomainError.invalid([fieldIssue('externalId', 'already_exists')]);
    }
    const [row] = await tx
      .insert(products)
      .values({
        id: randomUUID(),
        isvId: p.isvId,
        name: input.name,
        externalId: input.externalId,
        createdAt: now,
      })
      .returning();
    const product = toAdminProduct(row as ProductRow);
    await recordAudit(tx, p, 'product.created', product.id, now, {
      name: input.name,
      externalId: input.externalId,
    });
    return product;
  });
}

/** The ISV's product `id`, locked for update; NOT_FOUND for another tenant's or a missing one. */
async function ownProduct(tx: Tx, p: IsvPrincipal, id: string): Promise<ProductRow> {
  const [row] = await tx
    .select()
    .from(products)
    .where(and(eq(products.isvId, p.isvId), eq(products.id, id)))
    .for('update');
  if (!row) throw new DomainError('NOT_FOUND', `No product ${id}`);
  return row;
}

/**
 * A new name for new opportunities: the ones made before keep the name they were made with
 * (opportunities copy it, so their sort stays an index scan).
 */
export function renameProduct(
  orm: Orm,
  p: IsvPrincipal,
  id: string,
  name: string,
  now: Date,
): Promise<AdminProduct> {
  return orm.transaction(async (tx) => {
    const before = await ownProduct(tx, p, id);
    const [row] = await tx.update(products).set({ name }).where(eq(products.id, id)).returning();
    await recordAudit(tx, p, 'product.renamed', id, now, { from: before.name, to: name });
    return toAdminProduct(row as ProductRow);
  });
}

export function archiveProduct(
  orm: Orm,
  p: IsvPrincipal,
  id: string,
  now: Date,
): Promise<AdminProduct> {
  return orm.transaction(async (tx) => {
    const before = await ownProduct(tx, p, id);
    if (before.archivedAt) return toAdminProduct(before);
    const [row] = await tx
      .update(products)
      .set({ archivedAt: now })
      .where(eq(products.id, id))
      .returning();
    await recordAudit(tx, p, 'product.archived', id, now);
    return toAdminProduct(row as ProductRow);
  });
}

/**
 * Catalog sync: the product with this externalId gets `name` (and is unarchived), or is
 * created. Concurrent upserts of one externalId meet on the unique index: one inserts, the
 * other updates.
 */
export function upsertProduct(
  orm: Orm,
  p: IsvPrincipal,
  input: UpsertProductInput,
  now: Date,
): Promise<{ product: AdminProduct; created: boolean }> {
  return orm.transaction(async (tx) => {
    const id = randomUUID();
    const [row] = await tx
      .insert(products)
      .values({
        id,
        isvId: p.isvId,
        name: input.name,
        externalId: input.externalId,
        createdAt: now,
      })
      .onConflictDoUpdate({
        target: [products.isvId, products.externalId],
        set: { name: input.name, archivedAt: null },
      })
      .returning();
    const product = toAdminProduct(row as ProductRow);
    const created = product.id === id;
    await recordAudit(tx, p, created ? 'product.created' : 'product.synced', product.id, now, {
      name: input.name,
      externalId: input.externalId,
    });
    return { product, created };
  });
}
