/**
 * The built Storybook (storybook-static) served over HTTP on a free local port, and its
 * stories: what the browser scans (a11y-browser.mjs, layout-browser.mjs) open one by one.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../storybook-static/', import.meta.url));
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Serves storybook-static; exits 1 with a hint when it has not been built. */
export async function serveStorybook(label) {
  if (!existsSync(join(root, 'index.json'))) {
    console.error(`${label}: storybook-static is missing; run \`pnpm build-storybook\` first`);
    process.exit(1);
  }
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
  const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
  return {
    base: `http://127.0.0.1:${server.address().port}`,
    stories: Object.values(index.entries).filter((e) => e.type === 'story'),
    close: () => server.close(),
  };
}

/** Opens one story alone (iframe.html) with globals, and waits for it to render and play. */
export async function openStory(page, base, id, globals = '') {
  await page.goto(
    `${base}/iframe.html?id=${id}&viewMode=story${globals ? `&globals=${globals}` : ''}`,
  );
  await page.waitForFunction(
    () => document.querySelector('#storybook-root')?.childElementCount > 0,
    null,
    { timeout: 30_000 },
  );
  await page.waitForTimeout(300); // let the play function finish its steps
}
