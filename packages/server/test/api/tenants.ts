import type { Database } from '../../src/db/index.js';
import { apiKeys, isvResellers, isvs, products, resellers, users } from '../../src/db/schema.js';
import { hashApiKey } from '../../src/store/index.js';

/**
 * The tenants the API tests play with, written straight into the real schema: two ISVs, three
 * resellers, a user and an API key for each. Opportunities are then made through the API.
 * ISV A works with resellers 1 and 2; ISV B with resellers 1 and 3.
 */
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;

export const T = {
  isvA: uuid(1),
  isvB: uuid(2),
  reseller1: uuid(11),
  reseller2: uuid(12),
  reseller3: uuid(13),
  productA1: uuid(21),
  productA2: uuid(22),
  productB1: uuid(31),
  userIsvA: uuid(41),
  userIsvB: uuid(42),
  userReseller1: uuid(43),
  userReseller2: uuid(44),
  userIsvAMember: uuid(45),
  userIsvAViewer: uuid(46),
  userReseller1Member: uuid(47),
  userReseller1Viewer: uuid(48),
  /** A reseller nobody works with yet: partners link and unlink it. */
  reseller4: uuid(14),
} as const;

export const KEYS = {
  isvA: 'rk_test_isv_a_0123456789abcdef',
  isvB: 'rk_test_isv_b_0123456789abcdef',
  reseller1: 'rk_test_reseller_1_0123456789ab',
  reseller2: 'rk_test_reseller_2_0123456789ab',
  isvAMember: 'rk_test_isv_a_member_0123456789',
  isvAViewer: 'rk_test_isv_a_viewer_0123456789',
  reseller1Member: 'rk_test_reseller_1_member_01234',
  reseller1Viewer: 'rk_test_reseller_1_viewer_01234',
} as const;

export type Role = keyof typeof KEYS | 'none';

export async function insertTenants(db: Database): Promise<void> {
  const { orm } = db;
  await orm.insert(isvs).values([
    { id: T.isvA, name: 'ISV A' },
    { id: T.isvB, name: 'ISV B' },
  ]);
  await orm.insert(resellers).values([
    { id: T.reseller1, name: 'Reseller One' },
    { id: T.reseller2, name: 'Reseller Two' },
    { id: T.reseller3, name: 'Reseller Three' },
    { id: T.reseller4, name: 'Reseller Four' },
  ]);
  await orm.insert(isvResellers).values([
    { isvId: T.isvA, resellerId: T.reseller1 },
    { isvId: T.isvA, resellerId: T.reseller2 },
    { isvId: T.isvB, resellerId: T.reseller1 },
    { isvId: T.isvB, resellerId: T.reseller3 },
  ]);
  await orm.insert(products).values([
    { id: T.productA1, isvId: T.isvA, name: 'A Analytics' },
    { id: T.productA2, isvId: T.isvA, name: 'A Backup' },
    { id: T.productB1, isvId: T.isvB, name: 'B Compute' },
  ]);
  await orm.insert(users).values([
    { id: T.userIsvA, name: 'Alice (ISV A)', isvId: T.isvA, role: 'admin' },
    { id: T.userIsvB, name: 'Bob (ISV B)', isvId: T.isvB, role: 'admin' },
    { id: T.userReseller1, name: 'Rita (Reseller One)', resellerId: T.reseller1, role: 'admin' },
    { id: T.userReseller2, name: 'Ravi (Reseller Two)', resellerId: T.reseller2, role: 'admin' },
    { id: T.userIsvAMember, name: 'Mo (ISV A member)', isvId: T.isvA, role: 'member' },
    { id: T.userIsvAViewer, name: 'Vi (ISV A viewer)', isvId: T.isvA, role: 'viewer' },
    {
      id: T.userReseller1Member,
      name: 'Mel (Reseller One member)',
      resellerId: T.reseller1,
      role: 'member',
    },
    {
      id: T.userReseller1Viewer,
      name: 'Val (Reseller One viewer)',
      resellerId: T.reseller1,
      role: 'viewer',
    },
  ]);
  await orm.insert(apiKeys).values([
    { id: uuid(51), userId: T.userIsvA, keyHash: hashApiKey(KEYS.isvA) },
    { id: uuid(52), userId: T.userIsvB, keyHash: hashApiKey(KEYS.isvB) },
    { id: uuid(53), userId: T.userReseller1, keyHash: hashApiKey(KEYS.reseller1) },
    { id: uuid(54), userId: T.userReseller2, keyHash: hashApiKey(KEYS.reseller2) },
    { id: uuid(55), userId: T.userIsvAMember, keyHash: hashApiKey(KEYS.isvAMember) },
    { id: uuid(56), userId: T.userIsvAViewer, keyHash: hashApiKey(KEYS.isvAViewer) },
    { id: uuid(57), userId: T.userReseller1Member, keyHash: hashApiKey(KEYS.reseller1Member) },
    { id: uuid(58), userId: T.userReseller1Viewer, keyHash: hashApiKey(KEYS.reseller1Viewer) },
  ]);
}
