import type { Principal } from './schemas.js';
import type { OrgKind, Role } from './vocabulary.js';

/**
 * Who may do what: the one table every procedure consults (domain.md, "Organizations, users,
 * roles and keys"). For each permission, the roles that hold it in each kind of organization;
 * a kind with no roles never holds it.
 */
const ALL: readonly Role[] = ['admin', 'member', 'viewer'];
const WRITERS: readonly Role[] = ['admin', 'member'];
const ADMINS: readonly Role[] = ['admin'];
const NONE: readonly Role[] = [];

export const PERMISSIONS = {
  /** me, products.list, resellers.list, opportunities.list / get. */
  read: { isv: ALL, reseller: ALL },
  'opportunities.summary': { isv: ALL, reseller: NONE },
  /** create, clone, deactivate. */
  'opportunities.write': { isv: WRITERS, reseller: NONE },
  'offers.create': { isv: NONE, reseller: WRITERS },
  /** The ISV's catalog and partners, read in the admin router. */
  'catalog.read': { isv: ALL, reseller: NONE },
  'products.manage': { isv: ADMINS, reseller: NONE },
  'partners.manage': { isv: ADMINS, reseller: NONE },
  /** A reseller admin redeems an ISV's invitation code. */
  'partners.redeem': { isv: NONE, reseller: ADMINS },
  /** Users and API keys of one's own organization, and its audit trail. */
  'organization.manage': { isv: ADMINS, reseller: ADMINS },
} as const satisfies Record<string, Record<OrgKind, readonly Role[]>>;

export type Permission = keyof typeof PERMISSIONS;

/** True when the principal's organization kind and role hold `permission`. */
export function can(principal: Pick<Principal, 'kind' | 'role'>, permission: Permission): boolean {
  return (PERMISSIONS[permission][principal.kind] as readonly Role[]).includes(principal.role);
}

/** Why `can` said no, in English: the kind that may, or the roles that may. */
export function forbiddenMessage(
  principal: Pick<Principal, 'kind' | 'role'>,
  permission: Permission,
): string {
  const rule = PERMISSIONS[permission];
  const roles = rule[principal.kind] as readonly Role[];
  if (roles.length === 0) {
    return principal.kind === 'isv'
      ? 'Only a reseller user may do this'
      : 'Only an ISV user may do this';
  }
  return `Your role (${principal.role}) may not do this: it takes ${roles.join(' or ')}`;
}
