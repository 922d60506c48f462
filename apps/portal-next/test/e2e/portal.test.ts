import type { ResaleOutputs } from '@resale-kit/sdk';
import { DEMO_IDENTITIES } from '@resale-kit/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/server/session';
import { PAGE_SIZE } from '../../src/shared/firstView';
import { type Browser, openBrowser } from './browser';
import {
  cardValue,
  cellWith,
  createOpportunity,
  ISV_USER,
  RESELLER_USER,
  row,
  rowNames,
  sessionCookie,
  signIn,
  table,
} from './pages';
import { ensureBuilt, type PortalServer, startPortal } from './portalServer';
import { apiGet, expectFirstViewInHtml, hydrationProblems } from './ssr';

/**
 * The built portal (`next build`, reused when current) under `next start` on a fresh PGlite
 * folder: DATABASE_URL, which CI sets for the server's own tests, is not inherited (the
 * Postgres run is postgres.test.ts). One portal and one browser for the whole file.
 */
describe('portal-next on PGlite', () => {
  let portal: PortalServer;
  let browser: Browser;
  const suffix = Date.now().toString(36);
  const toDeactivate = `E2E deactivate ${suffix}`;
  const toOffer = `E2E offer ${suffix}`;

  beforeAll(async () => {
    ensureBuilt();
    [portal, browser] = await Promise.all([startPortal(), openBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });

  /** Loads a page afresh; resolves with the hydration complaints the browser logged meanwhile. */
  async function load(path: string): Promise<string[]> {
    const since = browser.problems.length;
    await browser.page.goto(`${portal.url}${path}`, { waitUntil: 'networkidle' });
    return hydrationProblems(browser.problems.slice(since));
  }

  it('refuses the API without a valid session (API keys included), and a reseller on ISV procedures', async () => {
    const { page } = browser;
    const summary = (cookie?: string) => apiGet(portal.url, 'opportunities.summary', cookie);
    expect((await summary()).status).toBe(401);
    expect((await summary(`${SESSION_COOKIE}=forged`)).status).toBe(401);
    // Sessions only: a valid API key in a header is no way in through the portal.
    const withKey = await fetch(`${portal.url}/api/trpc/me`, {
      headers: { authorization: `Bearer ${DEMO_IDENTITIES[0]?.apiKey}` },
    });
    expect(withKey.status).toBe(401);
    await signIn(page, portal.url, RESELLER_USER);
    const reseller = await sessionCookie(page, portal.url);
    // The same claims with a signature made without the secret are refused.
    const [head, claims] = reseller.split('.');
    expect((await apiGet(portal.url, 'me', `${head}.${claims}.AAAA`)).status).toBe(401);
    expect((await summary(reseller)).status).toBe(403);
    const me = await apiGet<ResaleOutputs['me']>(portal.url, 'me', reseller);
    expect(me.body.principal.name).toBe('Nora North');
  });

  it("serves the ISV's summary and first rows in the HTML, before any JavaScript", async () => {
    await browser.step('isv-ssr', async () => {
      await signIn(browser.page, portal.url, ISV_USER);
      const list = await expectFirstViewInHtml(
        portal.url,
        '/partners',
        await sessionCookie(browser.page, portal.url),
      );
      expect(list.items).toHaveLength(PAGE_SIZE);
    });
  });

  it('hydrates the Partners page from the server render: no refetch, no warning', async () => {
    const { page, step } = browser;
    await step('isv-hydrate', async () => {
      const apiCalls: string[] = [];
      const record = (request: { url(): string }) => {
        if (request.url().includes('/api/trpc/')) apiCalls.push(request.url());
      };
      page.on('request', record);
      expect(await load('/partners')).toEqual([]);
      page.off('request', record);
      // The browser's cache held the server's queries under the keys it asks for.
      expect(apiCalls).toEqual([]);
      // Interactive: sorting by name asks the API and reorders the rows.
      const before = await rowNames(page);
      await table(page)
        .getByRole('button', { name: /^Opportunity name/ })
        .click();
      await expect.poll(() => rowNames(page)).not.toEqual(before);
      const sorted = await rowNames(page);
      expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b)));
    });
  });

  it('creates opportunities and deactivates one', async () => {
    const { page, step } = browser;
    await page.goto(`${portal.url}/partners`);
    const active = await cardValue(page, 'Active');
    await step('create', async () => {
      for (const name of [toDeactivate, toOffer]) {
        await createOpportunity(page, {
          name,
          product: 'Acme Data Pipeline',
          reseller: 'Northwind Partners',
          percent: '12.5',
        });
        await cellWith(row(page, name), 'Active').waitFor();
      }
      await expect.poll(() => cardValue(page, 'Active')).toBe(active + 2);
    });
    await step('deactivate', async () => {
      await page.getByRole('checkbox', { name: `Select ${toDeactivate}` }).check();
      await page.getByRole('button', { name: 'Deactivate', exact: true }).click();
      const confirm = page.getByRole('dialog', { name: 'Deactivate opportunities' });
      await confirm.getByRole('button', { name: 'Deactivate', exact: true }).click();
      await confirm.getByRole('status').getByText('1 of 1 deactivated').waitFor();
      await confirm.getByRole('button', { name: 'Close', exact: true }).click();
      await cellWith(row(page, toDeactivate), 'Restricted').waitFor();
      await expect.poll(() => cardValue(page, 'Active')).toBe(active + 1);
    });
  });

  it("serves the reseller's first rows in the HTML, then creates an offer", async () => {
    const { page, step } = browser;
    await step('reseller', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/sign-in$/);
      await signIn(page, portal.url, RESELLER_USER);
      const cookie = await sessionCookie(page, portal.url);
      const list = await expectFirstViewInHtml(portal.url, '/reseller', cookie);
      expect(list.items.map((o) => o.name)).toContain(toOffer);

      expect(await load('/reseller')).toEqual([]);
      await page.getByRole('radio', { name: `Select ${toOffer}` }).check();
      await page.getByRole('button', { name: 'Create offer', exact: true }).click();
      const form = page.getByRole('dialog', { name: 'Create offer' });
      await form.getByLabel('Buyer AWS account ID').fill('123456789012');
      await form.getByRole('button', { name: 'Create offer', exact: true }).click();
      await page
        .getByRole('status')
        .getByText(/^Offer .+ created from/)
        .waitFor();
      // Single use: the offer used it once, and that completes it.
      await cellWith(row(page, toOffer), 'Complete').waitFor();
      await cellWith(row(page, toOffer), '1').waitFor();
    });
  });

  it('never gave the browser an API key, and the browser never sent an Authorization header', () => {
    const { received, authorizationHeaders, problems } = browser;
    expect(received.some((r) => r.url.endsWith('/partners'))).toBe(true);
    expect(received.some((r) => r.url.includes('/_next/static/'))).toBe(true);
    expect(received.some((r) => r.url.includes('/api/trpc/'))).toBe(true);
    expect(received.filter((r) => /\brk_[a-z]+_/i.test(r.text)).map((r) => r.url)).toEqual([]);
    expect(authorizationHeaders).toEqual([]);
    expect(problems).toEqual([]);
  });
});
