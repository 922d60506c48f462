import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createResaleClient, isResaleError, ResaleError } from '../src/index.js';
import { recordingFetch, startServer } from './server.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer(NOW);
});
afterAll(() => server.stop());

const catchError = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (err: unknown) => err,
  );

describe('createResaleClient', () => {
  test('sends the API key as a bearer token and returns the principal and the clock', async () => {
    const client = createResaleClient({ url: server.url, apiKey: server.key('isv') });
    const me = await client.me.query();
    expect(me.principal.kind).toBe('isv');
    expect(me.clock).toEqual({ now: NOW.toISOString(), fixed: true });
  });

  test('asks getApiKey before every request, so a key can change between calls', async () => {
    let key = server.key('isv');
    const client = createResaleClient({ url: server.url, getApiKey: () => key });
    expect((await client.me.query()).principal.kind).toBe('isv');
    key = server.key('reseller');
    expect((await client.me.query()).principal.kind).toBe('reseller');
  });

  test('batches concurrent calls into one HTTP request, with custom headers', async () => {
    const recorder = recordingFetch();
    const client = createResaleClient({
      url: server.url,
      apiKey: server.key('isv'),
      fetch: recorder.fetch,
      headers: () => ({ 'x-request-source': 'sdk-test' }),
    });
    const [summary, products, page] = await Promise.all([
      client.opportunities.summary.query(),
      client.products.list.query(),
      client.opportunities.list.query({ limit: 5 }),
    ]);
    expect(recorder.requests).toHaveLength(1);
    expect(recorder.requests[0]?.headers.get('x-request-source')).toBe('sdk-test');
    expect(summary.active).toBeGreaterThan(0);
    expect(products.length).toBeGreaterThan(0);
    expect(page.items).toHaveLength(5);
    expect(typeof page.items[0]?.createdAt).toBe('string');
  });

  test('sends one request per call when batching is off', async () => {
    const recorder = recordingFetch();
    const client = createResaleClient({
      url: server.url,
      apiKey: server.key('isv'),
      fetch: recorder.fetch,
      batch: false,
    });
    await Promise.all([client.me.query(), client.products.list.query()]);
    expect(recorder.requests).toHaveLength(2);
  });

  test('refuses apiKey and getApiKey together', () => {
    expect(() =>
      createResaleClient({ url: server.url, apiKey: 'a', getApiKey: () => 'b' }),
    ).toThrow(/apiKey or getApiKey/);
  });
});

describe('typed errors', () => {
  test('a wrong key is UNAUTHORIZED', async () => {
    const client = createResaleClient({ url: server.url, apiKey: 'rk_wrong' });
    const err = await catchError(client.me.query());
    expect(isResaleError(err, 'UNAUTHORIZED')).toBe(true);
    expect((err as ResaleError).trpcCode).toBe('UNAUTHORIZED');
    expect((err as ResaleError).httpStatus).toBe(401);
  });

  test('validation errors carry a message per field', async () => {
    const client = createResaleClient({ url: server.url, apiKey: server.key('isv') });
    const err = await catchError(
      client.opportunities.create.mutate({
        name: ' ',
        productIds: [],
        resellerIds: ['not-a-uuid'],
        discount: { type: 'percentage', percent: 0 },
        durationType: 'specific-duration',
      }),
    );
    expect(isResaleError(err, 'VALIDATION_FAILED')).toBe(true);
    const { fieldErrors, issues } = err as ResaleError;
    expect(Object.keys(fieldErrors)).toEqual(
      expect.arrayContaining(['name', 'productIds', 'resellerIds.0', 'discount.percent']),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'required' },
        { field: 'productIds', code: 'too_few', params: { minimum: 1 } },
        { field: 'discount.percent', code: 'too_small', params: { minimum: 0, inclusive: 0 } },
      ]),
    );
  });

  test('using a Complete opportunity is OPPORTUNITY_NOT_ACTIVE with the reason, and a mutation is sent once', async () => {
    const isv = createResaleClient({ url: server.url, apiKey: server.key('isv') });
    const me = await createResaleClient({
      url: server.url,
      apiKey: server.key('reseller'),
    }).me.query();
    if (me.principal.kind !== 'reseller') throw new Error('expected a reseller');
    const [product] = await isv.products.list.query();
    const [single] = await isv.opportunities.create.mutate({
      name: 'SDK single use',
      productIds: [product?.id ?? ''],
      resellerIds: [me.principal.resellerId],
      discount: { type: 'percentage', percent: 10 },
      durationType: 'single-use',
    });
    const recorder = recordingFetch();
    const reseller = createResaleClient({
      url: server.url,
      apiKey: server.key('reseller'),
      fetch: recorder.fetch,
    });
    const first = await reseller.offers.create.mutate({
      opportunityId: single?.id ?? '',
      buyerAccountId: '111122223333',
      idempotencyKey: 'sdk-1',
    });
    expect(first.opportunity.status).toBe('complete');
    const err = await catchError(
      reseller.offers.create.mutate({
        opportunityId: single?.id ?? '',
        buyerAccountId: '111122223333',
        idempotencyKey: 'sdk-2',
      }),
    );
    expect(isResaleError(err, 'OPPORTUNITY_NOT_ACTIVE')).toBe(true);
    expect((err as ResaleError).reason).toBe('COMPLETE');
    expect(recorder.requests).toHaveLength(2);
  });

  test('another tenant’s opportunity is NOT_FOUND', async () => {
    const acme = createResaleClient({ url: server.url, apiKey: server.key('isv', 0) });
    const globex = createResaleClient({ url: server.url, apiKey: server.key('isv', 1) });
    const { items } = await acme.opportunities.list.query({ limit: 1 });
    const err = await catchError(globex.opportunities.get.query({ id: items[0]?.id ?? '' }));
    expect(isResaleError(err, 'NOT_FOUND')).toBe(true);
    expect(isResaleError(err, 'UNAUTHORIZED')).toBe(false);
  });

  test('no answer from the server is NETWORK_ERROR', async () => {
    const client = createResaleClient({ url: 'http://127.0.0.1:9/trpc', apiKey: 'k' });
    const err = await catchError(client.me.query());
    expect(err).toBeInstanceOf(ResaleError);
    expect((err as ResaleError).domainCode).toBe('NETWORK_ERROR');
    expect((err as ResaleError).trpcCode).toBeNull();
  });
});
