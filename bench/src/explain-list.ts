/**
 * EXPLAIN (ANALYZE, BUFFERS) of each statement a list request sends, next to the minimal keyset
 * floor's (src/floor.ts): where the SQL side's time goes.
 *   pnpm --filter @resale-kit/bench exec tsx src/explain-list.ts [--sort status]
 */
import { ListOpportunitiesInputSchema, type SortField } from '@resale-kit/core';
import postgres from 'postgres';
import { arg, dbUrl } from './env.js';
import { floorQuery } from './floor.js';
import { benchApiKey } from './generate.js';
import { lightClient, startServer } from './harness.js';

type Params = postgres.ParameterOrJSON<never>[];

async function main() {
  const url = dbUrl(arg('db'));
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const server = await startServer(url);
  const client = lightClient(server.base);
  try {
    const key = benchApiKey('isv', 0);
    const field = (arg('sort') ?? 'createdAt') as SortField;
    const input = { limit: 20, sort: { field, direction: field === 'createdAt' ? 'desc' : 'asc' } };
    const call = () =>
      client.query<{ items: { id: string; status: never }[] }>(key, 'opportunities.list', input);
    const page = await call();
    const statements = (await server.capture(call)).filter((s) => !/"api_keys"/.test(s.text));
    const principal = await server.store.authenticate(key);
    if (principal?.kind !== 'isv' || !page.items[0]) throw new Error('no bench data');
    const parsed = ListOpportunitiesInputSchema.parse(input);
    const floor = await floorQuery(
      sql,
      principal.isvId,
      page.items[0].id,
      parsed.sort.field,
      parsed.sort.direction,
      [],
      page.items[0].status,
    );
    for (const [label, s] of [
      ...statements.map((st, i) => [`statement ${i + 1} of ${statements.length}`, st] as const),
      ['the floor', floor] as const,
    ]) {
      // Twice: the second run is the warm one reported.
      let plan: { 'QUERY PLAN': string }[] = [];
      for (let i = 0; i < 2; i++) {
        plan = await sql.unsafe(`explain (analyze, buffers) ${s.text}`, s.params as Params, {
          prepare: false,
        });
      }
      process.stdout.write(
        `\n## ${label}\n\n${s.text.slice(0, 400)}${s.text.length > 400 ? ' ...' : ''}\n\n${plan.map((r) => r['QUERY PLAN']).join('\n')}\n`,
      );
    }
  } finally {
    client.close();
    await server.close();
    await sql.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
