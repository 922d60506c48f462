import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { startServer } from './server.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer(new Date('2026-06-15T12:00:00.000Z'));
});
afterAll(() => server.stop());

test('the README shows the quickstart exactly as it is tested here', () => {
  const readme = read('../../../README.md');
  const block = /## Use the SDK[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block).toBe(read('../examples/quickstart.ts'));
});

test('the quickstart runs as written against the demo server', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.stubEnv('RESALE_KIT_URL', server.url);
  await import('../examples/quickstart.js');
  const lines = log.mock.calls.map((c) => String(c[0]));
  log.mockRestore();
  vi.unstubAllEnvs();
  expect(lines[0]).toMatch(/^Active: \d+, expiring in 30 days: \d+$/);
  expect(lines[1]).toMatch(/^\d+ active; next page: (yes|no)$/);
  expect(lines[2]).toMatch(/^Offer [0-9a-f-]{36} created$/);
  expect(lines[3]).toBe('Refused: COMPLETE');
});
