import type { Locator, Page } from 'playwright-core';
import { SESSION_COOKIE } from '../../src/server/session';

/** What the tests do on the portal's pages, by role and accessible name as a user finds things. */

export const ISV_USER = 'Alice Admin, Acme Software (ISV admin)';
export const RESELLER_USER = 'Nora North, Northwind Partners (reseller user)';

export async function signIn(page: Page, baseUrl: string, user: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('radio', { name: user }).check();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/(partners|reseller)$/);
}

/** The session cookie the browser holds for the portal, as a Cookie header. */
export async function sessionCookie(page: Page, baseUrl: string): Promise<string> {
  const cookies = await page.context().cookies(baseUrl);
  const session = cookies.find((c) => c.name === SESSION_COOKIE);
  if (!session) throw new Error(`no ${SESSION_COOKIE} cookie after sign-in`);
  return `${session.name}=${session.value}`;
}

export function table(page: Page): Locator {
  return page.getByRole('table', { name: /^Opportunities/ });
}

export function row(page: Page, name: string): Locator {
  return table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
}

/** The row's cell that shows exactly `text` (a status label, a count). */
export function cellWith(rowLocator: Locator, text: string): Locator {
  return rowLocator.getByRole('cell', { name: text, exact: true });
}

/** The names of the rows shown, in order. */
export function rowNames(page: Page): Promise<string[]> {
  return table(page).getByRole('rowheader').allInnerTexts();
}

/** The number on a summary card ("Active", "Expiring in 30 days"). */
export async function cardValue(page: Page, label: string): Promise<number> {
  const card = page.locator('.rk-card').filter({ hasText: new RegExp(`^${label}`) });
  const text = await card.locator('.rk-card-value').textContent();
  return Number((text ?? '').replace(/,/g, ''));
}

/** Creates one single-use opportunity through the kit's form in its dialog; waits for the confirmation. */
export async function createOpportunity(
  page: Page,
  o: { name: string; product: string; reseller: string; percent: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Create opportunity', exact: true }).click();
  const form = page.getByRole('dialog', { name: 'Create opportunity' });
  await form.getByLabel('Opportunity name').fill(o.name);
  await form.getByRole('checkbox', { name: o.product, exact: true }).check();
  await form.getByRole('checkbox', { name: o.reseller, exact: true }).check();
  await form.getByLabel('Discount (%)').fill(o.percent);
  await form.getByRole('radio', { name: /^Single use/ }).check();
  await form.getByRole('button', { name: 'Create opportunity', exact: true }).click();
  await page.getByRole('status').getByText(`1 opportunity created: ${o.name}`).waitFor();
  await form.waitFor({ state: 'detached' });
}
