import { horizontalOverflow, unclickableActions } from '@resale-kit/chromium/phone';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { dialog, openAs, toolbarButton } from './portal';

const ISV = 'Acme Software admin';
const RESELLER = 'Northwind Partners user';

/** Nothing wider than the phone, and every visible primary action tappable. */
async function usableOnPhone(page: Page, where: string) {
  const overflow = await horizontalOverflow(page);
  const { problems, tried } = await unclickableActions(page);
  expect([...overflow, ...problems], where).toEqual([]);
  return tried;
}

describe('the demo on a phone (390 x 844, mobile emulation)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('phone', { phone: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the Partners page and its dialogs fit the screen, their primary actions tappable', async () => {
    const { page, step } = h;
    await step('the Partners page', async () => {
      await openAs(page, h.appUrl, ISV);
      expect(await usableOnPhone(page, 'Partners page')).toBeGreaterThan(0);
    });
    await step('the Create opportunity dialog', async () => {
      await page.getByRole('button', { name: 'Create opportunity', exact: true }).first().click();
      const form = dialog(page, 'Create opportunity');
      await form.waitFor();
      expect(await usableOnPhone(page, 'Create opportunity dialog')).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'detached' });
    });
    await step('the View details dialog', async () => {
      await page.getByRole('table').getByRole('checkbox').nth(1).check();
      await toolbarButton(page, 'View details').click();
      await page.getByRole('dialog').waitFor();
      await usableOnPhone(page, 'View details dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    });
  });

  it("the reseller's page fits the screen, its primary actions tappable", async () => {
    const { page, step } = h;
    await step('the reseller page', async () => {
      await openAs(page, h.appUrl, RESELLER);
      await usableOnPhone(page, 'reseller page');
    });
    await step('the Create offer dialog', async () => {
      // An Active row: the only kind an offer can be created from.
      await page.getByRole('checkbox', { name: 'Active', exact: true }).check();
      await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('active');
      await page.getByRole('table').getByRole('radio').first().check();
      await toolbarButton(page, 'Create offer').click();
      await dialog(page, 'Create offer').waitFor();
      expect(await usableOnPhone(page, 'Create offer dialog')).toBeGreaterThan(0);
    });
  });
});
