/**
 * Fuzzes the HTTP API with fast-check-generated bad input: wrong types, huge strings, odd
 * Unicode, SQL-like text, forged and stale cursors, impossible dates. Whatever arrives, the
 * server answers without a 5xx, and every 4xx carries a domain code and a message; validation
 * failures name the fields. Bounded: a few hundred requests against in-memory PGlite.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../src/db/index.js';
import { NO_CALLER_LIMITS } from '../../src/http/caller-limits.js';
import { createHttpServer, type HttpServer } from '../../src/http/server.js';
import { DEMO_IDENTITIES, seedDemo } from '../../src/seed/index.js';
import { filtersDigest } from '../../src/store/cursor.js';
import { createStore } from '../../src/store/index.js';
import { fixedClock } from '../../src/trpc/context.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const silent = { debug() {}, info() {}, warn() {}, error() {} };

const QUERIES = [
  'opportunities.list',
  'opportunities.get',
  'opportunities.summary',
  'products.list',
  'me',
];
const MUTATIONS = [
  'opportunities.create',
  'opportunities.clone',
  'opportunities.deactivate',
  'offers.create',
];

interface Answer {
  status: number;
  body: unknown;
  raw: string;
}

/** Strings that have broken APIs before. */
const nasty = fc.constantFrom(
  "' or 1=1 --",
  "'; drop table opportunities; --",
  '%',
  '_%_',
  '\\',
  '$1',
  '\u0000',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil',
  '👩‍👩‍👧‍👦'.repeat(50),
  'Ω̸̛͓̰'.repeat(20),
  '   ',
  '',
  'null',
  '__proto__',
  'constructor',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31T25:61:00Z',
  '2026-03-10T12:00:00',
  '+275760-09-13T00:00:00.001Z',
  '-000001-01-01T00:00:00Z',
  'NaN',
  'Infinity',
  // What Postgres refuses, which core's schemas must refuse first (a field error, not a 500).
  'a\u0000b',
  '\u0000',
  'ok\uDBFF',
  '0000-01-01T00:00:00Z',
  '0000-12-31T23:59:59.999+00:00',
  '0001-01-01T00:30:00+01:00',
  '9999-12-31T23:00:00-02:00',
  '0000-06-01',
);
/** Numbers that round to a bound or beyond it: 0 basis points, 100.00 from 99.999999999999. */
const oddPercent = fc.oneof(
  fc.constantFrom(1e-12, 99.999999999999, 0.004, 0.005, 100.004, -0, 5e-324, 1e21),
  fc.double(),
);
const oddText = fc.oneof(
  nasty,
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
);
const hugeText = fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n));
const b64 = (v: unknown) =>
  Buffer.from(typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)), 'utf8').toString(
    'base64url',
  );
const uuidLike = fc.uuid();
const cursor = fc.oneof(
  oddText,
  fc.string({ unit: fc.constantFrom(...'ABCDEFabcdef0123456789-_'.split('')), maxLength: 600 }),
  fc.anything().map(b64),
  // Well-formed but forged or stale: keys of the wrong type, ids that never existed, other sorts.
  fc
    .record({
      d: fc.constantFrom('n', 'p', 'x'),
      f: fc.constantFrom('createdAt', 'name', 'timesUsed', 'status', 'id', 'nope'),
      o: fc.constantFrom('asc', 'desc', 'sideways'),
      // The digest of no filters, so some forged keys get past the filters check.
      h: fc.oneof(fc.constant(filtersDigest({})), fc.string({ maxLength: 20 })),
      k: fc.oneof(
        fc.string({ maxLength: 50 }),
        fc.integer(),
        fc.double(),
        fc.constant(null),
        nasty,
      ),
      i: fc.oneof(uuidLike, nasty),
    })
    .map(b64),
  // Longer than any cursor the API issues (and short enough for Node's 16 KB header limit).
  fc.integer({ min: 1025, max: 8000 }).map((n) => 'A'.repeat(n)),
);
/** Any JSON value, biased to odd text and wrong types. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 2, maxKeys: 4 }),
  oddText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(oddText, { maxLength: 5 }),
);

function listInput() {
  return fc.record(
    {
      status: fc.oneof(
        fc.array(fc.constantFrom('active', 'expired', 'gone', ''), { maxLength: 6 }),
        junk,
      ),
      productId: fc.oneof(uuidLike, junk),
      resellerId: fc.oneof(uuidLike, junk),
      q: fc.oneof(oddText, junk),
      createdFrom: fc.oneof(nasty, junk),
      createdTo: fc.oneof(nasty, junk),
      expiringWithinDays: fc.oneof(fc.integer({ min: -10, max: 10_000 }), junk),
      sort: fc.oneof(
        fc.record({
          field: fc.oneof(fc.constantFrom('name', 'status', 'bogus'), junk),
          direction: junk,
        }),
        junk,
      ),
      cursor,
      limit: fc.oneof(fc.integer({ min: -5, max: 1_000 }), junk),
    },
    { requiredKeys: [] },
  );
}

function mutationInput(path: string) {
  const text = fc.oneof(oddText, hugeText, junk);
  switch (path) {
    case 'opportunities.create':
      return fc.record(
        {
          name: text,
          description: text,
          productIds: fc.oneof(fc.array(fc.oneof(uuidLike, junk), { maxLength: 4 }), junk),
          resellerIds: fc.oneof(fc.array(fc.oneof(uuidLike, junk), { maxLength: 4 }), junk),
          discount: fc.oneof(
            fc.record({
              type: fc.oneof(fc.constant('percentage'), junk),
              percent: fc.oneof(oddPercent, junk),
            }),
            junk,
          ),
          durationType: fc.oneof(
            fc.constantFrom('single-use', 'specific-duration', 'no-set-duration'),
            junk,
          ),
          endDate: fc.oneof(nasty, junk),
        },
        { requiredKeys: [] },
      );
    case 'opportunities.clone':
      return fc.record(
        { id: fc.oneof(uuidLike, junk), endDate: fc.oneof(nasty, junk), name: text },
        { requiredKeys: [] },
      );
    case 'opportunities.deactivate':
      return fc.record(
        { ids: fc.oneof(fc.array(fc.oneof(uuidLike, junk), { maxLength: 120 }), junk) },
        { requiredKeys: [] },
      );
    default:
      return fc.record(
        {
          opportunityId: fc.oneof(uuidLike, junk),
          buyerAccountId: fc.oneof(fc.stringMatching(/^\d{12}$/), text),
          idempotencyKey: text,
        },
        { requiredKeys: [] },
      );
  }
}

describe('HTTP API under fuzzed bad input [pglite]', () => {
  let db: Database;
  let http: HttpServer;
  let base: string;
  const isvKey = DEMO_IDENTITIES.find((d) => d.kind === 'isv')?.apiKey ?? '';
  const resellerKey = DEMO_IDENTITIES.find((d) => d.kind === 'reseller')?.apiKey ?? '';

  beforeAll(async () => {
    db = await createDb({ dataDir: 'memory://' });
    await seedDemo(db, NOW);
    // Input handling, not the per-key limits (a 429 would only hide what the input does).
    http = createHttpServer({
      store: createStore(db),
      now: fixedClock(NOW),
      logger: silent,
      callerLimits: NO_CALLER_LIMITS,
    });
    base = await http.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await http?.close();
    await db?.close();
  });

  async function send(path: string, input: unknown, key: string | null): Promise<Answer> {
    const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
    const res = MUTATIONS.includes(path)
      ? await fetch(`${base}/trpc/${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: input === undefined ? undefined : JSON.stringify(input),
        })
      : await fetch(
          `${base}/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
          { headers },
        );
    const raw = await res.text();
    let body: unknown = null;
    try {
      body = JSON.parse(raw);
    } catch {}
    return { status: res.status, body, raw };
  }

  /** No 5xx; a 4xx says what was wrong (domain code, message; field messages for validation). */
  function check(a: Answer, what: string) {
    const where = `${what} -> ${a.status} ${a.raw.slice(0, 400)}`;
    expect(a.status, where).toBeLessThan(500);
    if (a.status < 400) return;
    const error = (
      a.body as { error?: { message?: string; data?: Record<string, unknown> } } | null
    )?.error;
    expect(error, where).toBeTruthy();
    expect(typeof error?.message === 'string' && error.message.length > 0, where).toBe(true);
    const data = error?.data ?? {};
    expect(typeof data.domainCode, where).toBe('string');
    if (data.domainCode === 'VALIDATION_FAILED') {
      const fields = data.fieldErrors as Record<string, string[]> | null;
      expect(fields && Object.keys(fields).length > 0, `no field messages: ${where}`).toBe(true);
      for (const messages of Object.values(fields ?? {})) {
        expect(
          messages.length > 0 && messages.every((m) => typeof m === 'string' && m.length > 0),
          where,
        ).toBe(true);
      }
    }
  }

  /** The answer is a 400 VALIDATION_FAILED naming `field` with `code`. */
  function expectFieldError(a: Answer, field: string, code: string) {
    const where = `${a.status} ${a.raw.slice(0, 400)}`;
    expect(a.status, where).toBe(400);
    const data = (a.body as { error?: { data?: Record<string, unknown> } }).error?.data;
    expect(data?.domainCode, where).toBe('VALIDATION_FAILED');
    expect(data?.issues, where).toContainEqual(expect.objectContaining({ field, code }));
  }

  it('what Postgres would refuse is a field error from the schemas, never a 500', async () => {
    const products = (await send('products.list', undefined, isvKey)).body as {
      result: { data: { id: string }[] };
    };
    const resellers = (await send('resellers.list', undefined, isvKey)).body as {
      result: { data: { id: string }[] };
    };
    const create = {
      name: 'Promo',
      productIds: [products.result.data[0]?.id],
      resellerIds: [resellers.result.data[0]?.id],
      discount: { type: 'percentage', percent: 10 },
      durationType: 'no-set-duration',
    };
    for (const name of ['a\u0000b', 'x\uD800', '\uDFFFy']) {
      const a = await send('opportunities.create', { ...create, name }, isvKey);
      expectFieldError(a, 'name', 'invalid_characters');
      const d = await send('opportunities.create', { ...create, description: name }, isvKey);
      expectFieldError(d, 'description', 'invalid_characters');
    }
    for (const percent of [1e-12, 99.999999999999]) {
      const a = await send(
        'opportunities.create',
        { ...create, discount: { type: 'percentage', percent } },
        isvKey,
      );
      expectFieldError(a, 'discount.percent', 'too_many_decimals');
    }
    expectFieldError(
      await send('opportunities.list', { q: 'a\u0000' }, isvKey),
      'q',
      'invalid_characters',
    );
    for (const field of ['createdFrom', 'createdTo']) {
      expectFieldError(
        await send('opportunities.list', { [field]: '0000-01-01T00:00:00Z' }, isvKey),
        field,
        'year_out_of_range',
      );
    }
    const offer = {
      opportunityId: '00000000-0000-4000-8000-000000000000',
      buyerAccountId: '123456789012',
      idempotencyKey: 'k\u0000',
    };
    expectFieldError(
      await send('offers.create', offer, resellerKey),
      'idempotencyKey',
      'invalid_characters',
    );
  });

  it('opportunities.list: bad filters, sorts, cursors and dates', async () => {
    await fc.assert(
      fc.asyncProperty(listInput(), fc.constantFrom(isvKey, resellerKey), async (input, key) => {
        check(
          await send('opportunities.list', input, key),
          String(JSON.stringify(input)).slice(0, 300),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('queries with junk input and junk keys', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...QUERIES),
        fc.oneof(junk, fc.record({ id: fc.oneof(uuidLike, junk) })),
        fc.oneof(
          fc.constantFrom(isvKey, resellerKey, null),
          oddText.filter((s) => /^[\x21-\x7e]+$/.test(s)),
        ),
        async (path, input, key) => {
          check(
            await send(path, input, key),
            `${path} ${String(JSON.stringify(input)).slice(0, 200)}`,
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('mutations with wrong types, huge strings and impossible dates', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .constantFrom(...MUTATIONS)
          .chain((path) => fc.tuple(fc.constant(path), mutationInput(path))),
        fc.constantFrom(isvKey, resellerKey),
        async ([path, input], key) => {
          check(
            await send(path, input, key),
            `${path} ${String(JSON.stringify(input)).slice(0, 300)}`,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('malformed transport: broken JSON, wrong methods, oversized bodies', async () => {
    const cases: [string, RequestInit, string][] = [
      ['/trpc/opportunities.list?input=%7Bnot-json', {}, 'broken JSON in the query'],
      [
        '/trpc/opportunities.create',
        { method: 'POST', body: '{"name": ', headers: { 'content-type': 'application/json' } },
        'broken JSON body',
      ],
      ['/trpc/opportunities.create', { method: 'GET' }, 'mutation via GET'],
      ['/trpc/opportunities.list', { method: 'POST', body: '{}' }, 'query via POST'],
      ['/trpc/nope.nothing', {}, 'unknown procedure'],
      [
        '/trpc/offers.create',
        {
          method: 'POST',
          body: 'x'.repeat(2 * 1024 * 1024),
          headers: { 'content-type': 'application/json' },
        },
        'oversized body',
      ],
    ];
    for (const [path, init, what] of cases) {
      const res = await fetch(`${base}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${isvKey}`, ...(init.headers as Record<string, string>) },
      });
      const raw = await res.text();
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {}
      const a = { status: res.status, body, raw };
      expect(a.status, `${what}: ${raw.slice(0, 300)}`).toBeLessThan(500);
      expect(a.status, what).toBeGreaterThanOrEqual(400);
      const error = (
        body as { error?: { message?: string; data?: { domainCode?: string } } } | null
      )?.error;
      expect(error?.message, `${what}: ${raw.slice(0, 300)}`).toBeTruthy();
      expect(error?.data?.domainCode, `${what}: ${raw.slice(0, 300)}`).toBeTruthy();
    }
  });
});
