import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { conditionSql, openPredicateSql, statusPredicateSql } from './status-sql.js';

// Millisecond precision, like JS dates: keyset cursors carry exact values.
const instant = (name: string) =>
  timestamp(name, { withTimezone: true, mode: 'date', precision: 3 });
const createdAt = () => instant('created_at').notNull().defaultNow();

/** The tenants: each record belongs to exactly one ISV. */
export const isvs = pgTable('isvs', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const resellers = pgTable('resellers', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

/**
 * Which resellers an ISV works with: the only resellers its new opportunities may target. An
 * unlinked partner keeps its row (`unlinked_at` set), so the opportunities that target it stay
 * valid; linking it again clears `unlinked_at`.
 */
export const isvResellers = pgTable(
  'isv_resellers',
  {
    isvId: uuid('isv_id')
      .notNull()
      .references(() => isvs.id),
    resellerId: uuid('reseller_id')
      .notNull()
      .references(() => resellers.id),
    linkedAt: instant('linked_at').notNull().defaultNow(),
    unlinkedAt: instant('unlinked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.isvId, t.resellerId] }),
    index('isv_resellers_reseller_idx').on(t.resellerId),
  ],
);

export const ROLE_SQL = sql.raw(`('admin', 'member', 'viewer')`);

/**
 * A user of exactly one ISV or of exactly one reseller, with a role. A removed user keeps its
 * row (opportunities and the audit trail name it) with `removed_at` set; its keys stop working.
 * `subject` is the user's id in the host portal's sign-in (a JWT's `sub`), unique per org.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    isvId: uuid('isv_id').references(() => isvs.id),
    resellerId: uuid('reseller_id').references(() => resellers.id),
    role: text('role').notNull().default('member'),
    email: text('email'),
    subject: text('subject'),
    removedAt: instant('removed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('users_one_org', sql`num_nonnulls(${t.isvId}, ${t.resellerId}) = 1`),
    check('users_role', sql`${t.role} in ${ROLE_SQL}`),
    index('users_isv_idx').on(t.isvId),
    index('users_reseller_idx').on(t.resellerId),
    uniqueIndex('users_isv_subject_idx').on(t.isvId, t.subject),
    uniqueIndex('users_reseller_subject_idx').on(t.resellerId, t.subject),
  ],
);

/** API keys are high-entropy random strings, so a plain sha256 (hex) is enough to store them. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    keyHash: text('key_hash').notNull(),
    /** The key's first characters, shown to tell keys apart; null for keys made before 0005. */
    prefix: text('prefix'),
    label: text('label'),
    createdAt: createdAt(),
    createdBy: uuid('created_by').references(() => users.id),
    expiresAt: instant('expires_at'),
    lastUsedAt: instant('last_used_at'),
    /** When the key stops working: now when revoked, later during a rotation's grace period. */
    revokedAt: instant('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('api_keys_key_hash_idx').on(t.keyHash),
    index('api_keys_user_idx').on(t.userId),
  ],
);

/** An ISV's invitation a reseller admin redeems to become its partner; the code is hashed. */
export const partnerInvitations = pgTable(
  'partner_invitations',
  {
    id: uuid('id').primaryKey(),
    isvId: uuid('isv_id')
      .notNull()
      .references(() => isvs.id),
    codeHash: text('code_hash').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    redeemedAt: instant('redeemed_at'),
    redeemedBy: uuid('redeemed_by').references(() => resellers.id),
  },
  (t) => [uniqueIndex('partner_invitations_code_hash_idx').on(t.codeHash)],
);

/**
 * What admins did to their organization (products, partners, users, keys) and who did it.
 * `org_id` is the ISV's or the reseller's id; append-only.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    orgKind: text('org_kind').notNull(),
    orgId: uuid('org_id').notNull(),
    /** Null when the operator did it from the CLI. */
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    targetId: text('target_id'),
    at: instant('at').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    check('audit_log_org_kind', sql`${t.orgKind} in ('isv', 'reseller')`),
    index('audit_log_org_idx').on(t.orgId, t.seq),
  ],
);

/**
 * Secrets every server process on this database shares, created on first use: `cursor` signs
 * list cursors (HMAC), so a cursor issued by one process is accepted by the others.
 */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey(),
    isvId: uuid('isv_id')
      .notNull()
      .references(() => isvs.id),
    name: text('name').notNull(),
    /** The product's id in the ISV's own system (an AWS Marketplace product id): sync key. */
    externalId: text('external_id'),
    /** An archived product takes no new opportunities; existing ones are untouched. */
    archivedAt: instant('archived_at'),
    createdAt: createdAt(),
  },
  (t) => [
    // (isv_id, id) lets opportunities reference a product *of the same ISV*.
    unique('products_isv_id_key').on(t.isvId, t.id),
    uniqueIndex('products_isv_external_id_idx').on(t.isvId, t.externalId),
  ],
);

export const DURATION_TYPE_SQL = sql.raw(`('single-use', 'specific-duration', 'no-set-duration')`);

/**
 * Opportunities. Status is never stored: it is derived in SQL by status-sql.ts. `end_at` is
 * the end of the end date's day (UTC), stored so the clock-dependent part of the status is an
 * indexable range. Product and reseller names are copied in (they never change) so sorting by
 * them is an index scan, not a join.
 */
export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid('id').primaryKey(),
    isvId: uuid('isv_id')
      .notNull()
      .references(() => isvs.id),
    productId: uuid('product_id').notNull(),
    productName: text('product_name').notNull(),
    resellerId: uuid('reseller_id')
      .notNull()
      .references(() => resellers.id),
    resellerName: text('reseller_name').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** Percent x 100: exact, integer, sortable (12.5% -> 1250). */
    discountBps: integer('discount_bps').notNull(),
    durationType: text('duration_type').notNull(),
    endAt: instant('end_at'),
    restrictedAt: instant('restricted_at'),
    timesUsed: integer('times_used').notNull().default(0),
    createdAt: createdAt(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    clonedFromId: uuid('cloned_from_id'),
  },
  (t) => {
    const cond = conditionSql(t, null);
    return [
      foreignKey({
        name: 'opportunities_product_same_isv_fk',
        columns: [t.isvId, t.productId],
        foreignColumns: [products.isvId, products.id],
      }),
      foreignKey({
        name: 'opportunities_reseller_partner_fk',
        columns: [t.isvId, t.resellerId],
        foreignColumns: [isvResellers.isvId, isvResellers.resellerId],
      }),
      foreignKey({
        name: 'opportunities_cloned_from_fk',
        columns: [t.clonedFromId],
        foreignColumns: [t.id],
      }),
      check('opportunities_duration_type', sql`${t.durationType} in ${DURATION_TYPE_SQL}`),
      check('opportunities_discount', sql`${t.discountBps} between 1 and 10000`),
      check('opportunities_times_used', sql`${t.timesUsed} >= 0`),
      check(
        'opportunities_single_use_once',
        sql`${t.durationType} <> 'single-use' or ${t.timesUsed} <= 1`,
      ),
      check(
        'opportunities_end_at_by_type',
        sql`(${t.durationType} <> 'specific-duration' or ${t.endAt} is not null) and (${t.durationType} <> 'no-set-duration' or ${t.endAt} is null)`,
      ),
      // Keyset paging per tenant: one index per sort column, id as the tie-break.
      index('opp_isv_created_idx').on(t.isvId, t.createdAt, t.id),
      index('opp_isv_name_idx').on(t.isvId, t.name, t.id),
      index('opp_isv_product_name_idx').on(t.isvId, t.productName, t.id),
      index('opp_isv_reseller_name_idx').on(t.isvId, t.resellerName, t.id),
      index('opp_isv_times_used_idx').on(t.isvId, t.timesUsed, t.id),
      index('opp_isv_discount_idx').on(t.isvId, t.discountBps, t.id),
      // Sorting by end date: no end sorts last, as in store/list.ts (same expression).
      index('opp_isv_end_idx').on(
        t.isvId,
        sql`coalesce(${t.endAt}, 'infinity'::timestamptz)`,
        t.id,
      ),
      index('opp_isv_id_idx').on(t.isvId, t.id),
      index('opp_isv_product_idx').on(t.isvId, t.productId, t.createdAt),
      index('opp_isv_reseller_idx').on(t.isvId, t.resellerId, t.createdAt),
      index('opp_reseller_created_idx').on(t.resellerId, t.createdAt, t.id),
      index('opp_reseller_id_idx').on(t.resellerId, t.id),
      // Free text: name ILIKE '%q%' (trigrams) or an id prefix (id::text LIKE 'q%').
      index('opp_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
      index('opp_id_text_idx').on(sql`(${t.id}::text) text_pattern_ops`),
      // Status filters: one partial index per clock-free class, predicates built by status-sql.
      index('opp_isv_restricted_idx').on(t.isvId, t.createdAt).where(cond.restricted),
      index('opp_isv_complete_idx')
        .on(t.isvId, t.createdAt)
        .where(statusPredicateSql(t, 'complete', null)),
      index('opp_isv_open_end_idx').on(t.isvId, t.endAt).where(openPredicateSql(t)),
      // Sort by status: each status is a segment read in id order (store/status-sort.ts). The
      // clock-free ones get their own (isv_id, id) index, so a page never walks other rows to
      // find them; Active and Expired (open rows, split by end_at at `now`) walk
      // opp_isv_id_idx. Rows only enter these two classes (deactivation, a single use), so
      // creates and multi-use uses, the frequent writes, never touch them.
      index('opp_isv_restricted_id_idx').on(t.isvId, t.id).where(cond.restricted),
      index('opp_isv_complete_id_idx')
        .on(t.isvId, t.id)
        .where(statusPredicateSql(t, 'complete', null)),
    ];
  },
);

/** CPPOs. The idempotency key is unique per reseller: a repeat returns the first offer. */
export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id),
    resellerId: uuid('reseller_id')
      .notNull()
      .references(() => resellers.id),
    buyerAccountId: text('buyer_account_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    /** Insertion order: a stable tie-break for offers made at the same instant. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    uniqueIndex('offers_reseller_key_idx').on(t.resellerId, t.idempotencyKey),
    index('offers_opportunity_idx').on(t.opportunityId, t.createdAt),
  ],
);

/** Append-only audit history of an opportunity. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey(),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id),
    isvId: uuid('isv_id')
      .notNull()
      .references(() => isvs.id),
    type: text('type').notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    at: instant('at').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>(),
    /** Insertion order: a stable tie-break for events recorded at the same instant. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [
    check('events_type', sql`${t.type} in ('created', 'cloned', 'used', 'deactivated')`),
    index('events_opportunity_idx').on(t.opportunityId, t.at),
  ],
);

/**
 * Summary counters, kept in the same transactions that change opportunities. The clock-free
 * classes are plain counts; "open" rows (neither restricted nor complete) with an end date
 * live in isv_open_end_counts, so expired / expiring are a range sum over a few rows.
 */
export const isvCounters = pgTable('isv_counters', {
  isvId: uuid('isv_id')
    .primaryKey()
    .references(() => isvs.id),
  total: integer('total').notNull().default(0),
  restricted: integer('restricted').notNull().default(0),
  complete: integer('complete').notNull().default(0),
  openNoEnd: integer('open_no_end').notNull().default(0),
});

export const isvOpenEndCounts = pgTable(
  'isv_open_end_counts',
  {
    isvId: uuid('isv_id')
      .notNull()
      .references(() => isvs.id),
    endAt: instant('end_at').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.isvId, t.endAt] })],
);
