import postgres from 'postgres';

/** The Postgres server the benchmarks use (trust auth on this machine); loopback only. */
export const ADMIN_URL =
  process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The dedicated benchmark database, created (and replaced) by `pnpm load`. */
export const BENCH_DB = process.env.BENCH_DB ?? 'rk_bench';

export function dbUrl(name: string = BENCH_DB): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export function adminClient() {
  return postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
}

/** `--name value` / `--name=value` from argv, or the fallback. */
export function arg(name: string, fallback?: string): string | undefined {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === `--${name}`) return argv[i + 1];
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return fallback;
}

export const flag = (name: string) => process.argv.slice(2).includes(`--${name}`);

export const ms = (t0: number) => Math.round(performance.now() - t0);

/** --max-ms / --iterations for quick runs; the defaults are the committed runs' settings. */
export function cliMeasureOptions(): { maxMs?: number; iterations?: number } {
  const maxMs = arg('max-ms');
  const iterations = arg('iterations');
  return {
    ...(maxMs ? { maxMs: Number(maxMs) } : {}),
    ...(iterations ? { iterations: Number(iterations) } : {}),
  };
}
