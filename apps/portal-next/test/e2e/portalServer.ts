import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, seedDemo } from '@resale-kit/server';

export const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NEXT_BIN = join(
  dirname(createRequire(import.meta.url).resolve('next/package.json')),
  'dist/bin/next',
);
const BUILD_ID = join(APP_DIR, '.next/BUILD_ID');
const SOURCES = ['app', 'src', 'next.config.ts', 'package.json'];

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path).map((entry) => newestSource(join(path, entry))),
  );
}

/**
 * Builds the app unless a build newer than its sources exists: in CI `pnpm build` (turbo) has
 * just built it and the tests reuse that; run alone after an edit, they rebuild first.
 */
export function ensureBuilt(): void {
  if (existsSync(BUILD_ID)) {
    const sources = Math.max(...SOURCES.map((s) => newestSource(join(APP_DIR, s))));
    if (statSync(BUILD_ID).mtimeMs > sources) return;
  }
  console.log('[portal] no build newer than the sources: running next build');
  const result = spawnSync(process.execPath, [NEXT_BIN, 'build'], {
    cwd: APP_DIR,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`next build failed with ${result.status}`);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export interface PortalServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * `next start` on a free port. The database is explicit: a fresh PGlite folder unless
 * `databaseUrl` is given (DATABASE_URL from the caller's environment is never inherited).
 * The database is migrated and seeded with the demo data here, before the portal opens it.
 */
export async function startPortal(options: { databaseUrl?: string } = {}): Promise<PortalServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-next-e2e-db-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    PORTAL_SESSION_SECRET: randomBytes(32).toString('hex'),
    RESALE_KIT_DATA_DIR: join(dataDir, 'pglite'),
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL;
  delete env.RESALE_KIT_NOW;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  delete env.PORTAL_SEED_DEMO;
  // `next start` runs in production, where the portal refuses to seed the demo tenants (their
  // API keys are public): the test seeds its own database first, as an operator would.
  const db = await createDb(
    options.databaseUrl ? { url: options.databaseUrl } : { dataDir: env.RESALE_KIT_DATA_DIR },
  );
  try {
    await seedDemo(db, { now: new Date() });
  } finally {
    await db.close();
  }
  const child = spawn(
    process.execPath,
    [NEXT_BIN, 'start', '--hostname', '127.0.0.1', '--port', String(port)],
    { cwd: APP_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stderr.write(`[portal] ${chunk.toString()}`);
  });
  const close = () => stop(child).finally(() => rmSync(dataDir, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilServing(url, child, () => output);
  } catch (err) {
    await close();
    throw err;
  }
  return { url, close };
}

/** Polls the API until it answers (the first call opens, migrates and seeds the database). */
async function waitUntilServing(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${output()}`);
    try {
      // Unauthenticated, so 401; answering at all means the database is ready.
      const res = await fetch(`${url}/api/trpc/me`);
      if (res.status === 401) return;
      throw new Error(`GET /api/trpc/me answered ${res.status}: ${await res.text()}`);
    } catch (err) {
      if (!(err instanceof TypeError)) throw err; // TypeError: not listening yet
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`next start did not serve within 120 s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}
