import type { Role } from '@resale-kit/core';
import type { Tx } from '../db/client.js';
import { apiKeys, isvResellers, isvs, products, resellers, users } from '../db/schema.js';
import { keyPrefix as demoKeyPrefix, hashApiKey } from '../store/auth.js';
import { demoId } from './ids.js';

/**
 * Who can sign in to the demo: one admin per ISV and per reseller, and for Acme a member and a
 * viewer too, so each role can be tried.
 */
export interface DemoIdentity {
  label: string;
  kind: 'isv' | 'reseller';
  role: Role;
  /** The user's display name. */
  name: string;
  /** The organisation (ISV or reseller) the user belongs to. */
  organization: string;
  apiKey: string;
}

export const DEMO_ISVS = [
  {
    key: 'acme',
    name: 'Acme Software',
    admin: 'Alice Admin',
    products: [
      'Acme Observability Suite',
      'Acme Data Pipeline',
      'Acme Secure Gateway',
      'Acme Backup Vault',
    ],
    resellers: ['northwind', 'contoso', 'initech'],
  },
  {
    key: 'globex',
    name: 'Globex Analytics',
    admin: 'Gina Globex',
    products: ['Globex Insights', 'Globex Forecast'],
    resellers: ['contoso', 'umbrella'],
  },
] as const;

export const DEMO_RESELLERS = [
  { key: 'northwind', name: 'Northwind Partners', user: 'Nora North' },
  { key: 'contoso', name: 'Contoso Channel', user: 'Carl Contoso' },
  { key: 'initech', name: 'Initech Resale', user: 'Ian Initech' },
  { key: 'umbrella', name: 'Umbrella Distribution', user: 'Uma Umbrella' },
] as const;

/** Acme's other users: one per role besides its admin. */
export const DEMO_ISV_STAFF = [
  { role: 'member', name: 'Mia Member' },
  { role: 'viewer', name: 'Victor Viewer' },
] as const;

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  ...DEMO_ISVS.map((i) => ({
    label: `${i.name} admin`,
    kind: 'isv' as const,
    role: 'admin' as const,
    name: i.admin,
    organization: i.name,
    apiKey: `rk_demo_isv_${i.key}_admin`,
  })),
  ...DEMO_RESELLERS.map((r) => ({
    label: `${r.name} user`,
    kind: 'reseller' as const,
    role: 'admin' as const,
    name: r.user,
    organization: r.name,
    apiKey: `rk_demo_reseller_${r.key}`,
  })),
  ...DEMO_ISV_STAFF.map((s) => ({
    label: `${DEMO_ISVS[0].name} ${s.role}`,
    kind: 'isv' as const,
    role: s.role,
    name: s.name,
    organization: DEMO_ISVS[0].name,
    apiKey: `rk_demo_isv_acme_${s.role}`,
  })),
];

export const ids = {
  isv: (key: string) => demoId(`isv:${key}`),
  reseller: (key: string) => demoId(`reseller:${key}`),
  isvUser: (key: string) => demoId(`user:isv:${key}`),
  staffUser: (role: string) => demoId(`user:isv:acme:${role}`),
  resellerUser: (key: string) => demoId(`user:reseller:${key}`),
  product: (name: string) => demoId(`product:${name}`),
};

/** ISVs, resellers, partnerships, users, API keys and products. */
export async function seedTenants(tx: Tx, createdAt: Date): Promise<void> {
  await tx
    .insert(resellers)
    .values(DEMO_RESELLERS.map((r) => ({ id: ids.reseller(r.key), name: r.name, createdAt })));
  await tx
    .insert(isvs)
    .values(DEMO_ISVS.map((i) => ({ id: ids.isv(i.key), name: i.name, createdAt })));
  await tx
    .insert(isvResellers)
    .values(
      DEMO_ISVS.flatMap((i) =>
        i.resellers.map((r) => ({ isvId: ids.isv(i.key), resellerId: ids.reseller(r) })),
      ),
    );
  await tx.insert(users).values([
    ...DEMO_ISVS.map((i) => ({
      id: ids.isvUser(i.key),
      name: i.admin,
      isvId: ids.isv(i.key),
      role: 'admin',
      createdAt,
    })),
    ...DEMO_RESELLERS.map((r) => ({
      id: ids.resellerUser(r.key),
      name: r.user,
      resellerId: ids.reseller(r.key),
      role: 'admin',
      createdAt,
    })),
    ...DEMO_ISV_STAFF.map((s) => ({
      id: ids.staffUser(s.role),
      name: s.name,
      isvId: ids.isv(DEMO_ISVS[0].key),
      role: s.role,
      createdAt,
    })),
  ]);
  await tx.insert(apiKeys).values(
    DEMO_IDENTITIES.map((d, n) => {
      const staff = /^rk_demo_isv_acme_(member|viewer)$/.exec(d.apiKey)?.[1];
      const key = d.apiKey.replace(/^rk_demo_(isv|reseller)_/, '').replace(/_admin$/, '');
      const userId = staff
        ? ids.staffUser(staff)
        : d.kind === 'isv'
          ? ids.isvUser(key)
          : ids.resellerUser(key);
      return {
        id: demoId(`api-key:${n}`),
        userId,
        keyHash: hashApiKey(d.apiKey),
        prefix: demoKeyPrefix(d.apiKey),
        label: d.label,
        createdAt,
      };
    }),
  );
  await tx.insert(products).values(
    DEMO_ISVS.flatMap((i) =>
      i.products.map((name) => ({
        id: ids.product(name),
        isvId: ids.isv(i.key),
        name,
        createdAt,
      })),
    ),
  );
}
