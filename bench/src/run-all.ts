/**
 * Every benchmark, one after another, then bench/results/README.md with all the tables.
 *   pnpm --filter @resale-kit/bench load      (once: 1,000,000 opportunities into rk_bench)
 *   pnpm --filter @resale-kit/bench bench
 * --skip list,summary,offers,http,components,pglite,newcomer leaves some out.
 */
import { runComponents } from './components.js';
import { arg, cliMeasureOptions } from './env.js';
import { runHttp } from './http.js';
import { runList } from './list.js';
import { runNewcomer } from './newcomer.js';
import { runOffers } from './offers.js';
import { runPglite } from './pglite.js';
import { machine, writeIndex, writeResult } from './report.js';
import { runSummary } from './summary.js';
import { printTargets, type Target, targetsMarkdown } from './targets.js';

const skip = new Set((arg('skip') ?? '').split(',').filter(Boolean));
const opts = cliMeasureOptions();
const steps: [string, () => Promise<unknown>][] = [
  ['list', () => runList(opts)],
  ['summary', () => runSummary(opts)],
  ['offers', () => runOffers({})],
  ['http', () => runHttp(opts)],
  ['components', () => runComponents()],
  ['pglite', () => runPglite(opts)],
  ['newcomer', () => runNewcomer()],
];

async function main() {
  const targets: Target[] = [];
  for (const [name, run] of steps) {
    if (skip.has(name)) continue;
    process.stdout.write(`\n== ${name} ==\n`);
    const result = (await run()) as { targets?: Target[] } | undefined;
    targets.push(...(result?.targets ?? []));
  }
  // Every target of the run, in one list: each line has its figure and its same-run baseline.
  process.stdout.write('\n== targets ==\n');
  printTargets(targets);
  writeResult('targets', {
    title: 'Targets of the run',
    machine: machine(),
    targets,
    markdown: targetsMarkdown(targets),
  });
  writeIndex();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
