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
      await confirm.getByText(/1 of the selected will be left as they are/).waitFor();
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
});
