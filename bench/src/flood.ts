/**
 * bench:flood: the server's bin on the bench database with its default per-key limits, one key
 * (the big ISV) flooding it (batched lists from many workers, stalled 1 MB bodies, idle
 * connections) while another tenant pages its list and /healthz is probed. Each p95 under the
 * flood is compared with the same p95 unloaded, measured first in the same run: target within
 * 3x. Also: what the flooder got, and the server's memory before and after.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type FloodOptions, rssMb } from '../../packages/server/test/hardening/flood.js';
import { spawnServer } from './child.js';
import { arg, dbUrl } from './env.js';
import { benchApiKey } from './generate.js';
import { lightClient } from './harness.js';
import { fmt, machine, type Stats, stats, table, verdict, writeResult } from './report.js';

const TARGET_RATIO = 3;

/**
 * A well-behaved caller: one request at a time with a 40 ms pause between them (about 20 calls
 * per second, under the per-key limit of 50), timed without the pauses.
 */
async function paced(op: () => Promise<unknown>, forMs: number): Promise<Stats> {
  const samples: number[] = [];
  const start = performance.now();
  while (performance.now() - start < forMs) {
    const t = performance.now();
    await op();
    samples.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 40));
  }
  return stats(samples, performance.now() - start);
}

/** CPU seconds (user + system) a process has used, from /proc (Linux), or null. */
async function cpuSeconds(pid: number | undefined): Promise<number | null> {
  if (!pid) return null;
  try {
    const { readFile } = await import('node:fs/promises');
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
    // utime and stime: fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

interface ChildResult {
  statuses: Record<string, number>;
  cut: number;
  requests: number;
}

/** Runs the flood in its own process (flood-child.ts) and returns what the flooder got. */
function floodInChild(opts: FloodOptions): Promise<ChildResult> {
  const script = fileURLToPath(new URL('./flood-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(opts)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (c) => {
    out += c;
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`flood child exited ${code}`));
      resolve(JSON.parse(out) as ChildResult);
    });
  });
}

export async function runFlood(opts: { floodMs?: number } = {}) {
  const floodMs = opts.floodMs ?? Number(arg('flood-ms') ?? 20_000);
  const server = await spawnServer({
    DATABASE_URL: process.env.BENCH_SERVER_DB_URL ?? dbUrl(arg('db')),
    // The bin's defaults, stated: this benchmark is about them.
    RATE_LIMIT_CALLS_PER_SECOND: '50',
    RATE_LIMIT_CONCURRENT: '4',
    MAX_BATCH_SIZE: '10',
    HTTP_REQUEST_TIMEOUT_MS: '30000',
    HTTP_HEADERS_TIMEOUT_MS: '10000',
  });
  const client = lightClient(server.base);
  const flooder = benchApiKey('isv', 0);
  const other = benchApiKey('isv', 1);
  const list = () => client.query(other, 'opportunities.list', { limit: 20 });
  const health = async () => {
    const res = await client.get('/healthz');
    if (res.status !== 200) throw new Error(`/healthz ${res.status}`);
  };
  try {
    await list();
    await health();
    const unloaded = { list: await paced(list, 5_000), health: await paced(health, 5_000) };
    const rssBefore = await rssMb(server.child.pid);
    const cpuBefore = await cpuSeconds(server.child.pid);

    // Under the flood: both probes for as long as it lasts (no warm-up: already warm).
    const started = performance.now();
    const during = (op: () => Promise<unknown>) => paced(op, floodMs - 1_000);
    const [result, loadedList, loadedHealth] = await Promise.all([
      floodInChild({
        base: server.base,
        key: flooder,
        durationMs: floodMs,
        batchWorkers: Number(arg('workers') ?? 16),
        slowBodies: 200,
        idleConnections: 200,
      }),
      // Start once the flood is under way.
      new Promise((r) => setTimeout(r, 500)).then(() => during(list)),
      new Promise((r) => setTimeout(r, 500)).then(() => during(health)),
    ]);
    const wallMs = performance.now() - started;
    const rssAfter = await rssMb(server.child.pid);
    const cpuAfter = await cpuSeconds(server.child.pid);
    const serverCpu =
      cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / (wallMs / 1000) : null;

    const row = (name: string, before: Stats, after: Stats) => {
      const ratio = after.p95 / before.p95;
      return {
        cells: [
          name,
          fmt(before.p50),
          fmt(before.p95),
          fmt(after.p50),
          fmt(after.p95),
          `${fmt(ratio, 1)}x`,
          verdict(ratio <= TARGET_RATIO),
        ],
        ratio,
      };
    };
    const rows = [
      row("other tenant's opportunities.list", unloaded.list, loadedList as Stats),
      row('/healthz', unloaded.health, loadedHealth as Stats),
    ];
    const statuses = result.statuses;
    const markdown = [
      `One key (the big ISV), from a process of its own, floods the server bin on Postgres for ${Math.round(wallMs / 1000)} s: ${arg('workers') ?? 16} workers sending batches of 10 \`opportunities.list\` (limit 100; every fourth batch oversized, 50 calls), 200 requests stalling mid-way through a 1 MB body, 200 idle connections. Default limits: 50 calls/s and 4 requests in flight per key, batches of 10. Times in ms; each probe is a well-behaved caller (one request at a time, 40 ms apart); target: p95 under the flood within ${TARGET_RATIO}x of the unloaded p95 measured first in the same run.`,
      '',
      table(
        ['probe', 'unloaded p50', 'unloaded p95', 'flood p50', 'flood p95', 'p95 ratio', 'target'],
        rows.map((r) => r.cells),
      ),
      '',
      `The flooder's answers: ${Object.entries(statuses)
        .map(([s, n]) => `${n.toLocaleString('en')} x ${s}`)
        .join(
          ', ',
        )}; ${result.cut} requests cut without an answer (stalled bodies cut by the request timeout or at the end). No 5xx: ${Object.keys(statuses).every((s) => Number(s) < 500) ? 'yes' : 'NO'}. Server RSS ${rssBefore === null ? '-' : fmt(rssBefore, 0)} MB before, ${rssAfter === null ? '-' : fmt(rssAfter, 0)} MB after; the server process used ${serverCpu === null ? '-' : fmt(serverCpu, 2)} CPU cores on average during the flood.`,
    ].join('\n');
    const data = {
      title: 'Flood from one key',
      machine: machine(),
      unloaded,
      loaded: { list: loadedList, health: loadedHealth },
      ratios: Object.fromEntries(rows.map((r) => [r.cells[0], r.ratio])),
      flooder: { statuses, cut: result.cut, requests: result.requests },
      rssMb: { before: rssBefore, after: rssAfter },
      serverCpuCores: serverCpu,
      markdown,
    };
    writeResult('flood', data);
    process.stdout.write(`\n${markdown}\n`);
    return data;
  } finally {
    client.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runFlood().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
