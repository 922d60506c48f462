import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

const entry = (name: string) => fileURLToPath(new URL(`../dist/${name}`, import.meta.url));

const bundledInputs = async (file: string) => {
  const result = await build({
    entryPoints: [entry(file)],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
  });
  return Object.keys(result.metafile.inputs);
};

test('the vanilla entry pulls in no React and no server code', async () => {
  const inputs = await bundledInputs('index.js');
  expect(inputs.some((i) => i.includes('@trpc/client'))).toBe(true);
  for (const banned of ['/react/', 'react-dom', '@tanstack', '@resale-kit/server', 'drizzle']) {
    expect(inputs.filter((i) => i.includes(banned))).toEqual([]);
  }
});

test('the react entry brings the TanStack Query integration', async () => {
  const inputs = await bundledInputs('react.js');
  expect(inputs.some((i) => i.includes('@trpc/tanstack-react-query'))).toBe(true);
  expect(inputs.filter((i) => i.includes('@resale-kit/server'))).toEqual([]);
  // The hooks return the components' props but never import the components.
  expect(
    inputs.filter((i) => i.includes('packages/react/') || i.includes('@resale-kit/react')),
  ).toEqual([]);
});
