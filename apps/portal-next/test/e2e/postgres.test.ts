import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Browser, openBrowser } from './browser';
import { ISV_USER, sessionCookie, signIn } from './pages';
import { ensureBuilt, type PortalServer, startPortal } from './portalServer';
import { expectFirstViewInHtml } from './ssr';

/**
 * The portal with DATABASE_URL: a fresh database on the Postgres server DATABASE_URL names,
 * migrated and seeded by the portal itself, dropped afterwards. Without DATABASE_URL this is
 * reported as skipped.
 */
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) console.warn('PORTAL POSTGRES TEST SKIPPED: DATABASE_URL not set');

describe.skipIf(!adminUrl)('portal-next on Postgres (DATABASE_URL)', () => {
  const name = `portal_e2e_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl ?? '', { max: 1, onnotice: () => {} });
  let portal: PortalServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    ensureBuilt();
    await admin.unsafe(`create database ${name}`);
    const url = new URL(adminUrl ?? '');
    url.pathname = `/${name}`;
    [portal, browser] = await Promise.all([
      startPortal({ databaseUrl: url.toString() }),
      openBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  });

  it('signs in and serves the Partners page with the seeded rows in its HTML', async () => {
    if (!portal || !browser) throw new Error('not started');
    await signIn(browser.page, portal.url, ISV_USER);
    await expectFirstViewInHtml(
      portal.url,
      '/partners',
      await sessionCookie(browser.page, portal.url),
    );
  });
});
