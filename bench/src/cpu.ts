/**
 * CPU time spent by each side of a load (this process, the server child, Postgres), read from
 * /proc, so a throughput figure comes with what it cost: CPU ms per operation, and the rate
 * those costs would allow if the machine's cores did nothing else.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Linux USER_HZ: /proc/<pid>/stat counts CPU time in 1/100 s. */
const TICK_MS = 10;

/** utime + stime of one process in ms, or 0 once it has gone. */
function procCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** Every process whose command name is `comm` (Postgres backends come and go). */
function pidsNamed(comm: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm;
      } catch {
        return false;
      }
    });
}

/**
 * Postgres processes that work for database `db`: its backends (their title names the database,
 * e.g. "postgres: postgres rk_bench 127.0.0.1(5123) idle"), autovacuum workers on it, and the
 * shared writers (WAL writer, checkpointer, background writer). Other databases' backends are
 * left out: on a shared machine, other people's tests run on the same Postgres server.
 */
function postgresPids(db?: string): number[] {
  const pids = pidsNamed('postgres');
  if (!db) return pids;
  return pids.filter((pid) => {
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      return (
        title.split(/\s+/).includes(db) || /walwriter|checkpointer|background writer/.test(title)
      );
    } catch {
      return false;
    }
  });
}

export interface CpuShares {
  /** CPU ms per operation, by side. */
  perOp: Record<string, number>;
  totalPerOp: number;
  /** Operations per second the summed cost allows on all of this machine's cores. */
  ceiling: number;
  cores: number;
}

/**
 * Starts counting; `stop(ops)` gives CPU ms per operation for this process, `server`, Postgres
 * (the processes working for database `db` when given, else every postgres process).
 */
export function cpuMeter(server?: { pid: number }, db?: string, opts: { pollMs?: number } = {}) {
  const self0 = process.cpuUsage();
  const pg0 = new Map(postgresPids(db).map((pid) => [pid, procCpuMs(pid)]));
  const server0 = server ? procCpuMs(server.pid) : 0;
  // With `pollMs`, the backends are read while the load runs too, so a backend that ends
  // before `stop` (pgbench's, which disconnect when it finishes) keeps the CPU last seen; at
  // most its final `pollMs` is missed.
  const last = new Map<number, number>();
  const read = () => {
    for (const pid of postgresPids(db)) {
      const ms = procCpuMs(pid);
      if (ms > 0) last.set(pid, ms);
    }
  };
  const timer = opts.pollMs ? setInterval(read, opts.pollMs) : null;
  return (ops: number): CpuShares => {
    if (timer) clearInterval(timer);
    const self = process.cpuUsage(self0);
    read();
    // A backend that started during the load counts from 0; without polling, one that ended
    // is lost (rare: the pools keep theirs open).
    let pg = 0;
    for (const [pid, ms] of last) pg += ms - (pg0.get(pid) ?? 0);
    const perOp: Record<string, number> = {
      'bench client': (self.user + self.system) / 1000 / ops,
      ...(server ? { 'server (Node)': (procCpuMs(server.pid) - server0) / ops } : {}),
      Postgres: pg / ops,
    };
    const totalPerOp = Object.values(perOp).reduce((s, x) => s + x, 0);
    const cores = availableParallelism();
    return { perOp, totalPerOp, ceiling: (cores * 1000) / totalPerOp, cores };
  };
}
