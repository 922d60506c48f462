import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { cell, dialog, openAs, row, search, toolbarButton } from './portal';

const ISV = 'Acme Software admin';

describe('deactivating opportunities', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness('deactivate');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an Active one becomes Restricted and Deactivate is no longer offered for it', async () => {
    const { page, step } = h;
    const name = 'No set duration, used 3 times';

    await step('select an Active opportunity', async () => {
      await openAs(page, h.appUrl, ISV);
      await search(page, name);
      expect(await cell(page, row(page, name), 'Status')).toBe('Active');
      await page.getByRole('checkbox', { name: `Select ${name}` }).check();
      expect(await toolbarButton(page, 'Deactivate').isEnabled()).toBe(true);
    });

    await step('confirm the deactivation', async () => {
      await toolbarButton(page, 'Deactivate').click();
      const confirm = dialog(page, 'Deactivate opportunity');
      await confirm.getByText(/cannot be undone/).waitFor();
      await confirm.getByRole('button', { name: 'Deactivate', exact: true }).click();
      await confirm.getByText('1 of 1 deactivated.').waitFor();
      await confirm.getByText(/^Deactivated:/).waitFor();
      await confirm.getByRole('button', { name: 'Close', exact: true }).last().click();
    });

    await step('the row is Restricted and cannot be deactivated again', async () => {
      await expect.poll(() => cell(page, row(page, name), 'Status')).toBe('Restricted');
      expect(await cell(page, row(page, name), 'Times used')).toBe('3');
      await page.getByRole('checkbox', { name: `Select ${name}` }).check();
      expect(await toolbarButton(page, 'Deactivate').isDisabled()).toBe(true);
    });
  });

  it('several at once: each reports its own result', async () => {
    const { page, step } = h;
    await step('select one Active and one Expired opportunity', async () => {
      await openAs(page, h.appUrl, ISV);
      await search(page, 'Specific duration');
      await page.getByRole('checkbox', { name: 'Select Specific duration, used 5 times' }).check();
      await page
        .getByRole('checkbox', { name: 'Select Specific duration, past its end date' })
        .check();
    });

    await step('deactivate both and read the per-item results', async () => {
      await toolbarButton(page, 'Deactivate').click();
      const confirm = dialog(page, 'Deactivate 2 opportunities');
      await confirm.getByText(/1 of the 2 selected will be left as they are/).waitFor();
      await confirm.getByRole('button', { name: 'Deactivate', exact: true }).click();
      await confirm.getByText('1 of 2 deactivated.').waitFor();
      await confirm.getByText(/Not changed: Expired/).waitFor();
      await confirm.getByRole('button', { name: 'Close', exact: true }).last().click();
      await expect
        .poll(() => cell(page, row(page, 'Specific duration, used 5 times'), 'Status'))
        .toBe('Restricted');
      expect(await cell(page, row(page, 'Specific duration, past its end date'), 'Status')).toBe(
        'Expired',
      );
    });
  });

  it('clone renews an expired opportunity: the form opens prefilled, the copy is Active', async () => {
    const { page, step } = h;
    const source = 'Specific duration, past its end date';
    const copy = 'E2E renewed by clone';

    await step('open Clone on an Expired opportunity', async () => {
      await openAs(page, h.appUrl, ISV);
      await search(page, source);
      await page.getByRole('checkbox', { name: `Select ${source}` }).check();
      await toolbarButton(page, 'Clone').click();
    });

    await step('the form is prefilled; a past end date must be replaced', async () => {
      const form = dialog(page, 'Clone opportunity');
      expect(await form.getByLabel('Opportunity name').inputValue()).toBe(source);
      expect(await form.getByLabel('Discount (%)').inputValue()).toBe('7.5');
      expect(await form.getByRole('radio', { name: /^Specific time duration/ }).isChecked()).toBe(
        true,
      );
      expect(await form.getByLabel(/^End date/).inputValue()).toBe('');
      await form.getByLabel('Opportunity name').fill(copy);
      await form.getByLabel(/^End date/).fill('2026-12-31');
      await form.getByRole('button', { name: 'Clone opportunity', exact: true }).click();
      await form.waitFor({ state: 'detached' });
    });

    await step('the copy is Active, unused, and records where it came from', async () => {
      await search(page, copy);
      await expect.poll(() => cell(page, row(page, copy), 'Status')).toBe('Active');
      expect(await cell(page, row(page, copy), 'Times used')).toBe('0');
      await page.getByRole('checkbox', { name: `Select ${copy}` }).check();
      await toolbarButton(page, 'View details').click();
      const details = dialog(page, `Opportunity details: ${copy}`);
      await details.getByText(/^Cloned from /).waitFor();
      await details.getByRole('button', { name: 'Close', exact: true }).click();
    });
  });
});
