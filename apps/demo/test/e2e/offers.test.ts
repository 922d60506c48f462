import { addDays } from '@resale-kit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, TEST_NOW } from './harness';
import {
  cardValue,
  cell,
  createOpportunity,
  dialog,
  openAs,
  row,
  rowNames,
  search,
  toolbarButton,
} from './portal';

const ISV = 'Acme Software admin';
const RESELLER = 'Northwind Partners user';

describe('creating opportunities and offers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('offers');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('single use: a reseller creates an offer, the opportunity turns Complete with times used 1', async () => {
    const { page, step } = h;
    const name = 'E2E single use for Northwind';

    await step('ISV creates a single-use opportunity', async () => {
      await openAs(page, h.appUrl, ISV);
      await page.getByText(/Showing data as of/).waitFor();
      await createOpportunity(page, {
        name,
        products: ['Acme Observability Suite'],
        resellers: ['Northwind Partners'],
        discount: '15',
        duration: 'Single use',
      });
      await search(page, name);
      await expect.poll(() => cell(page, row(page, name), 'Status')).toBe('Active');
      expect(await cell(page, row(page, name), 'Times used')).toBe('0');
    });

    await step('the reseller sees it and creates an offer', async () => {
      await openAs(page, h.appUrl, RESELLER);
      // Only the opportunities that target this reseller, whatever the ISV.
      for (const shown of await rowNames(page)) {
        expect(await cell(page, row(page, shown), 'Reseller name')).toBe('Northwind Partners');
      }
      await search(page, name);
      await page.getByRole('radio', { name: `Select ${name}` }).check();
      await toolbarButton(page, 'Create offer').click();
      const offer = dialog(page, 'Create offer');
      await offer.getByLabel('Buyer AWS account ID').fill('123456789012');
      await offer.getByRole('button', { name: 'Create offer', exact: true }).click();
      await offer.getByText('Channel Partner Private Offer created.').waitFor();
      const timesUsed = offer.getByRole('status').locator('dt:text-is("Times used") + dd');
      expect(await timesUsed.textContent()).toBe('1');
      await offer.getByText('Complete', { exact: true }).waitFor();
      await offer.getByRole('button', { name: 'Close', exact: true }).click();
    });

    await step('the reseller sees it Complete, and can no longer use it', async () => {
      await expect.poll(() => cell(page, row(page, name), 'Status')).toBe('Complete');
      expect(await cell(page, row(page, name), 'Times used')).toBe('1');
      await page.getByRole('radio', { name: `Select ${name}` }).check();
      expect(await toolbarButton(page, 'Create offer').isDisabled()).toBe(true);
    });

    await step(
      'the ISV sees it Complete with times used 1, and the offer in its details',
      async () => {
        await openAs(page, h.appUrl, ISV);
        await search(page, name);
        await expect.poll(() => cell(page, row(page, name), 'Status')).toBe('Complete');
        expect(await cell(page, row(page, name), 'Times used')).toBe('1');
        await page.getByRole('checkbox', { name: `Select ${name}` }).check();
        await toolbarButton(page, 'View details').click();
        const details = dialog(page, `Opportunity details: ${name}`);
        await details.getByRole('cell', { name: '123456789012' }).waitFor();
        await details.getByText(/^Used to create offer/).waitFor();
        await details.getByText('Created', { exact: true }).first().waitFor();
        await details.getByRole('button', { name: 'Close', exact: true }).click();
      },
    );
  });

  it('specific duration ending within 30 days: Active and counted by "Expiring in 30 days"', async () => {
    const { page, step } = h;
    const name = 'E2E ends in ten days';
    const endDate = addDays(TEST_NOW.slice(0, 10), 10);
    let before = 0;

    await step('read the cards', async () => {
      await openAs(page, h.appUrl, ISV);
      before = await cardValue(page, 'Expiring in 30 days');
    });

    await step('create a specific-duration opportunity ending in 10 days', async () => {
      await createOpportunity(page, {
        name,
        products: ['Acme Data Pipeline'],
        resellers: ['Contoso Channel'],
        discount: '12.5',
        duration: 'Specific time duration',
        endDate,
      });
    });

    await step('the card counts it and the row is Active', async () => {
      await expect.poll(() => cardValue(page, 'Expiring in 30 days')).toBe(before + 1);
      await search(page, name);
      await expect.poll(() => cell(page, row(page, name), 'Status')).toBe('Active');
      expect(await cell(page, row(page, name), 'Discount type')).toBe('Percentage (12.5%)');
    });

    await step('the card filters the table to the expiring ones, which include it', async () => {
      await page.getByLabel('Find opportunities').fill('');
      await page.getByRole('button', { name: /^Expiring in 30 days/ }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('expiring')).toBe('30');
      await search(page, name);
      await row(page, name).waitFor();
    });
  });

  it('shows every field error at once, next to its field', async () => {
    const { page, step } = h;
    await step('submit a create with a bad discount and no reseller', async () => {
      await openAs(page, h.appUrl, ISV);
      await page.getByRole('button', { name: 'Create opportunity', exact: true }).first().click();
      const form = dialog(page, 'Create opportunity');
      await form.getByLabel('Opportunity name').fill('E2E invalid');
      await form.getByRole('checkbox', { name: 'Acme Backup Vault', exact: true }).check();
      await form.getByLabel('Discount (%)').fill('150');
      await form.getByRole('radio', { name: /^No set time duration/ }).check();
      await form.getByRole('button', { name: 'Create opportunity', exact: true }).click();
      // The kit checks core's rules before sending: every error at once, in words.
      await form.getByText('Discount must be between 0.01% and 100%').first().waitFor();
      await form.getByText('Choose at least one reseller').first().waitFor();
      const discount = form.getByLabel('Discount (%)');
      expect(await discount.getAttribute('aria-invalid')).toBe('true');
      await form.getByRole('button', { name: 'Cancel' }).click();
    });
  });
});
