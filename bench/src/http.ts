/**
 * The HTTP layer's own cost: the server with a Store that answers at once (canned results read
 * from the bench database first), so what is measured is node:http, tRPC and JSON, not SQL.
 * Client and server share this process; GET /healthz (no tRPC) is the floor.
 */
import type { Principal } from '@resale-kit/core';
import {
  createDb,
  createHttpServer,
  createStore,
  type IsvPrincipal,
  NO_CALLER_LIMITS,
  type OpportunityPage,
  type Store,
} from '../../packages/server/src/index.js';
import { arg, cliMeasureOptions, dbUrl } from './env.js';
import { benchApiKey } from './generate.js';
import { lightClient } from './harness.js';
import { fmt, machine, measure, table, writeResult } from './report.js';

const CLIENTS = 64;
const silent = { debug() {}, info() {}, warn() {}, error() {} };

/** One page (20 rows) of the big tenant and a reseller, read once through the real Store. */
export async function cannedStore(url: string): Promise<Store> {
  const db = await createDb({ url });
  try {
    const real = createStore(db);
    const isv = (await real.authenticate(benchApiKey('isv', 0))) as Principal;
    const reseller = (await real.authenticate(benchApiKey('reseller', 1))) as Principal;
    const now = new Date();
    const page: OpportunityPage = await real.listOpportunities(
      isv,
      { sort: { field: 'createdAt', direction: 'desc' }, limit: 20 },
      now,
    );
    const opportunity = page.items[0];
    if (!opportunity) throw new Error('the bench database has no opportunities: run load');
    const offer = {
      offer: {
        id: crypto.randomUUID(),
        opportunityId: opportunity.id,
        resellerId: opportunity.resellerId,
        buyerAccountId: '123456789012',
        createdBy: { userId: crypto.randomUUID(), name: 'Bench reseller' },
        createdAt: now.toISOString(),
      },
      opportunity,
      replayed: false,
    };
    const summary = await real.summary(isv as IsvPrincipal, now);
    // The key lookups as the real Store answers them, read once (with a far expiry: canned).
    const isvAuth = await real.resolveApiKey(benchApiKey('isv', 0), now);
    const resellerAuth = await real.resolveApiKey(benchApiKey('reseller', 1), now);
    return {
      authenticate: async (key: string) => (key.includes('isv') ? isv : reseller),
      resolveApiKey: async (key: string) => (key.includes('isv') ? isvAuth : resellerAuth),
      onAuthChange: () => () => {},
      listOpportunities: async () => page,
      summary: async () => summary,
      createOffer: async () => offer,
    } as unknown as Store;
  } finally {
    await db.close();
  }
}

/**
 * bench:http's single-client p50 / p95 of the list and the summary, measured here and now: the
 * baseline the list's and the summary's HTTP targets are judged against in the same run.
 */
export async function httpLayerBaseline(opts: { maxMs?: number; iterations?: number } = {}) {
  const store = await cannedStore(dbUrl(arg('db')));
  const http = createHttpServer({ store, logger: silent, callerLimits: NO_CALLER_LIMITS });
  const base = await http.listen(0, '127.0.0.1');
  const c = lightClient(base, 1);
  const key = benchApiKey('isv', 0);
  const o = { iterations: opts.iterations ?? 2000, maxMs: opts.maxMs ?? 4000, warmup: 200 };
  try {
    const list = await measure(() => c.query(key, 'opportunities.list', {}), o);
    const summary = await measure(() => c.query(key, 'opportunities.summary'), o);
    return { list, summary };
  } finally {
    c.close();
    await http.close();
  }
}

export async function runHttp(opts: { maxMs?: number; iterations?: number } = {}) {
  const store = await cannedStore(dbUrl(arg('db')));
  const http = createHttpServer({ store, logger: silent, callerLimits: NO_CALLER_LIMITS });
  const base = await http.listen(0, '127.0.0.1');
  const isvKey = benchApiKey('isv', 0);
  const resellerKey = benchApiKey('reseller', 1);
  const one = lightClient(base, 1);
  const many = lightClient(base, CLIENTS);
  const routes = (c: ReturnType<typeof lightClient>) =>
    [
      ['GET /healthz (no tRPC: the floor)', () => c.get('/healthz')],
      ['opportunities.summary', () => c.query(isvKey, 'opportunities.summary')],
      ['opportunities.list (20 rows, 11 kB)', () => c.query(isvKey, 'opportunities.list', {})],
      [
        'offers.create',
        () =>
          c.mutate(resellerKey, 'offers.create', {
            opportunityId: crypto.randomUUID(),
            buyerAccountId: '123456789012',
            idempotencyKey: 'bench-http',
          }),
      ],
    ] as const;
  try {
    const rows: (string | number)[][] = [];
    const figures: Record<string, unknown>[] = [];
    const serial = routes(one);
    const loaded = routes(many);
    for (let i = 0; i < serial.length; i++) {
      const [name, op] = serial[i] as (typeof serial)[number];
      const single = await measure(op, {
        iterations: opts.iterations ?? 2000,
        maxMs: opts.maxMs,
        warmup: 200,
      });
      const loadOp = (loaded[i] as (typeof loaded)[number])[1];
      await measure(loadOp, { iterations: 500, concurrency: CLIENTS, warmup: 0 });
      const cpu = process.cpuUsage();
      const load = await measure(loadOp, {
        iterations: (opts.iterations ?? 2000) * 4,
        maxMs: opts.maxMs,
        concurrency: CLIENTS,
        warmup: 0,
      });
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000 / load.n;
      figures.push({ route: name, single, load, cpuMsPerRequest: cpuMs });
      rows.push([name, fmt(single.p50), fmt(single.p95), fmt(load.rps, 0), fmt(cpuMs, 3)]);
    }
    const markdown = [
      `The server's own HTTP layer (node:http, tRPC, JSON) with a Store that answers at once from canned results (a page of the big tenant, its summary, an offer), so no SQL runs. Client (node:http keep-alive) and server share this process, so the CPU column is both; GET /healthz, which skips tRPC, is the floor.`,
      '',
      table(
        ['route', '1 client: p50 ms', 'p95 ms', `${CLIENTS} clients: req/s`, 'CPU ms / request'],
        rows,
      ),
    ].join('\n');
    const result = { title: 'The HTTP layer alone', machine: machine(), figures, markdown };
    writeResult('http', result);
    process.stdout.write(`\n${markdown}\n`);
    return result;
  } finally {
    one.close();
    many.close();
    await http.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runHttp(cliMeasureOptions()).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
