import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '@resale-kit/chromium';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { APP_DIR } from './portalServer';

const ARTIFACTS_DIR = join(APP_DIR, 'e2e-artifacts');

export interface Browser {
  page: Page;
  context: BrowserContext;
  /** Every console message of type error or warning, and every uncaught page error. */
  problems: string[];
  /** The Authorization header of every request the browser sent, when it had one. */
  authorizationHeaders: string[];
  /** The text of every document, script and fetch (RSC payloads, API answers) it received. */
  received: { url: string; text: string }[];
  /** Runs one step; on failure saves a screenshot in e2e-artifacts/ and rethrows. */
  step: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}

/** Debian Chromium through playwright-core, recording what the checks need. */
export async function openBrowser(): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'portal-next-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...chromiumLaunchOptions(),
    viewport: { width: 1440, height: 1000 },
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  const authorizationHeaders: string[] = [];
  const received: { url: string; text: string }[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  context.on('request', (request) => {
    const authorization = request.headers().authorization;
    if (authorization) authorizationHeaders.push(`${request.url()}: ${authorization}`);
  });
  context.on('response', async (response) => {
    if (!['document', 'script', 'fetch'].includes(response.request().resourceType())) return;
    try {
      received.push({ url: response.url(), text: await response.text() });
    } catch {
      // A redirect has no body.
    }
  });
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      const file = join(ARTIFACTS_DIR, `${name.replace(/[^a-z0-9]+/gi, '-')}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      console.error(`[e2e] step "${name}" failed; screenshot: ${file}`);
      throw err;
    }
  };
  const close = async () => {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  };
  return { page, context, problems, authorizationHeaders, received, step, close };
}
