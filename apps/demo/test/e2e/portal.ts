import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Page objects for the Partners page, by role and accessible name like a user finds things. */

/** Opens the page afresh (no filters, no dialog) as one of the demo identities. */
export async function openAs(page: Page, appUrl: string, identity: string): Promise<void> {
  await page.goto(appUrl);
  const switcher = page.getByLabel('Signed in as');
  await switcher.waitFor();
  if ((await switcher.inputValue()) !== identity) {
    await switcher.selectOption({ label: identity });
  }
  await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
  await expect.poll(() => switcher.inputValue()).toBe(identity);
  await waitForRows(page);
}

/** Waits until the table shows rows (not its loading state). */
export async function waitForRows(page: Page): Promise<void> {
  await table(page).getByRole('rowheader').first().waitFor();
}

/** The "Opportunities (N)" table. */
export function table(page: Page): Locator {
  return page.getByRole('table', { name: /^Opportunities/ });
}

/** The N of "Opportunities (N)". */
export async function totalCount(page: Page): Promise<number> {
  const text = await page.getByRole('heading', { name: /^Opportunities \(/ }).textContent();
  const match = /\((?:\d+\/)?([\d,]+)\)/.exec(text ?? '');
  if (!match?.[1]) throw new Error(`No count in the table heading: ${text}`);
  return Number(match[1].replace(/,/g, ''));
}

export function row(page: Page, name: string): Locator {
  return table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name }) });
}

/** The text of one cell of a row, found by its column header (by the header cell's position). */
export async function cell(page: Page, rowLocator: Locator, column: string): Promise<string> {
  const header = table(page).getByRole('columnheader', { name: column, exact: true });
  const index = await header.evaluate((th) => (th as HTMLTableCellElement).cellIndex);
  return ((await rowLocator.locator('th, td').nth(index).textContent()) ?? '').trim();
}

/** The names of the rows shown, in order. */
export async function rowNames(page: Page): Promise<string[]> {
  return (await table(page).getByRole('rowheader').allTextContents()).map((t) => t.trim());
}

export async function search(page: Page, text: string): Promise<void> {
  await page.getByLabel('Find opportunities').fill(text);
  await expect.poll(() => new URL(page.url()).searchParams.get('q') ?? '').toBe(text);
}

export function dialog(page: Page, name: string | RegExp): Locator {
  return page.getByRole('dialog', { name });
}

export function toolbarButton(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true }).first();
}

/** The number on a summary card ("Expiring in 30 days", "Active"). */
export async function cardValue(page: Page, label: string): Promise<number> {
  const card = page.getByRole('button', { name: new RegExp(`^${label}`) });
  await card
    .locator('.rk-card-value')
    .filter({ hasText: /^\d[\d,]*$/ })
    .waitFor();
  const text = await card.locator('.rk-card-value').textContent();
  return Number((text ?? '').replace(/,/g, ''));
}

export interface NewOpportunity {
  name: string;
  products: string[];
  resellers: string[];
  discount: string;
  duration: 'Single use' | 'Specific time duration' | 'No set time duration';
  endDate?: string;
}

export async function createOpportunity(page: Page, o: NewOpportunity): Promise<void> {
  await page.getByRole('button', { name: 'Create opportunity', exact: true }).first().click();
  const form = dialog(page, 'Create opportunity');
  await form.waitFor();
  await form.getByLabel('Opportunity name').fill(o.name);
  for (const product of o.products) {
    await form.getByRole('checkbox', { name: product, exact: true }).check();
  }
  for (const reseller of o.resellers) {
    await form.getByRole('checkbox', { name: reseller, exact: true }).check();
  }
  await form.getByLabel('Discount (%)').fill(o.discount);
  await form.getByRole('radio', { name: new RegExp(`^${o.duration}`) }).check();
  if (o.endDate) await form.getByLabel(/^End date/).fill(o.endDate);
  const count = o.products.length * o.resellers.length;
  await form
    .getByText(`${count} ${count === 1 ? 'opportunity' : 'opportunities'} will be created`)
    .waitFor();
  await form.getByRole('button', { name: /^Create (\d+ )?opportunit/ }).click();
  await form.waitFor({ state: 'detached' });
  await page
    .getByText(new RegExp(`${count} opportunit(y|ies) created`))
    .last()
    .waitFor();
}
