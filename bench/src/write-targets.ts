/**
 * bench/results/targets.md|json from the targets each benchmark's results file holds, so a
 * benchmark re-run alone (e.g. bench:components) updates the list `bench` ends with.
 *   pnpm --filter @resale-kit/bench bench:targets
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, RESULTS_DIR, writeIndex, writeResult } from './report.js';
import { printTargets, type Target, targetsMarkdown } from './targets.js';

export const TARGET_SOURCES = ['list', 'summary', 'offers', 'components', 'newcomer'];

export function writeTargets(): Target[] {
  const targets = TARGET_SOURCES.map((name) => join(RESULTS_DIR, `${name}.json`))
    .filter((file) => existsSync(file))
    .flatMap(
      (file) => (JSON.parse(readFileSync(file, 'utf8')) as { targets?: Target[] }).targets ?? [],
    );
  writeResult('targets', {
    title: 'Targets of the run',
    machine: machine(),
    targets,
    markdown: targetsMarkdown(targets),
  });
  writeIndex();
  return targets;
}

if (import.meta.url === `file://${process.argv[1]}`) printTargets(writeTargets());
