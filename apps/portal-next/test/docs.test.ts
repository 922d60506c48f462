import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import { APP_DIR } from './e2e/portalServer';

const ROOT = resolve(APP_DIR, '../..');
const doc = readFileSync(resolve(ROOT, 'docs/embedding.md'), 'utf8');

/** Every `<!-- file: path -->` marker of the doc, with the code block that follows it. */
const quotes = [...doc.matchAll(/<!-- file: (\S+) -->\n```\w+\n([\s\S]*?)```/g)].map((m) => ({
  path: m[1] ?? '',
  code: m[2] ?? '',
}));

test('docs/embedding.md quotes the portal files it names', () => {
  expect(quotes.map((q) => q.path)).toContain('apps/portal-next/app/api/trpc/[trpc]/route.ts');
  expect(quotes.length).toBe(doc.split('<!-- file:').length - 1);
});

test.each(quotes)('docs/embedding.md quotes $path exactly as it is', ({ path, code }) => {
  expect(code).toBe(readFileSync(resolve(ROOT, path), 'utf8'));
});
