/**
 * Takes docs/demo.png: the Partners page with the demo data, as an ISV user, in Debian Chromium.
 * Run with `pnpm --filter @resale-kit/demo screenshot` after building the packages.
 */
import { resolve } from 'node:path';
import { startHarness } from '../test/e2e/harness';

const out = resolve(import.meta.dirname, '../../../docs/demo.png');

const h = await startHarness('screenshot');
try {
  await h.page.setViewportSize({ width: 1440, height: 1020 });
  await h.page.goto(h.appUrl);
  await h.page.getByLabel('Signed in as').selectOption({ label: 'Acme Software admin' });
  await h.page.getByRole('rowheader').first().waitFor();
  await h.page
    .getByRole('button', { name: /^Active/ })
    .locator('.rk-card-value')
    .waitFor();
  await h.page.getByRole('checkbox', { name: 'Select Retail pilot 15' }).check();
  await h.page.mouse.move(0, 0);
  await h.page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await h.close();
}
