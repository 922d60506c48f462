#!/usr/bin/env node
/**
 * Server rendering: every story is rendered to HTML with react-dom/server (in Node, with the
 * project's decorators), then the same story hydrates that HTML in Debian Chromium. A check
 * fails on any error or warning while rendering on the server, while hydrating (React's
 * recoverable errors: a mismatch re-renders on the client) or in the browser console. A canary
 * that renders differently on each side must fail, or the check itself is broken. Times come from the stories' `now`
 * props, never from the clock during render, so both sides agree.
 * Prints "ssr checks: N passed, N failed" (counted by CI) and exits 1 on any failure.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromiumLaunchOptions } from '@resale-kit/chromium';
import { build } from 'esbuild';
import { chromium } from 'playwright';

const pkg = fileURLToPath(new URL('../', import.meta.url));
const scripts = join(pkg, 'scripts');
const storyFiles = readdirSync(join(pkg, 'src'), { recursive: true })
  .filter((f) => f.endsWith('.stories.tsx'))
  .map((f) => join(pkg, 'src', f))
  .sort();

/** The stories, composed with the project's annotations: one module for Node and the browser. */
const shared = `
import { createElement } from 'react';
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import * as preview from '../.storybook/preview.ts';
${storyFiles.map((f, i) => `import * as m${i} from './${relative(scripts, f)}';`).join('\n')}
setProjectAnnotations([preview]);
const modules = [${storyFiles.map((_, i) => `m${i}`).join(', ')}];
export const stories = new Map(
  modules.flatMap((m) =>
    Object.entries(composeStories(m)).map(([name, Story]) => [\`\${m.default.title}/\${name}\`, Story]),
  ),
);
// The check's own check: a tree that differs between server and client must be caught.
const Canary = () => createElement('p', null, typeof window === 'undefined' ? 'server' : 'client');
export const element = (id) => createElement(id === CANARY ? Canary : stories.get(id));
export const CANARY = 'canary: a mismatch on purpose';
`;
// Inside the package, so the Node bundle's bare imports resolve from its node_modules.
mkdirSync(join(pkg, 'node_modules/.cache'), { recursive: true });
const out = mkdtempSync(join(pkg, 'node_modules/.cache/ssr-'));
const common = {
  bundle: true,
  format: 'esm',
  jsx: 'automatic',
  loader: { '.css': 'empty' },
  logLevel: 'error',
  define: { 'process.env.NODE_ENV': '"development"' },
};
await build({
  ...common,
  stdin: {
    contents: `${shared}\nexport { renderToString } from 'react-dom/server';`,
    resolveDir: scripts,
    loader: 'js',
  },
  platform: 'node',
  packages: 'external',
  outfile: join(out, 'server.mjs'),
});
await build({
  ...common,
  stdin: {
    contents: `${shared}
import { hydrateRoot } from 'react-dom/client';
window.hydrateStory = (id) =>
  new Promise((done) => {
    const errors = [];
    const root = document.getElementById('root');
    hydrateRoot(root, element(id), {
      onRecoverableError: (e) => errors.push(\`recoverable: \${e?.message ?? e}\`),
      onCaughtError: (e) => errors.push(\`caught: \${e?.message ?? e}\`),
      onUncaughtError: (e) => errors.push(\`uncaught: \${e?.message ?? e}\`),
    });
    // Effects and a frame: a mismatch shows as a recoverable error.
    setTimeout(() => done({ errors }), 300);
  });`,
    resolveDir: scripts,
    loader: 'js',
  },
  platform: 'browser',
  outfile: join(out, 'client.js'),
});

const server = await import(pathToFileURL(join(out, 'server.mjs')).href);
const css = readFileSync(join(pkg, 'src/styles.css'), 'utf8');
const client = readFileSync(join(out, 'client.js'), 'utf8');
rmSync(out, { recursive: true, force: true });

let passed = 0;
let failed = 0;
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  let html = '';
  await page.route('http://ssr.test/**', (route) =>
    route.request().url().endsWith('/client.js')
      ? route.fulfill({ contentType: 'text/javascript', body: client })
      : route.fulfill({ contentType: 'text/html', body: html }),
  );
  let consoleProblems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      consoleProblems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleProblems.push(`page error: ${e.message}`));
  for (const id of [server.CANARY, ...server.stories.keys()]) {
    const problems = [];
    // Anything React says while rendering on the server is a problem too.
    const original = { error: console.error, warn: console.warn };
    console.error = (...a) => problems.push(`server: ${a.join(' ').slice(0, 300)}`);
    console.warn = console.error;
    let markup = '';
    try {
      markup = server.renderToString(server.element(id));
    } catch (e) {
      problems.push(`server render threw: ${e.message}`);
    } finally {
      Object.assign(console, original);
    }
    if (!problems.length) {
      html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${css}</style></head><body><div id="root">${markup}</div><script type="module" src="/client.js"></script></body></html>`;
      consoleProblems = [];
      await page.goto('http://ssr.test/');
      await page.waitForFunction(() => typeof window.hydrateStory === 'function');
      const result = await page.evaluate((storyId) => window.hydrateStory(storyId), id);
      problems.push(...result.errors, ...consoleProblems);
      if (!markup) problems.push('the server rendered nothing');
    }
    if (id === server.CANARY) {
      const seen = problems.length > 0;
      if (seen) passed += 1;
      else failed += 1;
      console.log(`${seen ? '✓' : '✗'} ssr: the check sees a mismatch (${problems[0] ?? 'none'})`);
    } else if (problems.length) {
      failed += 1;
      console.log(`✗ ssr: ${id}\n  ${problems.join('\n  ')}`);
    } else {
      passed += 1;
      console.log(`✓ ssr: ${id}`);
    }
  }
} finally {
  await browser.close();
}
console.log(`ssr checks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
