import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const SERVER_DIR = fileURLToPath(new URL('../../packages/server/', import.meta.url));

/** The server's bin as one child process (`node --import tsx src/bin.ts`) on a free loopback port. */
export async function spawnServer(env: Record<string, string>, timeoutMs = 60_000) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // BENCH_PROFILE_DIR: the server writes a V8 CPU profile there when it exits.
      ...(process.env.BENCH_PROFILE_DIR
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
        : []),
      '--import',
      'tsx',
      'src/bin.ts',
      '--no-seed',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ],
    {
      cwd: SERVER_DIR,
      // Throughput from one key: the per-key limits off unless a benchmark sets them.
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        NODE_ENV: 'test',
        RATE_LIMIT_CALLS_PER_SECOND: '0',
        RATE_LIMIT_CONCURRENT: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out}`));
    });
  });
  return {
    base,
    child,
    output: () => out,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill(signal);
      await exited;
    },
  };
}
