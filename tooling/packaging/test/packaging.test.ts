import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  FIXTURES,
  HERE,
  PUBLISHED,
  type Published,
  packAll,
  ROOT,
  run,
  startProcess,
} from './workspace.js';

// Third-party versions the consumer installs from the registry, as a user would.
const CONSUMER_DEPS = {
  '@tanstack/react-query': '5.108.4',
  '@types/node': '20.19.43',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  react: '19.3.1',
  'react-dom': '19.3.1',
  typescript: '6.0.3',
};

const bin = (name: string) => join(HERE, 'node_modules/.bin', name);

let tarballs: Record<Published, string>;
let consumer: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

beforeAll(() => {
  tarballs = packAll();
  // A project outside the workspace: no workspace links, only the tarballs and the registry.
  consumer = mkdtempSync(join(tmpdir(), 'resale-kit-consumer-'));
  const files = Object.fromEntries(
    PUBLISHED.map((p) => [`@resale-kit/${p}`, `file:${tarballs[p]}`]),
  );
  writeFileSync(
    join(consumer, 'package.json'),
    JSON.stringify({
      name: 'resale-kit-consumer',
      private: true,
      type: 'module',
      dependencies: { ...files, ...CONSUMER_DEPS },
      overrides: files,
    }),
  );
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        jsx: 'react-jsx',
        strict: true,
        // As most projects do; unresolved types would surface as `any`, which the fixture rejects.
        skipLibCheck: true,
        types: ['node'],
        outDir: 'out',
      },
      include: ['*.ts', '*.tsx'],
    }),
  );
  for (const f of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, f), join(consumer, f));
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], consumer);
});

describe('published packages', () => {
  test.each(PUBLISHED)('publint finds nothing in %s', (name) => {
    const out = run(bin('publint'), ['--strict', join(ROOT, 'packages', name)], HERE);
    expect(out).toMatch(/All good!/);
  });

  test.each(PUBLISHED)('arethetypeswrong finds nothing in %s', (name) => {
    // ESM-only packages: CommonJS and node10 resolution are out of scope by design.
    const args = [tarballs[name], '--profile', 'esm-only', '--format', 'ascii'];
    // attw resolves only JS and types; the stylesheet export is checked by the render test.
    if (name === 'react') args.push('--exclude-entrypoints', './styles.css');
    const out = run(bin('attw'), args, HERE);
    const problems = out.split('\n').filter((l) => /⚠️|💀|❌/.test(l) && !l.includes('(ignored'));
    expect(problems).toEqual([]);
  });

  test('a consumer typechecks against the installed .d.ts, and wrong calls fail', () => {
    // The fixtures' expect-error directives fail the build if the SDK's types were loose.
    expect(() => run('npx', ['tsc', '-p', '.'], consumer)).not.toThrow();
  });

  test('the SDK drives a server started from the installed server package', async () => {
    const port = await freePort();
    const server = startProcess(
      'node',
      [
        join(consumer, 'node_modules/@resale-kit/server/bin/resale-kit-server.js'),
        '--port',
        String(port),
        '--seed-demo',
      ],
      {
        cwd: consumer,
        env: {
          RESALE_KIT_DATA_DIR: join(consumer, '.data'),
          DATABASE_URL: '',
          NODE_ENV: 'development',
        },
        ready: /listening/i,
      },
    );
    try {
      await server.ready;
      const identities = (await (
        await fetch(`http://127.0.0.1:${port}/demo/identities`)
      ).json()) as { kind: string; apiKey: string }[];
      const isvKey = identities.find((i) => i.kind === 'isv')?.apiKey;
      const resellerKey = identities.find((i) => i.kind === 'reseller')?.apiKey;
      const out = run('node', ['out/sdk-usage.js'], consumer, {
        RK_URL: `http://127.0.0.1:${port}/trpc`,
        RK_ISV_KEY: isvKey,
        RK_RESELLER_KEY: resellerKey,
      });
      const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
      expect(result).toEqual({
        listed: true,
        total: 1,
        offerOpportunity: expect.any(String),
        statusAfterOffer: 'complete',
        timesUsed: 1,
        secondUse: 'OPPORTUNITY_NOT_ACTIVE:COMPLETE',
        deactivated: ['restricted', 'COMPLETE'],
      });
    } finally {
      await server.stop();
    }
  });

  // The README's "Run the server" flow, replayed from the installed tarball on Postgres:
  // init an ISV, create a reseller, then docs/sdk.md's onboarding example through the SDK.
  const pgTest = process.env.DATABASE_URL ? test : test.skip;
  if (!process.env.DATABASE_URL) {
    console.warn('\n*** SKIPPED: the README replay needs Postgres - set DATABASE_URL ***\n');
  }
  pgTest('the README flow and the SDK onboarding example, on Postgres', async () => {
    const name = `rk_pack_${process.pid}_${Date.now()}`;
    const adminUrl = process.env.DATABASE_URL as string;
    run('psql', [adminUrl, '-c', `create database ${name}`], consumer);
    const dbUrl = new URL(adminUrl);
    dbUrl.pathname = `/${name}`;
    const serverBin = join(consumer, 'node_modules/@resale-kit/server/bin/resale-kit-server.js');
    const env = { DATABASE_URL: dbUrl.toString(), NODE_ENV: 'production' };
    try {
      const init = run(
        'node',
        [serverBin, 'init', '--kind', 'isv', '--name', 'Acme Software', '--admin', 'Ada Admin'],
        consumer,
        env,
      );
      const keyOf = (out: string) => /key \(shown once, store it now\): (rk_\S+)/.exec(out)?.[1];
      const resellerOut = run(
        'node',
        [
          serverBin,
          'orgs',
          'create',
          '--kind',
          'reseller',
          '--name',
          'Northwind',
          '--admin',
          'Nora',
        ],
        consumer,
        env,
      );
      const port = await freePort();
      const server = startProcess('node', [serverBin, '--port', String(port)], {
        cwd: consumer,
        env,
        ready: /listening/i,
      });
      try {
        await server.ready;
        const out = run('node', ['out/onboarding.js'], consumer, {
          RK_URL: `http://127.0.0.1:${port}/trpc`,
          RK_ISV_ADMIN_KEY: keyOf(init),
          RK_RESELLER_ADMIN_KEY: keyOf(resellerOut),
        });
        expect(JSON.parse(out.trim().split('\n').at(-1) ?? '{}')).toEqual({
          products: ['Acme Backup', 'Acme Observability'],
          partner: 'Northwind',
          opportunityProduct: 'Acme Observability',
          offerOpportunity: true,
          newKeyWorks: 'Mia Member',
          oldKeyAfterRevoke: 'UNAUTHORIZED',
          secretsListed: false,
        });
        const keys = run('node', [serverBin, 'keys', 'list'], consumer, env);
        expect(keys).toContain('"crm sync"');
        expect(keys).not.toMatch(/rk_[A-Za-z0-9_-]{32}/);
      } finally {
        await server.stop();
      }
    } finally {
      run('psql', [adminUrl, '-c', `drop database if exists ${name} with (force)`], consumer);
    }
  });

  test('docs/sdk.md quotes the onboarding example exactly as the test runs it', () => {
    const fixture = readFileSync(join(FIXTURES, 'onboarding.ts'), 'utf8');
    const example = fixture.split('// docs:start\n')[1]?.split('// docs:end')[0] ?? '';
    expect(example.length).toBeGreaterThan(500);
    expect(readFileSync(join(ROOT, 'docs/sdk.md'), 'utf8')).toContain(example);
  });

  test('a browser bundle of an SDK consumer holds no server code', async () => {
    const result = await build({
      entryPoints: [join(consumer, 'browser-entry.ts')],
      absWorkingDir: consumer,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.includes('@resale-kit/sdk'))).toBe(true);
    for (const banned of [
      '@resale-kit/server',
      'drizzle-orm',
      '@electric-sql/pglite',
      'node_modules/postgres/',
    ]) {
      expect(inputs.filter((i) => i.includes(banned))).toEqual([]);
    }
  });

  test('the components render from the installed react package', () => {
    const out = run('node', ['out/react-usage.js'], consumer);
    const { html } = JSON.parse(out.trim()) as { html: string };
    expect(html).toContain('Opportunities');
    expect(html).toContain('Complete');
    expect(html).toContain('Percentage (12%)');
    expect(html).toContain('Single use');
    const css = run(
      'node',
      [
        '--input-type=module',
        '-e',
        "console.log(import.meta.resolve('@resale-kit/react/styles.css'))",
      ],
      consumer,
    ).trim();
    expect(css).toMatch(/node_modules\/@resale-kit\/react\/dist\/styles\.css$/);
    expect(readFileSync(new URL(css), 'utf8')).toMatch(/--rk-/);
  });

  test("the components' entry is a client module: 'use client' comes first", () => {
    const entry = join(consumer, 'node_modules/@resale-kit/react/dist/index.js');
    expect(readFileSync(entry, 'utf8')).toMatch(/^['"]use client['"];/);
  });
});

/**
 * The peer range says React 18 and 19: the consumer above runs 19; this one installs only the
 * kit (core and react tarballs) with React 18.3 and renders the same fixture on the server.
 */
describe('React 18', () => {
  let react18: string;
  beforeAll(async () => {
    react18 = mkdtempSync(join(tmpdir(), 'resale-kit-react18-'));
    const files = {
      '@resale-kit/core': `file:${tarballs.core}`,
      '@resale-kit/react': `file:${tarballs.react}`,
    };
    writeFileSync(
      join(react18, 'package.json'),
      JSON.stringify({
        name: 'resale-kit-react18',
        private: true,
        type: 'module',
        dependencies: { ...files, react: '18.3.1', 'react-dom': '18.3.1' },
        overrides: files,
      }),
    );
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], react18);
    // JSX compiled by esbuild, as a React 18 app's bundler would; the kit stays a package import.
    await build({
      entryPoints: [join(FIXTURES, 'react-usage.tsx')],
      absWorkingDir: react18,
      outfile: join(react18, 'react-usage.js'),
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      jsx: 'automatic',
    });
  });

  test('the components render with React 18.3 from the installed package', () => {
    const version = run(
      'node',
      ['--input-type=module', '-e', "import React from 'react'; console.log(React.version)"],
      react18,
    ).trim();
    expect(version).toBe('18.3.1');
    const out = run('node', ['react-usage.js'], react18);
    const { html } = JSON.parse(out.trim()) as { html: string };
    expect(html).toContain('Opportunities');
    expect(html).toContain('Complete');
    expect(html).toContain('Percentage (12%)');
    expect(html).toContain('Single use');
  });
});
