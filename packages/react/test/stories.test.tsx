/**
 * Every story as a test: rendered with the project's decorators, its play function run, then
 * an axe scan that must find no violation.
 */
import { composeStories } from '@storybook/react-vite';
import { describe, expect, test } from 'vitest';
import { axeViolations } from './axe.js';

type StoryModule = Parameters<typeof composeStories>[0];
const modules = import.meta.glob<StoryModule>('../src/**/*.stories.tsx', { eager: true });

for (const [path, module] of Object.entries(modules)) {
  const title = path.replace(/^.*\/(\w+)\.stories\.tsx$/, '$1');
  describe(title, () => {
    const stories = composeStories(module) as Record<
      string,
      { run: () => Promise<void>; parameters: Record<string, unknown> }
    >;
    for (const [name, Story] of Object.entries(stories)) {
      test(`${name}: renders, plays and passes axe`, async () => {
        await Story.run();
        const sample = Story.parameters.axeSampleRows as number | undefined;
        if (sample !== undefined) {
          // Documented on the story: jsdom's axe is too slow for the whole of a huge table.
          for (const row of document.querySelectorAll(`tbody tr:nth-child(n+${sample + 1})`)) {
            row.remove();
          }
        }
        expect(await axeViolations()).toEqual([]);
      }, 120_000); // the 1,000-row story renders 9,000 cells in jsdom
    }
  });
}
