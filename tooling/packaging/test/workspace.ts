import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** This package's folder, where publint and attw are installed. */
export const HERE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');
export const PUBLISHED = ['core', 'server', 'sdk', 'react'] as const;
export type Published = (typeof PUBLISHED)[number];

/** Runs a command; a failure carries its output, so CI logs say what went wrong. */
export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

/** Packs every published package (built beforehand by turbo) into a fresh folder. */
export function packAll(): Record<Published, string> {
  const dest = mkdtempSync(join(tmpdir(), 'resale-kit-tarballs-'));
  const out = {} as Record<Published, string>;
  for (const name of PUBLISHED) {
    const before = new Set(readdirSync(dest));
    run('pnpm', ['pack', '--pack-destination', dest], join(ROOT, 'packages', name));
    const tarball = readdirSync(dest).find((f) => !before.has(f));
    if (!tarball) throw new Error(`pnpm pack produced nothing for ${name}`);
    out[name] = join(dest, tarball);
  }
  return out;
}

/** Starts a process and resolves once `ready` matches its output; `stop()` ends it. */
export function startProcess(
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs?: number },
) {
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: { ...process.env, ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not ready in time:\n${output}`)),
      opts.timeoutMs ?? 60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (opts.ready.test(output)) {
        clearTimeout(timer);
        resolvePromise(output);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return { ready, stop, output: () => output };
}
