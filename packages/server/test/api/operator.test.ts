import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database } from '../../src/db/index.js';
import { runOperatorCommand, UsageError } from '../../src/operator.js';
import { createStore, type Store } from '../../src/store/index.js';
import { describeEachDb } from '../support/db.js';

/** The operator commands in-process, on a fresh database per driver. */
describeEachDb('operator commands', (ctx) => {
  let db: Database;
  let store: Store;
  beforeAll(() => {
    db = ctx.db;
    store = createStore(db);
  });
  afterAll(() => {});

  const run = async (...argv: string[]) => {
    const lines: string[] = [];
    await runOperatorCommand(db, argv, (l) => lines.push(l));
    return lines;
  };
  const secretIn = (lines: string[]) => /(rk_\S{32})$/.exec(lines.join('\n'))?.[1] ?? '';

  test('init creates the first organization and its admin, whose key works', async () => {
    const lines = await run(
      'init',
      '--kind',
      'isv',
      '--name',
      'Acme',
      '--admin',
      'Ada',
      '--email',
      'ada@acme.test',
    );
    const key = secretIn(lines);
    expect(lines[0]).toMatch(/^Created ISV "Acme" \(id [0-9a-f-]{36}\)$/);
    expect(await store.authenticate(key)).toMatchObject({
      kind: 'isv',
      role: 'admin',
      name: 'Ada',
    });
    // Once there is an organization, init refuses; orgs create adds more.
    await expect(run('init', '--kind', 'isv', '--name', 'B', '--admin', 'B')).rejects.toThrow(
      /already has organizations; add one with `orgs create`/,
    );
    const reseller = await run(
      'orgs',
      'create',
      '--kind',
      'reseller',
      '--name',
      'Northwind',
      '--admin',
      'Nora',
    );
    expect(reseller[0]).toContain('Created reseller "Northwind"');
    const orgs = await run('orgs', 'list');
    expect(orgs).toHaveLength(2);
    expect(orgs.join('\n')).toMatch(/isv\s+"Acme"\s+1 user/);
  });

  test('keys create | list | revoke: the secret once, then only its prefix; revoked at once', async () => {
    const init = await run(
      'orgs',
      'create',
      '--kind',
      'isv',
      '--name',
      'Keys Co',
      '--admin',
      'Kim',
    );
    const userId = /user id ([0-9a-f-]{36})/.exec(init.join('\n'))?.[1] as string;
    const orgId = /\(id ([0-9a-f-]{36})\)/.exec(init[0] as string)?.[1] as string;
    const created = await run('keys', 'create', '--user', userId, '--label', 'deploy');
    const secret = secretIn(created);
    const keyId = /Created key ([0-9a-f-]{36})/.exec(created[0] as string)?.[1] as string;
    expect(await store.authenticate(secret)).toMatchObject({ userId });
    const listed = await run('keys', 'list', '--org', orgId);
    expect(listed.join('\n')).toContain(`${keyId}  ${secret.slice(0, 11)}...  active  "deploy"`);
    expect(listed.join('\n')).not.toContain(secret);
    expect((await run('keys', 'revoke', keyId))[0]).toContain(`Revoked key ${keyId}`);
    expect(await store.authenticate(secret)).toBeNull();
    expect((await run('keys', 'list', '--org', orgId)).join('\n')).toContain(
      `${keyId}  ${secret.slice(0, 11)}...  revoked`,
    );
  });

  test('bad input is a UsageError naming the argument, and writes nothing', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['orgs', 'create', '--kind', 'vendor', '--name', 'X', '--admin', 'Y'],
        /--kind must be isv or reseller/,
      ],
      [
        ['orgs', 'create', '--kind', 'isv', '--name', ' ', '--admin', 'Y'],
        /--name must be 1 to 100 characters/,
      ],
      [
        ['orgs', 'create', '--kind', 'isv', '--name', 'X', '--admin', 'Y', '--email', 'nope'],
        /--email must be an e-mail address/,
      ],
      [['keys', 'create', '--user', 'abc', '--label', 'x'], /--user must be a UUID/],
      [['keys', 'create', '--user', crypto.randomUUID(), '--label', 'x'], /--user: no active user/],
      [
        ['keys', 'create', '--user', crypto.randomUUID(), '--label', 'x', '--expires-at', 'soon'],
        /--expires-at must be an ISO 8601 instant/,
      ],
      [['keys', 'revoke', 'not-an-id'], /<key id> must be a UUID/],
      [['keys', 'list', '--org', crypto.randomUUID()], /--org: no organization/],
      [['keys', 'rotate'], /keys: expected create, list or revoke/],
      [['orgs', 'list', '--bogus'], /Unknown option '--bogus'/],
    ];
    const before = (await run('orgs', 'list')).length;
    for (const [argv, message] of cases) {
      const attempt = run(...argv);
      await expect(attempt, argv.join(' ')).rejects.toThrow(message);
      await expect(attempt).rejects.toBeInstanceOf(UsageError);
    }
    expect(await run('orgs', 'list')).toHaveLength(before);
  });
});
