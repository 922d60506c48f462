#!/usr/bin/env node
/**
 * Every story of the built Storybook (storybook-static) in Debian Chromium, scanned by axe-core
 * with every rule the jsdom tests cannot run (colour contrast, scrollable regions), in light and
 * dark. Needs `storybook build` first and Chromium at $CHROMIUM_PATH or /usr/bin/chromium.
 * Exits 1 on any violation.
 */
import { chromiumLaunchOptions } from '@resale-kit/chromium';
import axe from 'axe-core';
import { chromium } from 'playwright';
import { openStory, serveStorybook } from './storybook-static.mjs';

const { base, stories, close } = await serveStorybook('a11y');

// playwright gives the browser a fresh temporary profile
const browser = await chromium.launch(chromiumLaunchOptions());
let failures = 0;
let failedStories = 0;
try {
  const page = await browser.newPage();
  for (const story of stories) {
    for (const theme of ['light', 'dark']) {
      await openStory(page, base, story.id, `theme:${theme}`);
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
  close();
}
// One line .ci/run adds to the run's totals: each story x theme is a check.
const checks = stories.length * 2;
console.log(`a11y: ${failures} violation(s) in ${stories.length} stories x 2 themes`);
console.log(`a11y checks: ${checks - failedStories} passed, ${failedStories} failed`);
process.exit(failures ? 1 : 0);
