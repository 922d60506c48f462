#!/usr/bin/env node
/**
 * Every story of the built Storybook (storybook-static) in Debian Chromium, scanned by axe-core
 * with every rule the jsdom tests cannot run (colour contrast, scrollable regions), in light and
 * dark. Needs `storybook build` first and Chromium at $CHROMIUM_PATH or /usr/bin/chromium.
 * Exits 1 on any violation.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@resale-kit/chromium';
import axe from 'axe-core';
import { chromium } from 'playwright';

const root = fileURLToPath(new URL('../storybook-static/', import.meta.url));
if (!existsSync(join(root, 'index.json'))) {
  console.error('a11y: storybook-static is missing; run `pnpm build-storybook` first');
  process.exit(1);
}
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(
    /^\/+/,
    '',
  );
  const file = join(root, path || 'index.html');
  if (!file.startsWith(root) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

// playwright gives the browser a fresh temporary profile
const browser = await chromium.launch(chromiumLaunchOptions());
const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter(
  (e) =>
    e.type === 'story' &&
    /Dialog|OpportunityForm|Deactivate|CreateOffer|OpportunityDetails|OpportunityFilters/.test(
      e.title,
    ),
);
let failures = 0;
let failedStories = 0;
try {
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') console.log('CONSOLE', m.text().slice(0, 300));
  });
  page.on('pageerror', (e) => console.log('PAGEERROR', String(e).slice(0, 300)));
  for (const story of stories) {
    for (const theme of ['light', 'dark']) {
      await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story&globals=theme:${theme}`);
      await page.waitForFunction(
        () => document.querySelector('#storybook-root')?.childElementCount > 0,
        null,
        { timeout: 30_000 },
      );
      await page
        .waitForFunction(
          () =>
            ['completed', 'errored', 'aborted', 'finished'].includes(
              window.__STORYBOOK_PREVIEW__?.currentRender?.phase,
            ),
          null,
          { timeout: 30_000 },
        )
        .catch(() => {});
      const phase = await page.evaluate(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase);
      if (phase !== 'finished') console.log('PHASE', story.id, theme, phase);
      // Storybook's a11y addon may have loaded axe already and be scanning: wait for it to finish.
      if (!(await page.evaluate(() => 'axe' in window)))
        await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const options = { resultTypes: ['violations'], rules: { region: { enabled: false } } };
        let r;
        for (let attempt = 0; !r; attempt++) {
          try {
            r = await window.axe.run('#storybook-root', options);
          } catch (e) {
            if (attempt > 50 || !String(e).includes('already running')) throw e;
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
        return r.violations.flatMap((v) =>
          v.nodes.map(
            (n) =>
              `${v.id}: ${v.help} at ${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`,
          ),
        );
      });
      const label = `${story.title} / ${story.name} (${theme})`;
      if (violations.length) {
        failures += violations.length;
        failedStories += 1;
        console.log(`✗ ${label}\n  ${violations.join('\n  ')}`);
      } else {
        console.log(`✓ ${label}`);
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
// One line .ci/run adds to the run's totals: each story x theme is a check.
const checks = stories.length * 2;
console.log(`a11y: ${failures} violation(s) in ${stories.length} stories x 2 themes`);
console.log(`a11y checks: ${checks - failedStories} passed, ${failedStories} failed`);
process.exit(failures ? 1 : 0);
