import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { cell, dialog, openAs, row, rowNames, search, totalCount, waitForRows } from './portal';

const ISV = 'Acme Software admin';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe('the opportunities table', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('table');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('filters, sorts and pages on the server, with the state in the URL', async () => {
    const { page, step } = h;
    let all = 0;

    await step('filter by status', async () => {
      await openAs(page, h.appUrl, ISV);
      all = await totalCount(page);
      expect(all).toBeGreaterThan(20);
      await page.getByRole('checkbox', { name: 'Expired', exact: true }).check();
      await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('expired');
      await expect.poll(() => totalCount(page)).toBeLessThan(all);
      for (const name of await rowNames(page)) {
        expect(await cell(page, row(page, name), 'Status')).toBe('Expired');
      }
    });

    await step('filter by text and product, then clear', async () => {
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => totalCount(page)).toBe(all);
      await search(page, 'Healthcare');
      await expect.poll(async () => (await rowNames(page)).length).toBeGreaterThan(0);
      await expect
        .poll(async () => (await rowNames(page)).every((n) => n.includes('Healthcare')))
        .toBe(true);
      await page.getByLabel('Product').selectOption({ label: 'Acme Backup Vault' });
      await expect.poll(() => new URL(page.url()).searchParams.has('product')).toBe(true);
      await expect
        .poll(async () => {
          const names = await rowNames(page);
          if (names.length === 0) return 'empty';
          const products = await Promise.all(
            names.map((n) => cell(page, row(page, n), 'Product name')),
          );
          return products.every((p) => p === 'Acme Backup Vault') ? 'ok' : products.join();
        })
        .toMatch(/ok|empty/);
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect.poll(() => totalCount(page)).toBe(all);
      expect(new URL(page.url()).search).toBe('');
    });

    await step('sort by name, both directions', async () => {
      const sortByName = page
        .getByRole('columnheader', { name: 'Opportunity name' })
        .getByRole('button');
      await sortByName.click();
      await expect.poll(() => new URL(page.url()).searchParams.get('dir')).toBe('asc');
      const header = page.getByRole('columnheader', { name: 'Opportunity name' });
      expect(await header.getAttribute('aria-sort')).toBe('ascending');
      await expect
        .poll(async () => {
          const names = await rowNames(page);
          return names.join('|') === [...names].sort((a, b) => a.localeCompare(b, 'en')).join('|');
        })
        .toBe(true);
      const firstAsc = (await rowNames(page))[0];
      await sortByName.click();
      await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
      await expect.poll(async () => (await rowNames(page))[0]).not.toBe(firstAsc);
    });

    await step('page forward and back with the cursors', async () => {
      const first = await rowNames(page);
      expect(first).toHaveLength(10);
      await page.getByRole('button', { name: /Next/ }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
      await page.getByText(/Page 2 of \d+/).waitFor();
      await expect.poll(async () => (await rowNames(page))[0]).not.toBe(first[0]);
      const second = await rowNames(page);
      expect(second.some((n) => first.includes(n))).toBe(false);
      await page.getByRole('button', { name: /Previous/ }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe(null);
      await expect.poll(() => rowNames(page)).toEqual(first);
      // Back in history returns to page 2: the page lives in the URL.
      await page.goBack();
      await expect.poll(() => rowNames(page)).toEqual(second);
      await page.reload();
      await waitForRows(page);
      await expect.poll(() => rowNames(page)).toEqual(second);
    });
  });

  it('a page link with a cursor the API refuses restarts at page 1, with a notice', async () => {
    const { page, step } = h;
    await step('open a link with a garbled cursor', async () => {
      await openAs(page, h.appUrl, ISV);
      const first = await rowNames(page);
      await page.goto(`${h.appUrl}/?cursor=bm90LWEtY3Vyc29y&page=3`);
      await page.getByText(/That page is no longer available/).waitFor();
      await expect.poll(() => new URL(page.url()).searchParams.get('cursor')).toBe(null);
      await expect.poll(() => rowNames(page)).toEqual(first);
      expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
    });
  });

  it('the "Expiring in 30 days" card shows the Expires column, sortable on the server', async () => {
    const { page, step } = h;
    await step('filter by the card', async () => {
      await openAs(page, h.appUrl, ISV);
      const expires = page.getByRole('columnheader', { name: /^Expires/ });
      expect(await expires.count()).toBe(0);
      await page.getByRole('button', { name: /^Expiring in 30 days/ }).click();
      await expires.waitFor();
      await page.getByRole('button', { name: 'Expires', exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('endDate');
      await expect.poll(() => expires.getAttribute('aria-sort')).toBe('ascending');
      await waitForRows(page);
      // Every row expires within the window, so each has a date; in ascending order.
      const at = await expires.evaluate((th) => (th as HTMLTableCellElement).cellIndex);
      const texts = await page
        .getByRole('table')
        .locator('tbody tr')
        .evaluateAll((rows, i) => rows.map((r) => r.children[i]?.textContent ?? ''), at);
      const times = texts.map((t) => Date.parse(t));
      expect(times.length).toBeGreaterThan(0);
      expect(times.every(Number.isFinite), texts.join(', ')).toBe(true);
      expect(times).toEqual([...times].sort((a, b) => a - b));
    });
  });

  it('while a new filter loads, Next waits for its page (the rows shown are the old list)', async () => {
    const { page, step } = h;
    const next = page.getByRole('button', { name: /Next/ });
    const isList = (url: URL) => url.pathname.includes('opportunities.list');
    let release = () => {};
    const held = new Promise<void>((done) => {
      release = done;
    });

    await step('hold the filtered page while the unfiltered rows stay shown', async () => {
      await openAs(page, h.appUrl, ISV);
      expect(await next.isEnabled()).toBe(true);
      await page.route(isList, async (route) => {
        await held;
        await route.continue();
      });
      const before = await rowNames(page);
      await page.getByRole('checkbox', { name: 'Active', exact: true }).check();
      await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('active');
      expect(await rowNames(page)).toEqual(before);
      await expect.poll(() => next.isEnabled()).toBe(false);
    });

    await step('once it loads, Next pages the filtered list', async () => {
      release();
      await expect.poll(() => next.isEnabled()).toBe(true);
      // Only once the held request is answered: unrouting a pending one would answer it twice.
      await page.unroute(isList);
      const first = await rowNames(page);
      await next.click();
      await page.getByText(/Page 2 of \d+/).waitFor();
      // Page 1's rows stay shown until page 2 arrives.
      await expect.poll(async () => (await rowNames(page))[0]).not.toBe(first[0]);
      expect(new URL(page.url()).searchParams.get('status')).toBe('active');
      expect(await page.getByRole('alert').count()).toBe(0);
      for (const name of await rowNames(page)) {
        expect(await cell(page, row(page, name), 'Status')).toBe('Active');
      }
    });
  });

  it('has no axe violations, on the page and in the create form', async () => {
    const { page, step } = h;
    const scan = async () => {
      await page.addScriptTag({ path: axePath });
      return page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: unknown) => Promise<unknown> } }).axe;
        const result = (await axe.run(document)) as { violations: AxeViolation[] };
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((n) => n.target.join(' ')),
        }));
      });
    };

    await step('scan the Partners page', async () => {
      await page.goto(h.appUrl);
      await openAs(page, h.appUrl, ISV);
      await page
        .getByRole('button', { name: /^Active/ })
        .locator('.rk-card-value')
        .waitFor();
      await page
        .getByRole('checkbox', { name: /^Select / })
        .first()
        .check();
      expect(await scan()).toEqual([]);
    });

    await step('scan the create form', async () => {
      await page.getByRole('button', { name: 'Create opportunity', exact: true }).first().click();
      await dialog(page, 'Create opportunity').getByLabel('Opportunity name').waitFor();
      expect(await scan()).toEqual([]);
      await dialog(page, 'Create opportunity').getByRole('button', { name: 'Cancel' }).click();
    });

    await step('scan the reseller view', async () => {
      await openAs(page, h.appUrl, 'Northwind Partners user');
      await search(page, '');
      expect(await scan()).toEqual([]);
    });
  });
});
