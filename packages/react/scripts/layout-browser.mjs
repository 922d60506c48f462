#!/usr/bin/env node
/**
 * Every story of the built Storybook (storybook-static) in Debian Chromium, as a person on a
 * phone and on a big screen sees it:
 * - phone checks: on a 390 x 844 phone (mobile emulation, touch) nothing sticks out of the
 *   viewport sideways (a table scrolls in its own box) and every visible primary action can be
 *   tapped; at 320 px (the narrowest phone) and 1920 px nothing sticks out either;
 * - truncation checks: in the table's long-name stories, left to right and right to left,
 *   every value cut with an ellipsis keeps its logical start and loses its logical end.
 * Needs `storybook build` first. Prints "phone checks: N passed, N failed" (counted by CI)
 * and exits 1 on any failure.
 */
import { chromiumLaunchOptions } from '@resale-kit/chromium';
import { horizontalOverflow, PHONE, unclickableActions } from '@resale-kit/chromium/phone';
import { chromium } from 'playwright';
import { openStory, serveStorybook } from './storybook-static.mjs';

const served = await serveStorybook('layout');
const { base, close } = served;
// `node scripts/layout-browser.mjs OpportunityFilters`: only the stories whose title has it.
const only = process.argv[2];
const stories = only ? served.stories.filter((s) => s.title.includes(only)) : served.stories;
const browser = await chromium.launch(chromiumLaunchOptions());

/** Every cut value: its text direction, and whether its first / last character is inside its box. */
function cutValues() {
  const out = [];
  for (const el of document.querySelectorAll('.rk-ellipsis')) {
    const text = el.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE || el.scrollWidth <= el.clientWidth + 1) continue;
    const box = el.getBoundingClientRect();
    const charRect = (i) => {
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      return range.getBoundingClientRect();
    };
    const inside = (r) => r.left >= box.left - 1 && r.right <= box.right + 1;
    const first = charRect(0);
    const last = charRect(text.length - 1);
    const direction = getComputedStyle(el).direction;
    out.push({
      value: text.textContent.slice(0, 30),
      direction,
      firstInside: inside(first),
      // Cut at the logical end: beyond the box on the end side of the value's own direction.
      lastCutAtEnd: direction === 'rtl' ? last.right <= box.left + 1 : last.left >= box.right - 1,
    });
  }
  return out;
}

let passed = 0;
let failed = 0;
const report = (ok, label, problems) => {
  if (ok) passed += 1;
  else failed += 1;
  console.log(ok ? `✓ ${label}` : `✗ ${label}\n  ${problems.join('\n  ')}`);
};

try {
  // One page per story: the phone first, then the same page resized to 320 and 1920 px (a
  // resize lays the story out again, as a rotated phone or a resized window would).
  const phonePage = await (await browser.newContext(PHONE)).newPage();
  for (const story of stories) {
    const problems = [];
    await openStory(phonePage, base, story.id);
    problems.push(...(await horizontalOverflow(phonePage)).map((p) => `390 px: ${p}`));
    const actions = await unclickableActions(phonePage);
    problems.push(...actions.problems.map((p) => `390 px: ${p}`));
    for (const [width, height] of [
      [320, 640],
      [1920, 1080],
    ]) {
      await phonePage.setViewportSize({ width, height });
      await phonePage.waitForTimeout(50); // resize observers, then a frame
      await phonePage.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
      problems.push(...(await horizontalOverflow(phonePage)).map((p) => `${width} px: ${p}`));
    }
    await phonePage.setViewportSize(PHONE.viewport);
    report(problems.length === 0, `phone: ${story.title} / ${story.name}`, problems);
  }

  // Truncation, in the stories whose values are long, both directions.
  const page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 } })
  ).newPage();
  const longStories = stories.filter(
    (s) =>
      s.title.endsWith('OpportunitiesTable') &&
      /^(very-long-names|right-to-left)$/.test(s.id.split('--')[1]),
  );
  if (!only && longStories.length < 2)
    report(false, 'truncation: the long-name stories exist', ['missing']);
  for (const story of longStories) {
    for (const dir of ['ltr', 'rtl']) {
      await openStory(page, base, story.id, `direction:${dir}`);
      const values = await page.evaluate(cutValues);
      const problems = values
        .filter((v) => !v.firstInside || !v.lastCutAtEnd)
        .map((v) => `"${v.value}…" (${v.direction}) is not cut at its logical end`);
      if (values.length === 0) problems.push('no value is cut: the story lost its long values');
      if (story.id.endsWith('right-to-left') && !values.some((v) => v.direction === 'rtl')) {
        problems.push('no right-to-left value is cut');
      }
      report(
        problems.length === 0,
        `truncation (${dir}): ${story.title} / ${story.name}`,
        problems,
      );
    }
  }
} finally {
  await browser.close();
  close();
}
console.log(`phone checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
