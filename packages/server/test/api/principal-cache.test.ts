import type { Principal } from '@resale-kit/core';
import { describe, expect, test } from 'vitest';
import { cachedAuthenticate } from '../../src/trpc/principal-cache.js';

const alice: Principal = { kind: 'isv', userId: 'u1', name: 'Alice', isvId: 'i1' };

/** A key table the test can change, counting lookups. */
function keyTable() {
  const keys = new Map<string, Principal>([['key-a', alice]]);
  const calls: string[] = [];
  const authenticate = async (key: string) => {
    calls.push(key);
    return keys.get(key) ?? null;
  };
  return { keys, calls, authenticate };
}

describe('cachedAuthenticate', () => {
  test('a resolved key is looked up once per TTL', async () => {
    const t = keyTable();
    let now = 1_000;
    const auth = cachedAuthenticate(t.authenticate, { ttlMs: 500, clock: () => now });
    expect(await auth('key-a')).toEqual(alice);
    now += 499;
    expect(await auth('key-a')).toEqual(alice);
    expect(t.calls).toHaveLength(1);
    // Revoked in the database: still trusted until the TTL runs out, then refused.
    t.keys.delete('key-a');
    expect(await auth('key-a')).toEqual(alice);
    now += 1;
    expect(await auth('key-a')).toBeNull();
    expect(t.calls).toHaveLength(2);
  });

  test('unknown keys are never cached: a key created after a miss works at once', async () => {
    const t = keyTable();
    const auth = cachedAuthenticate(t.authenticate, { ttlMs: 60_000 });
    expect(await auth('key-b')).toBeNull();
    expect(await auth('key-b')).toBeNull();
    t.keys.set('key-b', { ...alice, userId: 'u2' });
    expect(await auth('key-b')).toMatchObject({ userId: 'u2' });
    expect(t.calls).toEqual(['key-b', 'key-b', 'key-b']);
  });

  test('bounded: the key resolved longest ago is dropped first', async () => {
    const t = keyTable();
    for (const k of ['k1', 'k2', 'k3']) t.keys.set(k, { ...alice, userId: k });
    const auth = cachedAuthenticate(t.authenticate, { ttlMs: 60_000, maxEntries: 2 });
    await auth('k1');
    await auth('k2');
    await auth('k3'); // k1 goes
    await auth('k2');
    await auth('k3');
    expect(t.calls).toEqual(['k1', 'k2', 'k3']);
    await auth('k1');
    expect(t.calls).toEqual(['k1', 'k2', 'k3', 'k1']);
  });

  test('ttlMs 0 is no cache at all, and cached principals cannot be changed by a caller', async () => {
    const t = keyTable();
    const uncached = cachedAuthenticate(t.authenticate, { ttlMs: 0 });
    expect(uncached).toBe(t.authenticate);
    const auth = cachedAuthenticate(t.authenticate, { ttlMs: 1_000 });
    const p = await auth('key-a');
    expect(Object.isFrozen(p)).toBe(true);
  });
});
