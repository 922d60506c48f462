import type { Principal } from '@resale-kit/core';
import { describe, expect, test } from 'vitest';
import type { KeyAuth } from '../../src/store/auth.js';
import { createPrincipalCache } from '../../src/trpc/principal-cache.js';

const alice: Principal = { kind: 'isv', userId: 'u1', name: 'Alice', role: 'admin', isvId: 'i1' };
const NOW = new Date('2026-03-10T12:00:00.000Z');

/** A key table the test can change, counting lookups. */
function keyTable() {
  const keys = new Map<string, { principal: Principal; validUntil?: Date }>([
    ['key-a', { principal: alice }],
  ]);
  const calls: string[] = [];
  const resolve = async (key: string): Promise<KeyAuth | null> => {
    calls.push(key);
    const k = keys.get(key);
    return k ? { principal: k.principal, keyId: key, validUntil: k.validUntil ?? null } : null;
  };
  return { keys, calls, resolve };
}

describe('createPrincipalCache', () => {
  test('a resolved key is looked up once per TTL', async () => {
    const t = keyTable();
    let clock = 1_000;
    const cache = createPrincipalCache(t.resolve, { ttlMs: 500, clock: () => clock });
    expect(await cache.authenticate('key-a', NOW)).toEqual(alice);
    clock += 499;
    expect(await cache.authenticate('key-a', NOW)).toEqual(alice);
    expect(t.calls).toHaveLength(1);
    clock += 1;
    t.keys.delete('key-a');
    expect(await cache.authenticate('key-a', NOW)).toBeNull();
    expect(t.calls).toHaveLength(2);
  });

  test('clear() (a revoke anywhere) drops every entry at once: no TTL window', async () => {
    const t = keyTable();
    const cache = createPrincipalCache(t.resolve, { ttlMs: 60_000 });
    expect(await cache.authenticate('key-a', NOW)).toEqual(alice);
    t.keys.delete('key-a');
    cache.clear();
    expect(await cache.authenticate('key-a', NOW)).toBeNull();
  });

  test('a lookup that began before clear() does not store its stale answer', async () => {
    const t = keyTable();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slow = async (key: string) => {
      const answer = await t.resolve(key);
      await gate;
      return answer;
    };
    const cache = createPrincipalCache(slow, { ttlMs: 60_000 });
    const pending = cache.authenticate('key-a', NOW);
    t.keys.delete('key-a');
    cache.clear();
    release();
    expect(await pending).toEqual(alice);
    expect(await cache.authenticate('key-a', NOW)).toBeNull();
  });

  test("an entry never outlives its key's expiry or rotation grace period", async () => {
    const t = keyTable();
    t.keys.set('key-a', { principal: alice, validUntil: new Date(NOW.getTime() + 1_000) });
    const cache = createPrincipalCache(t.resolve, { ttlMs: 60_000 });
    await cache.authenticate('key-a', NOW);
    await cache.authenticate('key-a', new Date(NOW.getTime() + 999));
    expect(t.calls).toHaveLength(1);
    await cache.authenticate('key-a', new Date(NOW.getTime() + 1_000));
    expect(t.calls).toHaveLength(2);
  });

  test('unknown keys are never cached: a key created after a miss works at once', async () => {
    const t = keyTable();
    const cache = createPrincipalCache(t.resolve, { ttlMs: 60_000 });
    expect(await cache.authenticate('key-b', NOW)).toBeNull();
    expect(await cache.authenticate('key-b', NOW)).toBeNull();
    t.keys.set('key-b', { principal: { ...alice, userId: 'u2' } });
    expect(await cache.authenticate('key-b', NOW)).toMatchObject({ userId: 'u2' });
    expect(t.calls).toEqual(['key-b', 'key-b', 'key-b']);
  });

  test('bounded: the key resolved longest ago is dropped first', async () => {
    const t = keyTable();
    for (const k of ['k1', 'k2', 'k3']) t.keys.set(k, { principal: { ...alice, userId: k } });
    const cache = createPrincipalCache(t.resolve, { ttlMs: 60_000, maxEntries: 2 });
    for (const k of ['k1', 'k2', 'k3', 'k2', 'k3']) await cache.authenticate(k, NOW);
    expect(t.calls).toEqual(['k1', 'k2', 'k3']);
    await cache.authenticate('k1', NOW);
    expect(t.calls).toEqual(['k1', 'k2', 'k3', 'k1']);
  });

  test('ttlMs 0 looks up every time; cached principals cannot be changed by a caller', async () => {
    const t = keyTable();
    const uncached = createPrincipalCache(t.resolve, { ttlMs: 0 });
    await uncached.authenticate('key-a', NOW);
    await uncached.authenticate('key-a', NOW);
    expect(t.calls).toHaveLength(2);
    const cache = createPrincipalCache(t.resolve, { ttlMs: 1_000 });
    expect(Object.isFrozen(await cache.authenticate('key-a', NOW))).toBe(true);
  });
});
