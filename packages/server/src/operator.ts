import { parseArgs } from 'node:util';
import { IdSchema, IsoInstantSchema, NameSchema, ORG_KINDS, type OrgKind } from '@resale-kit/core';
import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from './db/client.js';
import { apiKeys, isvs, resellers, users } from './db/schema.js';
import { DEMO_IDENTITIES } from './seed/index.js';
import type { Org } from './store/admin/audit.js';
import {
  type CreatedOrganization,
  createOrganization,
  findOrganization,
  listOrganizations,
  operatorCreateKey,
  operatorListKeys,
  operatorRevokeKey,
} from './store/admin/operator.js';
import { hashApiKey } from './store/auth.js';

/**
 * The operator's commands (`resale-kit-server init | orgs | keys`): straight on the database,
 * no network surface. Each is a function tests call in-process; the bin only parses argv,
 * opens the database and prints.
 */

/** Bad input on the command line: the bin prints it and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Out = (line: string) => void;

function fieldValue<T>(
  schema: { safeParse(v: unknown): { success: boolean; data?: T } },
  flag: string,
  value: string | undefined,
  rule: string,
): T {
  if (value === undefined) throw new UsageError(`${flag} is required (${rule})`);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new UsageError(`${flag} ${rule}, got ${JSON.stringify(value)}`);
  return parsed.data as T;
}

const kindOf = (v: string | undefined): OrgKind =>
  fieldValue(
    {
      safeParse: (x: unknown) =>
        (ORG_KINDS as readonly unknown[]).includes(x)
          ? { success: true, data: x as OrgKind }
          : { success: false },
    },
    '--kind',
    v,
    'must be isv or reseller',
  );
const nameOf = (flag: string, v: string | undefined): string =>
  fieldValue(NameSchema, flag, v, 'must be 1 to 100 characters');
const idOf = (flag: string, v: string | undefined): string =>
  fieldValue(IdSchema, flag, v, 'must be a UUID');

function parse(argv: readonly string[], options: Record<string, { type: 'string' | 'boolean' }>) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function printCreated(out: Out, created: CreatedOrganization): void {
  const { organization: o, admin, apiKey } = created;
  out(`Created ${o.kind === 'isv' ? 'ISV' : 'reseller'} "${o.name}" (id ${o.id})`);
  out(`Admin: ${admin.name} (user id ${admin.id})`);
  out(`Admin API key (shown once, store it now): ${apiKey.secret}`);
}

async function createOrg(db: Database, argv: readonly string[], out: Out, first: boolean) {
  const { values } = parse(argv, {
    kind: { type: 'string' },
    name: { type: 'string' },
    admin: { type: 'string' },
    email: { type: 'string' },
  });
  const input = {
    kind: kindOf(values.kind as string | undefined),
    name: nameOf('--name', values.name as string | undefined),
    adminName: nameOf('--admin', values.admin as string | undefined),
    adminEmail:
      values.email === undefined
        ? null
        : fieldValue<string>(
            z.email().max(254),
            '--email',
            values.email as string,
            'must be an e-mail address',
          ),
  };
  if (first) {
    const [isv] = await db.orm.select({ id: isvs.id }).from(isvs).limit(1);
    const [reseller] = await db.orm.select({ id: resellers.id }).from(resellers).limit(1);
    if (isv || reseller) {
      throw new UsageError(
        'init: this database already has organizations; add one with `orgs create`',
      );
    }
  }
  const created = await createOrganization(db.orm, input, new Date());
  printCreated(out, created);
  return created;
}

/** The organization a user belongs to, or a UsageError naming the flag. */
async function orgOfUser(db: Database, userId: string): Promise<Org> {
  const [u] = await db.orm
    .select({ isvId: users.isvId, resellerId: users.resellerId })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.removedAt)));
  if (!u) throw new UsageError(`--user: no active user ${userId}`);
  return u.isvId ? { kind: 'isv', id: u.isvId } : { kind: 'reseller', id: u.resellerId as string };
}

async function keys(db: Database, argv: readonly string[], out: Out): Promise<void> {
  const [sub, ...rest] = argv;
  const now = new Date();
  if (sub === 'create') {
    const { values } = parse(rest, {
      user: { type: 'string' },
      label: { type: 'string' },
      'expires-at': { type: 'string' },
    });
    const userId = idOf('--user', values.user as string | undefined);
    const label = nameOf('--label', values.label as string | undefined);
    const expires = values['expires-at'] as string | undefined;
    const expiresAt =
      expires === undefined
        ? null
        : fieldValue<string>(
            IsoInstantSchema,
            '--expires-at',
            expires,
            'must be an ISO 8601 instant',
          );
    if (expiresAt && new Date(expiresAt) <= now) {
      throw new UsageError('--expires-at must be in the future');
    }
    const org = await orgOfUser(db, userId);
    const created = await operatorCreateKey(db.orm, org, { userId, label, expiresAt }, now);
    out(`Created key ${created.key.id} (${created.key.prefix}...) for ${created.key.user.name}`);
    out(`API key (shown once, store it now): ${created.secret}`);
    return;
  }
  if (sub === 'list') {
    const { values } = parse(rest, { org: { type: 'string' } });
    const orgIds =
      values.org === undefined
        ? (await listOrganizations(db.orm)).map((o) => ({ kind: o.kind, id: o.id }))
        : [await requireOrg(db, idOf('--org', values.org as string))];
    for (const org of orgIds) {
      for (const k of await operatorListKeys(db.orm, org)) {
        const state =
          k.revokedAt && new Date(k.revokedAt) <= now
            ? 'revoked'
            : k.expiresAt && new Date(k.expiresAt) <= now
              ? 'expired'
              : 'active';
        out(
          [
            k.id,
            k.prefix ? `${k.prefix}...` : '(no prefix)',
            state,
            JSON.stringify(k.label ?? ''),
            `user ${k.user.name} (${k.user.id})`,
            `last used ${k.lastUsedAt ?? 'never'}`,
          ].join('  '),
        );
      }
    }
    return;
  }
  if (sub === 'revoke') {
    const { values, positionals } = parse(rest, { demo: { type: 'boolean' } });
    if (values.demo) {
      const n = await revokeDemoKeys(db, now);
      out(`Revoked ${n} demo key${n === 1 ? '' : 's'}`);
      return;
    }
    const id = idOf('<key id>', positionals[0]);
    const [row] = await db.orm
      .select({ isvId: users.isvId, resellerId: users.resellerId })
      .from(apiKeys)
      .innerJoin(users, eq(users.id, apiKeys.userId))
      .where(eq(apiKeys.id, id));
    if (!row) throw new UsageError(`<key id>: no API key ${id}`);
    const org: Org = row.isvId
      ? { kind: 'isv', id: row.isvId }
      : { kind: 'reseller', id: row.resellerId as string };
    const key = await operatorRevokeKey(db.orm, org, id, now);
    out(`Revoked key ${key.id} (${key.prefix ?? 'no prefix'}) at ${key.revokedAt}`);
    return;
  }
  throw new UsageError(`keys: expected create, list or revoke, got ${JSON.stringify(sub ?? '')}`);
}

async function requireOrg(db: Database, id: string): Promise<Org> {
  const org = await findOrganization(db.orm, id);
  if (!org) throw new UsageError(`--org: no organization ${id}`);
  return org;
}

/** The ids of the demo keys (rk_demo_...) still valid in this database. */
export async function validDemoKeyIds(db: Database, now: Date = new Date()): Promise<string[]> {
  const rows = await db.orm
    .select({ id: apiKeys.id })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .where(
      and(
        inArray(
          apiKeys.keyHash,
          DEMO_IDENTITIES.map((d) => hashApiKey(d.apiKey)),
        ),
        or(isNull(apiKeys.revokedAt), gt(apiKeys.revokedAt, now)),
        or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)),
        isNull(users.removedAt),
      ),
    );
  return rows.map((r) => r.id);
}

async function revokeDemoKeys(db: Database, now: Date): Promise<number> {
  let n = 0;
  for (const id of await validDemoKeyIds(db, now)) {
    const [row] = await db.orm
      .select({ isvId: users.isvId, resellerId: users.resellerId })
      .from(apiKeys)
      .innerJoin(users, eq(users.id, apiKeys.userId))
      .where(eq(apiKeys.id, id));
    if (!row) continue;
    const org: Org = row.isvId
      ? { kind: 'isv', id: row.isvId }
      : { kind: 'reseller', id: row.resellerId as string };
    await operatorRevokeKey(db.orm, org, id, now);
    n++;
  }
  return n;
}

/**
 * Runs one operator command on an open (migrated) database, writing its result through `out`.
 * Throws UsageError for bad input (the bin exits 2 with its message).
 */
export async function runOperatorCommand(
  db: Database,
  argv: readonly string[],
  out: Out,
): Promise<void> {
  const [command, ...rest] = argv;
  if (command === 'init') {
    await createOrg(db, rest, out, true);
    return;
  }
  if (command === 'orgs') {
    const [sub, ...more] = rest;
    if (sub === 'list') {
      parse(more, {});
      for (const o of await listOrganizations(db.orm)) {
        out(
          `${o.id}  ${o.kind.padEnd(8)}  ${JSON.stringify(o.name)}  ${o.users} user${o.users === 1 ? '' : 's'}`,
        );
      }
      return;
    }
    if (sub === 'create') {
      await createOrg(db, more, out, false);
      return;
    }
    throw new UsageError(`orgs: expected list or create, got ${JSON.stringify(sub ?? '')}`);
  }
  if (command === 'keys') return keys(db, rest, out);
  throw new UsageError(`unknown command ${JSON.stringify(command ?? '')}`);
}
