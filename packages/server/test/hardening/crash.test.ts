/**
 * The bin on a failure nothing handled: one JSON log line without the error's internals, then
 * exit 1 so a supervisor restarts it (Node's default would print the raw message and stack).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const PKG = resolve(import.meta.dirname, '../..');
const BIN = join(PKG, 'src/bin.ts');
const PRELOAD = pathToFileURL(join(PKG, 'test/support/crash-preload.mjs')).href;
const KEY = 'rk_test_crash_0123456789abcdef';
const dataRoot = mkdtempSync(join(tmpdir(), 'rk-crash-'));
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));
const HASH = createHash('sha256').update(KEY).digest('hex');

function run(kind: 'rejection' | 'exception') {
  // One process (no tsx CLI in front, which would get the signal itself).
  const args = ['--import', 'tsx', '--import', PRELOAD, BIN, '--port', '0'];
  const dataDir = join(dataRoot, kind);
  const child: ChildProcess = spawn(process.execPath, [...args, '--data-dir', dataDir], {
    cwd: PKG,
    env: {
      ...process.env,
      DATABASE_URL: '',
      NODE_ENV: 'development',
      CRASH_KIND: kind,
      CRASH_SECRET: `${HASH},${KEY}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c) => {
    stdout += c;
  });
  child.stderr?.on('data', (c) => {
    stderr += c;
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, out: () => ({ stdout, stderr }) };
}

describe('resale-kit-server on an unhandled failure', () => {
  test.each(['rejection', 'exception'] as const)(
    'an unhandled %s is logged once, without internals, and exits 1',
    async (kind) => {
      const server = run(kind);
      const until = Date.now() + 60_000;
      while (!/listening on/.test(server.out().stdout) && Date.now() < until) {
        if (server.child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(server.out().stdout, server.out().stderr).toMatch(/listening on/);
      server.child.kill('SIGUSR2');
      const code = await server.exited;
      const { stderr } = server.out();
      expect(code, stderr).toBe(1);
      const lines = stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('{'));
      const crashes = lines
        .map((l) => JSON.parse(l) as { level: string; msg: string; error: { message: string } })
        .filter((l) => /^(unhandled rejection|uncaught exception)$/.test(l.msg));
      expect(crashes, stderr).toHaveLength(1);
      expect(crashes[0]?.level).toBe('error');
      expect(crashes[0]?.error.message).toContain('Failed query: select 1');
      expect(stderr).not.toContain(HASH);
      expect(stderr).not.toContain(KEY);
      expect(stderr).not.toContain('params:');
    },
  );
});
