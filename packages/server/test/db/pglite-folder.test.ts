/**
 * A PGlite data folder the server must not open is refused, naming the folder and why, instead
 * of being silently re-initialized (and re-seeded: the data gone) or failing with a message
 * that names nothing.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createDb } from '../../src/db/index.js';
import { DataFolderError } from '../../src/db/pglite-folder.js';

const root = mkdtempSync(join(tmpdir(), 'rk-pglite-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const refusal = (dataDir: string) =>
  createDb({ dataDir }).then(
    async (db) => {
      await db.close();
      return null;
    },
    (err: unknown) => err as Error,
  );

describe('PGlite data folder checks [pglite]', () => {
  test('a folder with files but no PG_VERSION is refused by name, and left as it was', async () => {
    const dir = join(root, 'not-a-db');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    const err = await refusal(dir);
    expect(err).toBeInstanceOf(DataFolderError);
    expect(err?.message).toContain(dir);
    expect(err?.message).toMatch(/no PG_VERSION/);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  test('a file where the folder should be is refused by name', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    const err = await refusal(file);
    expect(err).toBeInstanceOf(DataFolderError);
    expect(err?.message).toContain(file);
    expect(err?.message).toMatch(/is a file/);
  });

  test('a damaged folder gets an error naming the path and the cause', async () => {
    const dir = join(root, 'damaged');
    mkdirSync(join(dir, 'base'), { recursive: true });
    writeFileSync(join(dir, 'PG_VERSION'), '17\n');
    writeFileSync(join(dir, 'global'), 'junk');
    const err = await refusal(dir);
    expect(err).toBeInstanceOf(DataFolderError);
    expect(err?.message).toContain(dir);
    expect(err?.message).toMatch(/could not open its data folder .*: .+/);
  });

  test('an empty folder is initialized as before', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(root, 'empty-'));
    const db = await createDb({ dataDir: dir, migrate: false });
    await db.close();
    expect(readdirSync(dir)).toContain('PG_VERSION');
  });

  test('the bin refuses such a folder: exit 2, one line naming it', async () => {
    const dir = join(root, 'bin-not-a-db');
    mkdirSync(dir);
    writeFileSync(join(dir, 'photo.jpg'), 'x');
    const pkg = resolve(import.meta.dirname, '../..');
    const child = spawn(join(pkg, 'node_modules/.bin/tsx'), ['src/bin.ts', '--port', '0'], {
      cwd: pkg,
      env: { ...process.env, DATABASE_URL: '', RESALE_KIT_DATA_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (c) => {
      out += c;
    });
    child.stderr?.on('data', (c) => {
      out += c;
    });
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    expect(code, out).toBe(2);
    expect(out).toContain(`PGlite data folder ${dir} is not empty but holds no PG_VERSION`);
    expect(out).not.toMatch(/Seeded demo data/);
    expect(readdirSync(dir)).toEqual(['photo.jpg']);
  });
});
