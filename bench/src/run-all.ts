/**
 * Every benchmark, one after another, then bench/results/README.md with all the tables.
 *   pnpm --filter @resale-kit/bench load      (once: 1,000,000 opportunities into rk_bench)
 *   pnpm --filter @resale-kit/bench bench
 * --skip list,summary,offers,http,components,pglite leaves some out.
 */
import { runComponents } from './components.js';
import { arg, cliMeasureOptions } from './env.js';
import { runHttp } from './http.js';
import { runList } from './list.js';
import { runOffers } from './offers.js';
import { runPglite } from './pglite.js';
import { writeIndex } from './report.js';
import { runSummary } from './summary.js';

const skip = new Set((arg('skip') ?? '').split(',').filter(Boolean));
const opts = cliMeasureOptions();
const steps: [string, () => Promise<unknown>][] = [
  ['list', () => runList(opts)],
  ['summary', () => runSummary(opts)],
  ['offers', () => runOffers({})],
  ['http', () => runHttp(opts)],
  ['components', () => runComponents()],
  ['pglite', () => runPglite(opts)],
];

async function main() {
  for (const [name, run] of steps) {
    if (skip.has(name)) continue;
    process.stdout.write(`\n== ${name} ==\n`);
    await run();
  }
  writeIndex();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
