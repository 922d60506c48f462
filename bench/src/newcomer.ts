/**
 * A newcomer's start: a fresh clone, `pnpm install`, `pnpm dev`, until the demo answers (its page
 * through Vite and the API through Vite's proxy). Timed for this commit and, in the same run, for
 * a baseline, each in its own fresh clone: no node_modules, no turbo
 * cache, no PGlite data (the API seeds it on first start).
 *   pnpm --filter @resale-kit/bench bench:newcomer [--baseline <ref>] [--ref <ref>]
 * Without --baseline, the baseline is the same commit with `pnpm dev` on the full build.
 * The pnpm store is the machine's (warm): what a second project costs, not the download.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg } from './env.js';
import { fmt, machine, table, writeResult } from './report.js';
import { type Target, target, targetsMarkdown } from './targets.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TIMEOUT_MS = 600_000;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** A free loopback port, so the clone's API never meets a `pnpm dev` already running here. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c;
    });
    child.stderr.on('data', (c: Buffer) => {
      out += c;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')}: ${code}\n${out}`)),
    );
  });
}

async function answers(url: string, want: (body: string) => boolean): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return res.ok && want(await res.text());
  } catch {
    return false;
  }
}

/** Kills the whole process group of `pnpm dev` (turbo, tsx watch, vite). */
function stop(child: ChildProcess) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {}
}

interface Start {
  ref: string;
  commit: string;
  installMs: number;
  /** From `pnpm dev` until the demo's dev task starts: every package it needs is built. */
  buildMs: number;
  /** From `pnpm dev` until the API answers /healthz itself (seeded, listening). */
  apiMs: number;
  devMs: number;
  totalMs: number;
}

/**
 * `fullBuild`: the clone's `pnpm dev` depends on the full build (`^build`, type declarations
 * included) instead of `^build:js`, as it did before the JavaScript-only dev build: the same
 * tree with only that changed, the fairest baseline for it.
 */
export async function coldStart(ref: string, { fullBuild = false } = {}): Promise<Start> {
  const commit = git(REPO, 'rev-parse', ref);
  const dir = mkdtempSync(join(tmpdir(), 'rk-newcomer-'));
  try {
    git(tmpdir(), 'clone', '--quiet', '--no-checkout', REPO, dir);
    git(dir, 'checkout', '--quiet', commit);
    if (fullBuild) {
      const file = join(dir, 'turbo.json');
      const turbo = JSON.parse(readFileSync(file, 'utf8'));
      turbo.tasks.dev.dependsOn = ['^build'];
      writeFileSync(file, JSON.stringify(turbo, null, 2));
    }
    const apiPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(apiPort),
      RESALE_KIT_API: `http://127.0.0.1:${apiPort}`,
      // A newcomer's shell: no turbo cache or settings inherited from this one.
      TURBO_CACHE_DIR: undefined,
      FORCE_COLOR: '0',
      NO_COLOR: '1',
    };
    const t0 = performance.now();
    await run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], dir, env);
    const installMs = performance.now() - t0;

    const t1 = performance.now();
    const dev = spawn('pnpm', ['dev'], { cwd: dir, env, detached: true, stdio: 'pipe' });
    let log = '';
    let vite: string | null = null;
    let builtAt = Number.NaN;
    const onData = (c: Buffer) => {
      log += c;
      // turbo prefixes each task's lines: the demo's first dev line means its builds are done.
      if (Number.isNaN(builtAt) && /@resale-kit\/demo:dev: /.test(log)) builtAt = performance.now();
      // Vite takes the next port when 5173 is taken: read the one it prints.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes
      const plain = log.replace(/\u001b\[[0-9;]*m/g, '');
      vite ??= /Local:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(plain)?.[1] ?? null;
    };
    dev.stdout?.on('data', onData);
    dev.stderr?.on('data', onData);
    let apiAt = Number.NaN;
    try {
      for (;;) {
        if (
          Number.isNaN(apiAt) &&
          (await answers(`http://127.0.0.1:${apiPort}/healthz`, () => true))
        )
          apiAt = performance.now();
        if (performance.now() - t1 > TIMEOUT_MS) throw new Error(`no answer in time:\n${log}`);
        if (dev.exitCode !== null) throw new Error(`pnpm dev exited:\n${log}`);
        if (
          vite &&
          (await answers(`${vite}/`, (b) => b.includes('<div id="root">'))) &&
          (await answers(`${vite}/healthz`, () => true))
        )
          break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const devMs = performance.now() - t1;
      return {
        ref,
        commit,
        installMs,
        buildMs: builtAt - t1,
        apiMs: apiAt - t1,
        devMs,
        totalMs: installMs + devMs,
      };
    } finally {
      stop(dev);
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runNewcomer() {
  // Default baseline: this very commit with `pnpm dev` on the full build (types included), as
  // before the JS-only dev build. `--baseline <ref>` compares with another commit as it is.
  const baselineRef = arg('baseline');
  // One commit for both starts, even if the branch moves while they run.
  const name = arg('ref', 'HEAD') as string;
  const ref = git(REPO, 'rev-parse', name);
  // Baseline first, then this commit: both in the same minutes, on the same load.
  const baseline = baselineRef
    ? await coldStart(baselineRef)
    : { ...(await coldStart(ref, { fullBuild: true })), ref: `${name}, dev on the full build` };
  process.stdout.write(`  ${baseline.ref}: ${fmt(baseline.totalMs / 1000, 1)} s\n`);
  const current = { ...(await coldStart(ref)), ref: name };
  process.stdout.write(`  ${name}: ${fmt(current.totalMs / 1000, 1)} s\n`);
  const targets: Target[] = [
    target({
      area: 'newcomer',
      name: 'cold `pnpm install && pnpm dev` until the demo answers',
      figure: current.totalMs / 1000,
      figureLabel: `${name} (${current.commit.slice(0, 8)})`,
      baseline: baseline.totalMs / 1000,
      baselineLabel: `${baseline.ref} (${baseline.commit.slice(0, 8)})`,
      factor: 0.5,
      unit: 's',
    }),
  ];
  const s = (x: number) => fmt(x / 1000, 1);
  const markdown = [
    "A fresh clone (no node_modules, no turbo cache, no PGlite data), `pnpm install --frozen-lockfile --prefer-offline` (the machine's pnpm store, warm), then `pnpm dev` until the demo's page answers through Vite and the API answers through Vite's proxy (builds: until turbo starts the demo's dev task, its packages built; API up: the API answering /healthz itself, seeded). The baseline commit first, then this one, in the same minutes. Seconds.",
    '',
    table(
      ['commit', 'install', 'dev: builds', 'dev: API up', 'dev: until the demo answers', 'total'],
      [baseline, current].map((r) => [
        `${r.ref} (${r.commit.slice(0, 8)})`,
        s(r.installMs),
        s(r.buildMs),
        s(r.apiMs),
        s(r.devMs),
        s(r.totalMs),
      ]),
    ),
    '',
    targetsMarkdown(targets),
  ].join('\n');
  const result = {
    title: 'Newcomer start',
    machine: machine(),
    baseline,
    current,
    targets,
    markdown,
  };
  writeResult('newcomer', result);
  process.stdout.write(`\n${markdown}\n`);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runNewcomer().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
