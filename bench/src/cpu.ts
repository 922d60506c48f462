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

export interface CpuShares {
  /** CPU ms per operation, by side. */
  perOp: Record<string, number>;
  totalPerOp: number;
  /** Operations per second the summed cost allows on all of this machine's cores. */
  ceiling: number;
  cores: number;
}

/** Starts counting; `stop(ops)` gives CPU ms per operation for this process, `server`, Postgres. */
export function cpuMeter(server?: { pid: number }) {
  const self0 = process.cpuUsage();
  const pg0 = new Map(pidsNamed('postgres').map((pid) => [pid, procCpuMs(pid)]));
  const server0 = server ? procCpuMs(server.pid) : 0;
  return (ops: number): CpuShares => {
    const self = process.cpuUsage(self0);
    // A backend that started during the load counts from 0; one that ended is lost (rare:
    // the pools keep theirs open).
    let pg = 0;
    for (const pid of pidsNamed('postgres')) pg += procCpuMs(pid) - (pg0.get(pid) ?? 0);
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
