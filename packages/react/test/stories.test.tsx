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
    const stories = composeStories(module) as Record<string, { run: () => Promise<void> }>;
    for (const [name, Story] of Object.entries(stories)) {
      test(`${name}: renders, plays and passes axe`, async () => {
        await Story.run();
        expect(await axeViolations()).toEqual([]);
      }, 60_000); // axe in jsdom is slow on a busy 2-core machine
    }
  });
}
