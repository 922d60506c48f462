/**
 * One API key flooding the server the ways the attack round did: batches (the largest allowed
 * and oversized ones) from many workers, request bodies that stall, and many idle connections.
 * Shared by the CI flood test (test/hardening/flood.test.ts) and the flood benchmark
 * (bench/src/flood.ts). Records every status the flooder got.
 */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { MAX_BATCH_SIZE } from '@resale-kit/core';

export interface FloodOptions {
  base: string;
  key: string;
  durationMs: number;
  /** Workers sending batched GETs back to back. */
  batchWorkers?: number;
  /** Requests that send part of a 1 MB body, then stall. */
  slowBodies?: number;
  /** TCP connections opened and left idle. */
  idleConnections?: number;
}

export interface FloodResult {
  /** Status -> count of the answers the flooder got. */
  statuses: Map<number, number>;
  /** Requests cut without an answer (connection closed or reset). */
  cut: number;
  requests: number;
}

const batchPath = (n: number) => {
  const paths = Array.from({ length: n }, () => 'opportunities.list').join(',');
  const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { limit: 100 }]));
  return `/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
};

export async function flood(opts: FloodOptions): Promise<FloodResult> {
  const statuses = new Map<number, number>();
  let cut = 0;
  let requests = 0;
  const count = (status: number | null) => {
    requests++;
    if (status === null) cut++;
    else statuses.set(status, (statuses.get(status) ?? 0) + 1);
  };
  const deadline = Date.now() + opts.durationMs;
  const url = new URL(opts.base);
  const auth = { authorization: `Bearer ${opts.key}` };

  const get = (path: string) =>
    new Promise<void>((resolve) => {
      const req = request(`${opts.base}${path}`, { headers: auth });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => {
          count(res.statusCode ?? null);
          resolve();
        });
        res.on('error', () => resolve());
      });
      req.on('error', () => {
        count(null);
        resolve();
      });
      req.end();
    });

  const batchWorker = async (i: number) => {
    for (let n = 0; Date.now() < deadline; n++) {
      // Mostly the largest allowed batch; every fourth one oversized (a 400 costing nothing).
      await get(batchPath((n + i) % 4 === 3 ? MAX_BATCH_SIZE * 5 : MAX_BATCH_SIZE));
    }
  };

  const slowBody = () =>
    new Promise<void>((resolve) => {
      const req = request(`${opts.base}/trpc/opportunities.deactivate`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'content-length': 1024 * 1024 },
      });
      const stop = setTimeout(() => req.destroy(), Math.max(0, deadline - Date.now()));
      req.on('response', (res) => {
        clearTimeout(stop);
        res.resume();
        res.on('end', () => {
          count(res.statusCode ?? null);
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => {
        clearTimeout(stop);
        // Cut by the server (its request timeout) or by us at the deadline.
        count(null);
        resolve();
      });
      req.on('close', () => resolve());
      req.write(`{"ids":["${'0'.repeat(64 * 1024)}`);
    });

  const idle: Socket[] = [];
  for (let i = 0; i < (opts.idleConnections ?? 0); i++) {
    const s = connect(Number(url.port), url.hostname);
    s.on('error', () => {});
    idle.push(s);
  }
  try {
    await Promise.all([
      ...Array.from({ length: opts.batchWorkers ?? 8 }, (_, i) => batchWorker(i)),
      ...Array.from({ length: opts.slowBodies ?? 0 }, () => slowBody()),
    ]);
  } finally {
    for (const s of idle) s.destroy();
  }
  return { statuses, cut, requests };
}

/** The server process's resident memory in MB (Linux /proc), or null elsewhere. */
export async function rssMb(pid: number | undefined): Promise<number | null> {
  if (!pid) return null;
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}
