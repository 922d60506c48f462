import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/index.js';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) console.warn('POSTGRES TESTS SKIPPED: DATABASE_URL not set (Unix socket URL)');

/** The socket directory of DATABASE_URL's server, when its socket is on this machine. */
async function socketDir(url: string): Promise<string | null> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`
      select current_setting('unix_socket_directories') as dirs, current_setting('port') as port`;
    const dir = String(row?.dirs ?? '')
      .split(',')[0]
      ?.trim();
    return dir && existsSync(`${dir}/.s.PGSQL.${row?.port}`) ? dir : null;
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** The server's address as the connection sees it: null over a Unix socket. */
async function serverAddress(url: string): Promise<unknown> {
  const db = await createDb({ url, migrate: false, maxConnections: 1 });
  try {
    // postgres.js answers `execute` with the rows themselves.
    const rows = (await db.orm.execute(sql`select inet_server_addr()::text as addr`)) as unknown;
    return (rows as { addr: string | null }[])[0]?.addr;
  } finally {
    await db.close();
  }
}

describe.skipIf(!adminUrl)('a postgres:// URL with ?host=/socket/dir (as libpq reads it)', () => {
  it('connects through the Unix socket in that directory; without it, over TCP', async (ctx) => {
    const url = adminUrl as string;
    const dir = await socketDir(url);
    if (!dir) {
      console.warn(`UNIX SOCKET TEST SKIPPED: the socket of ${new URL(url).host} is not here`);
      return ctx.skip();
    }
    const viaSocket = new URL(url);
    viaSocket.searchParams.set('host', dir);
    expect(await serverAddress(viaSocket.toString())).toBeNull();
    expect(await serverAddress(url)).not.toBeNull();
  });
});
