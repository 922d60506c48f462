import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@resale-kit/chromium';
import { PHONE } from '@resale-kit/chromium/phone';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { createServer as createViteServer, type ViteDevServer } from 'vite';

const APP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS_DIR = join(APP_DIR, 'e2e-artifacts');

/** The moment the test server runs "as of" (the RESALE_KIT_NOW of the bin). */
export const TEST_NOW = '2026-06-15T12:00:00.000Z';

/** The published bin of @resale-kit/server: what `pnpm dev` and users run. */
const SERVER_BIN = join(
  dirname(createRequire(import.meta.url).resolve('@resale-kit/server/package.json')),
  'bin/resale-kit-server.js',
);

/**
 * Starts `resale-kit-server` on a free port with a fresh PGlite folder (seeded with the demo data)
 * and its clock pinned with RESALE_KIT_NOW; resolves with its URL once it listens.
 */
async function startApi(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RESALE_KIT_NOW: TEST_NOW,
    RESALE_KIT_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  };
  // Postgres, when CI sets it for the server's own tests, is not for this suite.
  delete env.DATABASE_URL;
  delete env.CORS_ORIGINS;
  const child = spawn(process.execPath, [SERVER_BIN, '--port', '0', '--seed-demo'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`resale-kit-server did not start:\n${output}`)),
      90_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(`[api] ${chunk.toString()}`);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`resale-kit-server exited with ${code}:\n${output}`));
    });
  });
  return { url, child };
}

function stopApi(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createNetServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

export interface Harness {
  /** The demo app's URL (the Vite dev server, proxying the API). */
  appUrl: string;
  /** The API's own URL. */
  apiUrl: string;
  page: Page;
  /**
   * Runs one step of a scenario; on failure saves a screenshot of the page in e2e-artifacts/,
   * prints its path and rethrows.
   */
  step: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * A real API (the server's bin on a fresh PGlite folder, demo seed, clock pinned at TEST_NOW),
 * the demo app on Vite's dev server proxying to it, and Debian Chromium driven by playwright-core.
 */
export async function startHarness(
  suite: string,
  options: { phone?: boolean } = {},
): Promise<Harness> {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (err) {
        console.error(`[e2e] cleanup failed: ${(err as Error).message}`);
      }
    }
  };
  try {
    const dataDir = mkdtempSync(join(tmpdir(), 'resale-kit-e2e-db-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const api = await startApi(dataDir);
    cleanups.push(() => stopApi(api.child));
    const apiUrl = api.url;

    // vite.config.ts reads RESALE_KIT_API when it loads: the proxy points at this API.
    process.env.RESALE_KIT_API = apiUrl;
    const vite: ViteDevServer = await createViteServer({
      root: APP_DIR,
      configFile: join(APP_DIR, 'vite.config.ts'),
      // Its own optimizer cache, so a `pnpm dev` running at the same time is left alone.
      cacheDir: join(APP_DIR, 'node_modules/.vite-e2e'),
      logLevel: 'warn',
      clearScreen: false,
      server: { port: await freePort(), strictPort: true, hmr: false },
    });
    cleanups.push(() => vite.close());
    await vite.listen();
    const appUrl = vite.resolvedUrls?.local[0]?.replace(/\/$/, '');
    if (!appUrl) throw new Error('The Vite dev server reports no local URL');

    const userDataDir = mkdtempSync(join(tmpdir(), 'resale-kit-e2e-'));
    cleanups.push(() => rmSync(userDataDir, { recursive: true, force: true }));
    const context: BrowserContext = await chromium.launchPersistentContext(userDataDir, {
      ...chromiumLaunchOptions(),
      // The phone suite runs on tooling/chromium's phone (390 x 844, mobile emulation, touch).
      ...(options.phone ? PHONE : { viewport: { width: 1440, height: 1000 } }),
      timeout: 60_000,
    });
    cleanups.push(() => context.close());
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => console.error(`[browser] ${err.message}`));

    const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      try {
        return await fn();
      } catch (err) {
        mkdirSync(ARTIFACTS_DIR, { recursive: true });
        const file = join(ARTIFACTS_DIR, `${slug(suite)}--${slug(name)}.png`);
        try {
          await page.screenshot({ path: file, fullPage: true });
          console.error(`[e2e] step "${name}" failed; screenshot: ${file}`);
        } catch (shotError) {
          console.error(
            `[e2e] step "${name}" failed; no screenshot: ${(shotError as Error).message}`,
          );
        }
        throw err;
      }
    };

    return { appUrl, apiUrl, page, step, close };
  } catch (err) {
    await close();
    throw err;
  }
}
