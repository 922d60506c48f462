/**
 * A bounded flood against the server process (PGlite, demo data, default limits): one key
 * floods with batches, stalled bodies and idle connections for a few seconds while another
 * tenant works and /healthz is probed. Asserts only what does not depend on the machine's
 * speed: the flooder gets 429s and 400s and never a 5xx, every request of the other tenant
 * succeeds, /healthz answers 200 throughout, and memory stays bounded. Timings are in
 * bench:flood (docs/performance.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { flood, rssMb } from './flood.js';
import { call, startServerProcess } from './server-process.js';

const dir = mkdtempSync(join(tmpdir(), 'rk-flood-'));
const FLOODER = 'rk_demo_isv_acme_admin';
const OTHER = 'rk_demo_isv_globex_admin';
const FLOOD_MS = 6_000;

describe('a flood from one key [pglite]', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused with 429/400, never 5xx, while another tenant and /healthz are served', {
    timeout: 180_000,
  }, async () => {
    const server = await startServerProcess(
      ['--data-dir', dir, '--seed-demo'],
      // The bin's default timeouts: shorter ones cut even honest requests on a saturated machine
      // (Node's timeout check can run before a busy loop has read the waiting headers).
      { DATABASE_URL: '' },
      120_000,
    );
    try {
      // Warm up, then the memory baseline.
      expect((await call(server.base, OTHER, 'opportunities.list', { limit: 20 })).status).toBe(
        200,
      );
      const rssBefore = await rssMb(server.child.pid);

      const other: number[] = [];
      const health: { status: number; at: number }[] = [];
      const end = Date.now() + FLOOD_MS;
      const otherTenant = (async () => {
        // A well-behaved tenant: 20 calls a second, well under the per-key limit (50/s), so a 429
        // here can only come from the flood.
        while (Date.now() < end) {
          const next = Date.now() + 50;
          other.push((await call(server.base, OTHER, 'opportunities.list', { limit: 20 })).status);
          await new Promise((r) => setTimeout(r, Math.max(0, next - Date.now())));
        }
      })();
      const probe = (async () => {
        while (Date.now() < end) {
          const res = await fetch(`${server.base}/healthz`, {
            signal: AbortSignal.timeout(10_000),
          });
          health.push({ status: res.status, at: Date.now() });
          await res.arrayBuffer();
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      const result = await flood({
        base: server.base,
        key: FLOODER,
        durationMs: FLOOD_MS,
        batchWorkers: 8,
        slowBodies: 50,
        idleConnections: 100,
      });
      await Promise.all([otherTenant, probe]);
      const rssAfter = await rssMb(server.child.pid);

      const seen = Object.fromEntries(result.statuses);
      const what = `flooder: ${JSON.stringify(seen)}, cut ${result.cut} of ${result.requests}`;
      for (const status of result.statuses.keys()) {
        expect(status, what).toBeLessThan(500);
        expect([200, 400, 408, 429], what).toContain(status);
      }
      expect(seen[429], what).toBeGreaterThan(0);
      expect(seen[400], what).toBeGreaterThan(0);

      expect(other.length).toBeGreaterThan(0);
      expect(
        other.every((s) => s === 200),
        `other tenant: ${other.join(',')}`,
      ).toBe(true);

      expect(health.length).toBeGreaterThan(0);
      expect(health.every((h) => h.status === 200)).toBe(true);
      // Throughout: no long silence between consecutive /healthz answers.
      const gaps = health.slice(1).map((h, i) => h.at - (health[i]?.at ?? h.at));
      expect(Math.max(0, ...gaps)).toBeLessThan(5_000);

      // 150 stalled bodies and idle sockets no longer pin memory: growth stays bounded.
      if (rssBefore !== null && rssAfter !== null) {
        expect(rssAfter - rssBefore, `RSS ${rssBefore} -> ${rssAfter} MB`).toBeLessThan(150);
      }
      // And the server is still healthy afterwards.
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
