import {
  createDb,
  createHttpServer,
  createJsonLogger,
  createStore,
  type Database,
  DEMO_IDENTITIES,
  type HttpServer,
  seedDemo,
} from '@resale-kit/server';

/** The real API on in-memory PGlite with the demo seed, at a pinned clock. */
export async function startServer(now: Date) {
  const db: Database = await createDb({ dataDir: 'memory://' });
  await seedDemo(db, now);
  const http: HttpServer = createHttpServer({
    store: createStore(db),
    now: () => now,
    clockFixed: true,
    logger: createJsonLogger({ level: 'silent' }),
  });
  const base = await http.listen(0, '127.0.0.1');
  const key = (kind: 'isv' | 'reseller', index = 0) => {
    const identity = DEMO_IDENTITIES.filter((i) => i.kind === kind)[index];
    if (!identity) throw new Error(`no demo ${kind} #${index}`);
    return identity.apiKey;
  };
  return {
    url: `${base}/trpc`,
    key,
    stop: async () => {
      await http.close();
      await db.close();
    },
  };
}

/** A fetch that records every request it sends, to count round trips. */
export function recordingFetch(inner: typeof fetch = fetch) {
  const requests: { url: string; method: string; headers: Headers }[] = [];
  const fetchImpl: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    requests.push({ url: request.url, method: request.method, headers: request.headers });
    return inner(request);
  };
  return { fetch: fetchImpl, requests };
}
