import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { dialog, openAs } from './portal';

const ISV = 'Acme Software admin';

describe('the Settings page of an ISV admin', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('settings');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The status of `me` called with a key: 200 while it works, 401 once revoked. */
  const meWith = async (key: string) =>
    (await fetch(`${h.apiUrl}/trpc/me`, { headers: { authorization: `Bearer ${key}` } })).status;

  it('adds a product and a user, shows a new key once, and a revoked key stops working', async () => {
    const { page, step } = h;
    const section = (name: string) => page.getByRole('region', { name });
    let secret = '';

    await step('open Settings from the menu', async () => {
      await openAs(page, h.appUrl, ISV);
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await section('Products').getByRole('rowheader').first().waitFor();
    });

    await step('add a product', async () => {
      await section('Products').getByLabel('Product name').fill('E2E Settings Product');
      await section('Products').getByRole('button', { name: 'Add product' }).click();
      await section('Products').getByRole('rowheader', { name: 'E2E Settings Product' }).waitFor();
    });

    await step('unlink a partner', async () => {
      const partners = section('Partners');
      const first = (await partners.getByRole('rowheader').first().textContent()) ?? '';
      await partners.getByRole('button', { name: `Unlink ${first}` }).click();
      await partners
        .getByRole('row', { name: new RegExp(first) })
        .getByText('Unlinked')
        .waitFor();
    });

    await step('add a user', async () => {
      const users = section('Users');
      await users.getByLabel('User name').fill('Erin E2E');
      await users.getByLabel('Email').fill('erin@example.com');
      await users.getByLabel('Role').selectOption('viewer');
      await users.getByRole('button', { name: 'Add user' }).click();
      await users.getByRole('rowheader', { name: 'Erin E2E' }).waitFor();
    });

    await step('create a key: its secret is shown once, and it works', async () => {
      const keys = section('API keys');
      await keys.getByLabel('Key label').fill('e2e-key');
      await keys.getByLabel('For user').selectOption({ label: 'Erin E2E' });
      await keys.getByRole('button', { name: 'Create key' }).click();
      const shown = dialog(page, 'Your new API key');
      secret = ((await shown.getByTestId('api-key-secret').textContent()) ?? '').trim();
      expect(secret.length).toBeGreaterThan(20);
      await shown.getByRole('button', { name: 'Done' }).click();
      await shown.waitFor({ state: 'hidden' });
      await keys.getByRole('rowheader', { name: 'e2e-key' }).waitFor();
      // Listed by label and prefix only: the secret is nowhere on the page any more.
      expect(await page.getByText(secret).count()).toBe(0);
      expect(await meWith(secret)).toBe(200);
    });

    await step('revoke it: the API refuses it at once', async () => {
      const keys = section('API keys');
      await keys.getByRole('button', { name: 'Revoke e2e-key' }).click();
      await keys
        .getByRole('row', { name: /e2e-key/ })
        .getByText('Revoked')
        .waitFor();
      expect(await meWith(secret)).toBe(401);
    });
  });

  it('is for ISV admins only', async () => {
    const { page, step } = h;
    await step('a reseller user is told so', async () => {
      await openAs(page, h.appUrl, 'Northwind Partners user');
      await page.getByRole('link', { name: 'Settings' }).click();
      await page
        .getByRole('alert')
        .getByText(/Only an ISV admin/)
        .waitFor();
    });
  });
});
