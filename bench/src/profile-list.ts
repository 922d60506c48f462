/**
 * The list's Node side, profiled: V8's sampling profiler (node:inspector) around N first-page
 * calls of the Store, then N of the same request over HTTP (server in this process), each
 * summarized by package (src/profile-summary.ts). Figures for docs/performance.md's MISS lines.
 *   pnpm --filter @resale-kit/bench exec tsx src/profile-list.ts [--n 1000] [--out /tmp]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { ListOpportunitiesInputSchema } from '@resale-kit/core';
import { arg, dbUrl } from './env.js';
import { benchApiKey } from './generate.js';
import { lightClient, startServer } from './harness.js';
import { summarize } from './profile-summary.js';

async function profiled(session: Session, name: string, fn: () => Promise<void>) {
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  await fn();
  const { profile } = await session.post('Profiler.stop');
  const file = join(arg('out', '/tmp') as string, `rk-list-${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

async function main() {
  const n = Number(arg('n', '1000'));
  const server = await startServer(dbUrl(arg('db')));
  const client = lightClient(server.base);
  const session = new Session();
  session.connect();
  try {
    const key = benchApiKey('isv', 0);
    const principal = await server.store.authenticate(key);
    if (!principal) throw new Error('no bench data: run load first');
    const input = ListOpportunitiesInputSchema.parse({ limit: 20 });
    for (let i = 0; i < 50; i++) {
      await server.store.listOpportunities(principal, input, new Date());
      await client.query(key, 'opportunities.list', { limit: 20 });
    }
    const store = await profiled(session, 'store', async () => {
      for (let i = 0; i < n; i++)
        await server.store.listOpportunities(principal, input, new Date());
    });
    const http = await profiled(session, 'http', async () => {
      for (let i = 0; i < n; i++) await client.query(key, 'opportunities.list', { limit: 20 });
    });
    for (const [label, file] of [
      ['Store.listOpportunities, first page', store],
      ['GET opportunities.list over HTTP (client and server in this process), first page', http],
    ] as const) {
      process.stdout.write(`\n## ${label} x ${n} (${file})\n\n${summarize(file)}\n`);
      process.stdout.write(`\n${summarize(file, 'function', 12)}\n`);
    }
  } finally {
    session.disconnect();
    client.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
