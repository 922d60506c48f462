#!/usr/bin/env node
/**
 * The dialogs in Debian Chromium with real (trusted) input, what jsdom cannot show: the page
 * behind is inert (Tab stays inside), a real Escape closes, focus returns to the opener, and on
 * a phone (390 x 844, mobile emulation) the dialog fills the screen with its primary action
 * visible and clickable. Runs against storybook-static (build it first). Exits 1 on a failure.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@resale-kit/chromium';
import { chromium } from 'playwright';

const root = fileURLToPath(new URL('../storybook-static/', import.meta.url));
if (!existsSync(join(root, 'index.json'))) {
  console.error('dialogs: storybook-static is missing; run `pnpm build-storybook` first');
  process.exit(1);
}
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(
    /^\/+/,
    '',
  );
  const file = join(root, path || 'index.html');
  if (!file.startsWith(root) || !existsSync(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(chromiumLaunchOptions());

let failed = 0;
let passed = 0;
const check = (label, ok, detail = '') => {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? '✓' : '✗'} ${label}${ok ? '' : ` ${detail}`}`);
};

/** Opens a story with its play function disabled (the checks drive it with real input). */
async function story(page, id) {
  await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`);
  await page.waitForFunction(
    () => window.__STORYBOOK_PREVIEW__?.currentRender?.phase === 'finished',
    null,
    { timeout: 30_000 },
  );
}
const focused = (page) =>
  page.evaluate(() => ({
    text: document.activeElement?.textContent?.trim() ?? '',
    inDialog: Boolean(document.activeElement?.closest('dialog')),
    invalid: document.activeElement?.getAttribute('aria-invalid') === 'true',
    // Tab past the last control leaves the document for the browser's own UI (body focused),
    // as the HTML spec allows; it must never reach the page behind the dialog.
    behind: !document.activeElement?.closest('dialog') && document.activeElement !== document.body,
  }));

try {
  // A phone: the create form in its dialog.
  const phone = await browser.newPage({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await story(phone, 'components-opportunityform--phone-dialog');
  // The story's play function already opened and cancelled it once: open it again for real.
  const opener = phone.getByRole('button', { name: 'Create opportunity' });
  await opener.click();
  const dialog = phone.getByRole('dialog', { name: 'Create opportunity' });
  const box = await dialog.boundingBox();
  check(
    'phone: the dialog fills the screen',
    box?.x === 0 && box?.y === 0 && box?.width === 390 && box?.height === 844,
    JSON.stringify(box),
  );
  const submit = dialog.getByRole('button', { name: 'Create opportunity' });
  const sbox = await submit.boundingBox();
  check(
    'phone: the submit button is on screen',
    Boolean(sbox && sbox.y >= 0 && sbox.y + sbox.height <= 844 && sbox.x + sbox.width <= 390),
    JSON.stringify(sbox),
  );
  await submit.click({ timeout: 5_000 });
  const afterSubmit = await focused(phone);
  check(
    'phone: an empty submit focuses the first invalid field',
    afterSubmit.invalid && afterSubmit.inDialog,
    JSON.stringify(afterSubmit),
  );
  let escaped = false;
  let cycled = false;
  for (let i = 0; i < 40 && !escaped; i++) {
    await phone.keyboard.press('Tab');
    const now = await focused(phone);
    escaped = now.behind;
    cycled ||= !now.inDialog;
  }
  check('Tab never reaches the page behind the modal dialog (40 Tabs)', !escaped);
  check('Tab went round the dialog (the test reached its end)', cycled);
  await phone.keyboard.press('Escape');
  check('a real Escape closes the dialog', !(await dialog.isVisible()));
  const afterEscape = await focused(phone);
  check(
    'Escape returns focus to the opener',
    afterEscape.text === 'Create opportunity' && !afterEscape.inDialog,
    JSON.stringify(afterEscape),
  );
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  check('phone: nothing wider than the viewport', overflow <= 0, `${overflow}px`);
  await phone.close();

  // A desktop: Cancel and the close button return focus too.
  const page = await browser.newPage();
  await story(page, 'components-deactivateconfirmation--cancel-returns-focus');
  await page.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  check('Cancel returns focus to the opener', (await focused(page)).text === 'Deactivate');
  await page.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('button', { name: 'Close dialog' }).click();
  check(
    'the close button returns focus to the opener',
    (await focused(page)).text === 'Deactivate',
  );
  await page.close();
} finally {
  await browser.close();
  server.close();
}
console.log(`dialog checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
