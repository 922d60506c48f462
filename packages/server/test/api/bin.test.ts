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
    const first = start(['--port', '0', '--data-dir', dataDir, '--seed-demo'], env);
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
    const second = start(['--port', '0', '--data-dir', dataDir, '--seed-demo'], env);
    const url2 = await listening(second);
    expect(second.output()).not.toContain('Seeded demo data');
    expect((await fetch(`${url2}/demo/identities`)).status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 180_000);

  test('without --seed-demo: an empty database, no demo identities', async () => {
    const run = start(['--port', '0', '--data-dir', join(dataRoot, 'empty')]);
    const url = await listening(run);
    expect(run.output()).not.toContain('Seeded');
    expect((await fetch(`${url}/demo/identities`)).status).toBe(404);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 120_000);

  test('production: --seed-demo refused; no start while a demo key works; keys revoke --demo', async () => {
    const refused = start(['--seed-demo'], { NODE_ENV: 'production' });
    expect(await refused.exited).toBe(2);
    expect(refused.output()).toContain('--seed-demo is refused when NODE_ENV=production');

    const dataDir = join(dataRoot, 'demo-then-prod');
    const dev = start(['--port', '0', '--data-dir', dataDir, '--seed-demo']);
    await listening(dev);
    dev.child.kill('SIGTERM');
    expect(await dev.exited).toBe(0);

    const prod = start(['--port', '0', '--data-dir', dataDir], { NODE_ENV: 'production' });
    expect(await prod.exited).toBe(2);
    expect(prod.output()).toContain('resale-kit-server keys revoke --demo');
    expect(prod.output()).not.toContain('rk_demo_');

    const revoke = start(['keys', 'revoke', '--demo', '--data-dir', dataDir]);
    expect(await revoke.exited).toBe(0);
    expect(revoke.output()).toMatch(/Revoked \d+ demo keys/);

    const prod2 = start(['--port', '0', '--data-dir', dataDir], { NODE_ENV: 'production' });
    const url = await listening(prod2);
    expect((await fetch(`${url}/demo/identities`)).status).toBe(404);
    prod2.child.kill('SIGTERM');
    expect(await prod2.exited).toBe(0);
  }, 240_000);

  test('operator commands: bad input exits 2 naming the argument', async () => {
    const dataDir = join(dataRoot, 'operator');
    const bad = start([
      'init',
      '--kind',
      'vendor',
      '--name',
      'X',
      '--admin',
      'Y',
      '--data-dir',
      dataDir,
    ]);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('--kind must be isv or reseller');
    const missing = start(['keys', 'create', '--label', 'x', '--data-dir', dataDir]);
    expect(await missing.exited).toBe(2);
    expect(missing.output()).toContain('--user is required');
    const init = start([
      'init',
      '--kind',
      'isv',
      '--name',
      'Acme',
      '--admin',
      'Ada',
      '--data-dir',
      dataDir,
    ]);
    expect(await init.exited).toBe(0);
    expect(init.output()).toMatch(/Admin API key \(shown once, store it now\): rk_\S{32}/);
  }, 180_000);
});
