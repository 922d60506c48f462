/**
 * Where a V8 CPU profile's time went, by package (or server source file), self time only, idle
 * left out: the profile a MISS comes with.
 *   node --cpu-prof --cpu-prof-dir=/tmp/p --import tsx src/list.ts --scenarios first
 *   tsx src/profile-summary.ts /tmp/p/<file>.cpuprofile [--top 15] [--by function]
 */
import { readFileSync } from 'node:fs';
import { arg } from './env.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A package name from a file URL, or the server / core source file. */
export function groupOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native / V8)';
  const pnpm = /node_modules\/\.pnpm\/(@?[^@/]+(?:\+[^@/]+)?)@/.exec(url);
  if (pnpm?.[1]) return pnpm[1].replace('+', '/');
  const mod = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (mod?.[1]) return mod[1];
  const src = /packages\/(\w+)\/(?:src|dist)\/(.+)$/.exec(url);
  if (src) return `@resale-kit/${src[1]}: ${src[2]}`;
  if (url.startsWith('node:')) return 'node internals';
  return url.replace(/^file:\/\//, '');
}

export function summarize(file: string, by: 'group' | 'function' = 'group', top = 15): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const n = nodes.get(id);
    if (!n) return;
    const { functionName, url, lineNumber } = n.callFrame;
    if (functionName === '(idle)') return;
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    const key =
      by === 'group'
        ? groupOf(url, functionName)
        : `${functionName || '(anonymous)'} ${groupOf(url, functionName)}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `${(total / 1000).toFixed(2)} s of CPU samples (idle excluded), self time by ${by}:`,
    ...rows.map(([k, ms]) => `- ${((100 * ms) / total).toFixed(1)}% ${k}`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv.slice(2).find((a) => a.endsWith('.cpuprofile'));
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [--by function]');
  const by = arg('by') === 'function' ? 'function' : 'group';
  process.stdout.write(`${summarize(file, by, Number(arg('top', '15')))}\n`);
}
