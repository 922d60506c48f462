import {
  deriveStatus,
  instantToEndDate,
  type Opportunity,
  type Principal,
  type Status,
} from '@resale-kit/core';
import { eq, type SQL } from 'drizzle-orm';
import { opportunities as o } from '../db/schema.js';
import { statusCaseSql } from '../db/status-sql.js';

/** The columns read for the wire shape (status added by SQL where it is needed). */
export const opportunityColumns = {
  id: o.id,
  isvId: o.isvId,
  name: o.name,
  description: o.description,
  productId: o.productId,
  productName: o.productName,
  resellerId: o.resellerId,
  resellerName: o.resellerName,
  discountBps: o.discountBps,
  durationType: o.durationType,
  endAt: o.endAt,
  restrictedAt: o.restrictedAt,
  timesUsed: o.timesUsed,
  createdAt: o.createdAt,
  clonedFromId: o.clonedFromId,
};

export type OpportunityRow = typeof o.$inferSelect;
export type WireRow = Pick<OpportunityRow, keyof typeof opportunityColumns> & { status?: Status };

/** The columns plus the SQL status expression (built from core's rule) at `now`. */
export function opportunityColumnsWithStatus(now: Date) {
  return { ...opportunityColumns, status: statusCaseSql(o, now) };
}

/** The fields core's status rule reads, from a row. */
export function statusFields(
  row: Pick<OpportunityRow, 'durationType' | 'endAt' | 'restrictedAt' | 'timesUsed'>,
) {
  return {
    durationType: row.durationType as Opportunity['durationType'],
    endDate: row.endAt ? instantToEndDate(row.endAt) : null,
    restrictedAt: row.restrictedAt ? row.restrictedAt.toISOString() : null,
    timesUsed: row.timesUsed,
  };
}

/** A row in core's wire shape; the status is the SQL one when selected, else core's. */
export function toOpportunity(row: WireRow, now: Date): Opportunity {
  const fields = statusFields(row);
  return {
    id: row.id,
    isvId: row.isvId,
    name: row.name,
    description: row.description,
    productId: row.productId,
    productName: row.productName,
    resellerId: row.resellerId,
    resellerName: row.resellerName,
    discount: { type: 'percentage', percent: row.discountBps / 100 },
    ...fields,
    createdAt: row.createdAt.toISOString(),
    clonedFromId: row.clonedFromId,
    status: row.status ?? deriveStatus(fields, now),
  };
}

/** Tenancy: an ISV sees its own rows, a reseller the rows that target it. */
export function visibleTo(p: Principal): SQL {
  return p.kind === 'isv' ? eq(o.isvId, p.isvId) : eq(o.resellerId, p.resellerId);
}

/** Percent (at most 2 decimals) -> integer basis points. */
export const toBps = (percent: number): number => Math.round(percent * 100);
