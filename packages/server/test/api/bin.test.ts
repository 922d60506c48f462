import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

/** The `resale-kit-server` bin as a real process (through tsx, as `pnpm dev` runs it). */
const PKG = resolve(import.meta.dirname, '../..');
const TSX = join(PKG, 'node_modules/.bin/tsx');
const BIN = join(PKG, 'src/bin.ts');
const dataRoot = mkdtempSync(join(tmpdir(), 'rk-api-bin-'));
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(TSX, [BIN, ...args], {
    cwd: PKG,
    env: { ...process.env, DATABASE_URL: '', NODE_ENV: 'development', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c) => {
    output += c;
  });
  child.stderr?.on('data', (c) => {
    output += c;
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output: () => output, exited };
}

async function listening(run: Running, timeoutMs = 60_000): Promise<string> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const match = /listening on (http:\/\/\S+)/.exec(run.output());
    if (match?.[1]) return match[1];
    if (run.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  run.child.kill('SIGKILL');
  throw new Error(`server did not start:\n${run.output()}`);
}

describe('resale-kit-server', () => {
  test('--help prints the usage', async () => {
    const run = start(['--help']);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('--data-dir <dir>');
    expect(run.output()).toContain('RESALE_KIT_NOW');
  });

  test('RESALE_KIT_NOW is refused in production: exit 2 and a clear message', async () => {
    const run = start([], { NODE_ENV: 'production', RESALE_KIT_NOW: '2026-03-10T12:00:00Z' });
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('RESALE_KIT_NOW is set but NODE_ENV=production');
  });

  test('a bad flag or variable exits 2 naming it', async () => {
    const run = start(['--port', 'eighty']);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('PORT: must be a port number');
  });

  test('starts on PGlite, seeds once, honours RESALE_KIT_NOW, and shuts down on SIGTERM', async () => {
    const dataDir = join(dataRoot, 'nested', 'pglite');
    const env = { RESALE_KIT_NOW: '2026-03-10T12:00:00Z', CORS_ORIGINS: 'http://localhost:5173' };
    const first = start(['--port', '0', '--data-dir', dataDir], env);
    const url = await listening(first);
    expect(first.output()).toContain('Seeded demo data. Demo API keys:');
    expect(first.output()).toContain('rk_demo_isv_acme_admin');

    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({
      status: 'ok',
      database: 'ok',
      schema: expect.stringMatching(/^\d{4}_/),
    });
    const identities = (await (await fetch(`${url}/demo/identities`)).json()) as {
      apiKey: string;
    }[];
    const key = identities[0]?.apiKey;
    const me = await fetch(`${url}/trpc/me`, { headers: { authorization: `Bearer ${key}` } });
    expect(((await me.json()) as { result: { data: unknown } }).result.data).toMatchObject({
      principal: { kind: 'isv' },
      clock: { now: '2026-03-10T12:00:00.000Z', fixed: true },
    });
    const preflight = await fetch(`${url}/trpc/me`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('"msg":"shutting down"');
    // The request log: one JSON line per request, never the key.
    expect(first.output()).toMatch(
      /"msg":"request","method":"GET","path":"\/healthz","status":200/,
    );
    expect(first.output()).not.toContain(`Bearer ${key}`);

    // Same folder again: migrations are a no-op, nothing is seeded twice, the demo still works.
    const second = start(['--port', '0', '--data-dir', dataDir], env);
    const url2 = await listening(second);
    expect(second.output()).not.toContain('Seeded demo data');
    expect((await fetch(`${url2}/demo/identities`)).status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 180_000);

  test('--no-seed leaves an empty database and serves no demo identities', async () => {
    const run = start(['--port', '0', '--data-dir', join(dataRoot, 'empty'), '--no-seed']);
    const url = await listening(run);
    expect(run.output()).not.toContain('Seeded');
    expect((await fetch(`${url}/demo/identities`)).status).toBe(404);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 120_000);
});
