import type { ApiKeyInfo, AuditEntry, Opportunity } from '@resale-kit/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type Api, describeEachDriver, NOW, openApi } from './harness.js';
import { T } from './tenants.js';

/**
 * The admin router's behaviour beyond who may call it (matrix.test.ts): keys, users, the
 * catalog and partners, through HTTP with the server's principal cache on (10 s by default),
 * so "at once" below means the cache was cleared, not that it expired.
 */
const later = (ms: number) => new Date(NOW.getTime() + ms);

describeEachDriver('admin API', (driver) => {
  let api: Api;
  beforeAll(async () => {
    api = await openApi(driver);
  });
  afterAll(() => api?.close());

  const newKey = async (label: string, userId?: string) =>
    api.must<{ key: ApiKeyInfo; secret: string }>('isvA', 'admin.apiKeys.create', {
      label,
      ...(userId ? { userId } : {}),
    });
  const meAs = (key: string) => api.call('http', { key }, 'me');

  test('a key is shown once: list gives its prefix, never the secret; it works at once', async () => {
    const created = await newKey('ci deploy');
    expect(created.secret).toMatch(/^rk_[A-Za-z0-9_-]{32}$/);
    expect(created.key.prefix).toBe(created.secret.slice(0, 11));
    expect(await meAs(created.secret)).toMatchObject({
      ok: true,
      value: { principal: { isvId: T.isvA } },
    });
    const listed = await api.must<ApiKeyInfo[]>('isvA', 'admin.apiKeys.list');
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(listed.find((k) => k.id === created.key.id)).toMatchObject({
      label: 'ci deploy',
      user: { id: T.userIsvA },
      revokedAt: null,
    });
  });

  test('a revoked key is refused on the very next request', async () => {
    const { key, secret } = await newKey('to revoke');
    expect(await meAs(secret)).toMatchObject({ ok: true }); // now cached
    expect(await api.call('http', 'isvA', 'admin.apiKeys.revoke', { id: key.id })).toMatchObject({
      ok: true,
      value: { revokedAt: NOW.toISOString() },
    });
    expect(await meAs(secret)).toMatchObject({ ok: false, domainCode: 'UNAUTHORIZED' });
    const audit = await api.must<AuditEntry[]>('isvA', 'admin.audit', {});
    expect(
      audit.find((a) => a.action === 'api_key.revoked' && a.targetId === key.id),
    ).toMatchObject({
      actor: { userId: T.userIsvA, name: 'Alice (ISV A)' },
    });
  });

  test('a removed user and its keys stop at once; a role change applies at once', async () => {
    const user = await api.must<{ id: string }>('isvA', 'admin.users.create', {
      name: 'Temp',
      email: 'temp@example.com',
      role: 'member',
    });
    const { secret } = await newKey('temp key', user.id);
    const create = {
      name: 'By temp',
      productIds: [T.productA1],
      resellerIds: [T.reseller1],
      discount: { type: 'percentage', percent: 1 },
      durationType: 'no-set-duration',
    };
    expect(await api.call('http', { key: secret }, 'opportunities.create', create)).toMatchObject({
      ok: true,
    });
    await api.must('isvA', 'admin.users.changeRole', { userId: user.id, role: 'viewer' });
    expect(await api.call('http', { key: secret }, 'opportunities.create', create)).toMatchObject({
      ok: false,
      domainCode: 'FORBIDDEN',
    });
    expect(await api.must('isvA', 'admin.users.remove', { userId: user.id })).toMatchObject({
      keysRevoked: 1,
    });
    expect(await meAs(secret)).toMatchObject({ ok: false, domainCode: 'UNAUTHORIZED' });
    const users = await api.must<{ id: string }[]>('isvA', 'admin.users.list');
    expect(users.map((u) => u.id)).not.toContain(user.id);
  });

  test('rotate: the new key works, the old one for its grace period only', async () => {
    const old = await newKey('rotating');
    const rotated = await api.must<{ key: ApiKeyInfo; secret: string; previous: ApiKeyInfo }>(
      'isvA',
      'admin.apiKeys.rotate',
      { id: old.key.id, graceSeconds: 60 },
    );
    expect(rotated.key.label).toBe('rotating');
    expect(rotated.previous.revokedAt).toBe(later(60_000).toISOString());
    expect(await meAs(rotated.secret)).toMatchObject({ ok: true });
    expect(await meAs(old.secret)).toMatchObject({ ok: true });
    const at = (ms: number, key: string) => api.callAt(later(ms), { key }, 'me');
    expect(await at(59_999, old.secret)).toMatchObject({ ok: true });
    expect(await at(60_000, old.secret)).toMatchObject({ ok: false, domainCode: 'UNAUTHORIZED' });
    expect(await at(60_000, rotated.secret)).toMatchObject({ ok: true });
    // A key already past its grace period cannot be rotated again.
    const again = await api.callAt(later(61_000), 'isvA', 'admin.apiKeys.rotate', {
      id: old.key.id,
    });
    expect(again).toMatchObject({ ok: false, domainCode: 'CONFLICT' });
  });

  test('an expiring key stops at its expiry; an expiry in the past is refused', async () => {
    const { secret } = await api.must<{ secret: string }>('isvA', 'admin.apiKeys.create', {
      label: 'short',
      expiresAt: later(3_600_000).toISOString(),
    });
    expect(await api.callAt(later(3_599_999), { key: secret }, 'me')).toMatchObject({ ok: true });
    expect(await api.callAt(later(3_600_000), { key: secret }, 'me')).toMatchObject({
      ok: false,
      domainCode: 'UNAUTHORIZED',
    });
    const past = await api.call('http', 'isvA', 'admin.apiKeys.create', {
      label: 'past',
      expiresAt: later(-1).toISOString(),
    });
    expect(past).toMatchObject({
      ok: false,
      issues: [{ field: 'expiresAt', code: 'not_in_future' }],
    });
  });

  test('catalog: externalId is unique per ISV and upsert syncs by it', async () => {
    const first = await api.must<{ product: { id: string }; created: boolean }>(
      'isvA',
      'admin.products.upsert',
      { externalId: 'prod-abc123', name: 'Synced v1' },
    );
    const second = await api.must<{ product: { id: string; name: string }; created: boolean }>(
      'isvA',
      'admin.products.upsert',
      { externalId: 'prod-abc123', name: 'Synced v2' },
    );
    expect(first.created).toBe(true);
    expect(second).toMatchObject({
      created: false,
      product: { id: first.product.id, name: 'Synced v2' },
    });
    const dup = await api.call('http', 'isvA', 'admin.products.create', {
      name: 'Dup',
      externalId: 'prod-abc123',
    });
    expect(dup).toMatchObject({
      ok: false,
      issues: [{ field: 'externalId', code: 'already_exists' }],
    });
    // Another ISV may use the same external id for its own product.
    expect(
      await api.call('http', 'isvB', 'admin.products.upsert', {
        externalId: 'prod-abc123',
        name: 'B',
      }),
    ).toMatchObject({ ok: true, value: { created: true } });
    const bad = await api.call('http', 'isvA', 'admin.products.create', { name: '  ' });
    expect(bad).toMatchObject({ ok: false, issues: [{ field: 'name', code: 'required' }] });
  });

  test('an archived product takes no new opportunities; existing ones are untouched', async () => {
    const product = await api.must<{ id: string }>('isvA', 'admin.products.create', {
      name: 'Old',
    });
    const input = {
      name: 'On old product',
      productIds: [product.id],
      resellerIds: [T.reseller1],
      discount: { type: 'percentage', percent: 2 },
      durationType: 'no-set-duration',
    };
    const [opp] = await api.must<Opportunity[]>('isvA', 'opportunities.create', input);
    await api.must('isvA', 'admin.products.archive', { id: product.id });
    expect(await api.call('http', 'isvA', 'opportunities.create', input)).toMatchObject({
      ok: false,
      issues: [{ field: 'productIds.0', code: 'archived' }],
    });
    expect(await api.call('http', 'isvA', 'opportunities.clone', { id: opp?.id })).toMatchObject({
      ok: false,
      issues: [{ field: 'productId', code: 'archived' }],
    });
    expect(await api.call('http', 'isvA', 'opportunities.get', { id: opp?.id })).toMatchObject({
      ok: true,
      value: { opportunity: { status: 'active' } },
    });
    const listed = await api.must<{ id: string }[]>('isvA', 'admin.products.list', {});
    expect(listed.map((p) => p.id)).not.toContain(product.id);
  });

  test('partners: invite, redeem once, unlink (existing opportunities stay usable)', async () => {
    const inv = await api.must<{ code: string }>('isvB', 'admin.partners.createInvitation', {});
    expect(
      await api.call('http', 'reseller2', 'admin.partners.redeem', { code: inv.code }),
    ).toMatchObject({
      ok: true,
      value: { isvId: T.isvB, isvName: 'ISV B' },
    });
    expect(
      await api.call('http', 'reseller1', 'admin.partners.redeem', { code: inv.code }),
    ).toMatchObject({
      ok: false,
      domainCode: 'NOT_FOUND',
    });
    const partners = await api.must<{ resellerId: string; unlinkedAt: string | null }[]>(
      'isvB',
      'admin.partners.list',
    );
    expect(partners.find((p) => p.resellerId === T.reseller2)).toMatchObject({ unlinkedAt: null });

    const input = {
      name: 'Before unlink',
      productIds: [T.productB1],
      resellerIds: [T.reseller2],
      discount: { type: 'percentage', percent: 4 },
      durationType: 'no-set-duration',
    };
    const [opp] = await api.must<Opportunity[]>('isvB', 'opportunities.create', input);
    await api.must('isvB', 'admin.partners.unlink', { resellerId: T.reseller2 });
    expect(await api.call('http', 'isvB', 'opportunities.create', input)).toMatchObject({
      ok: false,
      issues: [{ field: 'resellerIds.0', code: 'not_partner' }],
    });
    const offer = await api.call('http', 'reseller2', 'offers.create', {
      opportunityId: opp?.id,
      buyerAccountId: '123456789012',
      idempotencyKey: 'after-unlink',
    });
    expect(offer).toMatchObject({ ok: true });
    // Linking again by id restores it.
    await api.must('isvB', 'admin.partners.link', { resellerId: T.reseller2 });
    expect(await api.call('http', 'isvB', 'opportunities.create', input)).toMatchObject({
      ok: true,
    });
  });

  test("a key's last use is recorded, at most once a minute", async () => {
    const { key, secret } = await newKey('used');
    await api.callAt(later(0), { key: secret }, 'me');
    await new Promise((r) => setTimeout(r, 200)); // the write is off the request's path
    const find = async () =>
      (await api.must<ApiKeyInfo[]>('isvA', 'admin.apiKeys.list')).find((k) => k.id === key.id);
    expect((await find())?.lastUsedAt).toBe(NOW.toISOString());
    await api.callAt(later(30_000), { key: secret }, 'me');
    await new Promise((r) => setTimeout(r, 200));
    expect((await find())?.lastUsedAt).toBe(NOW.toISOString());
  });
});
