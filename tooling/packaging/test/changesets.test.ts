import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { PUBLISHED, ROOT, run } from './workspace.js';

test('`changeset version` turns the pending changesets into versions and changelogs', () => {
  // A copy of the workspace's manifests and changesets: versioning rewrites files.
  const copy = mkdtempSync(join(tmpdir(), 'resale-kit-changesets-'));
  for (const file of ['package.json', 'pnpm-workspace.yaml', '.changeset']) {
    cpSync(join(ROOT, file), join(copy, file), { recursive: true });
  }
  for (const dir of ['packages', 'apps', 'tooling']) {
    cpSync(join(ROOT, dir), join(copy, dir), {
      recursive: true,
      filter: (src) => !src.includes('node_modules') && !/\/(dist|src|test)(\/|$)/.test(src),
    });
  }
  run(join(ROOT, 'node_modules/.bin/changeset'), ['version'], copy);

  for (const name of PUBLISHED) {
    const manifest = JSON.parse(readFileSync(join(copy, 'packages', name, 'package.json'), 'utf8'));
    expect(manifest.version, name).toBe('0.1.0');
    const changelog = readFileSync(join(copy, 'packages', name, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/## 0\.1\.0/);
  }
  // The private demo is ignored.
  expect(existsSync(join(copy, 'apps/demo/CHANGELOG.md'))).toBe(false);
});
