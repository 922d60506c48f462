import { createResaleClient, isResaleError } from '@resale-kit/sdk';

// `pnpm dev` serves the API here and prints the demo keys.
const url = process.env.RESALE_KIT_URL ?? 'http://127.0.0.1:3001/trpc';
const isv = createResaleClient({ url, apiKey: 'rk_demo_isv_acme_admin' });
const reseller = createResaleClient({ url, apiKey: 'rk_demo_reseller_northwind' });

// The cards and the first page of the table.
const summary = await isv.opportunities.summary.query();
console.log(`Active: ${summary.active}, expiring in 30 days: ${summary.expiringIn30Days}`);
const page = await isv.opportunities.list.query({
  status: ['active'],
  sort: { field: 'createdAt', direction: 'desc' },
  limit: 10,
});
console.log(`${page.total} active; next page: ${page.nextCursor ? 'yes' : 'no'}`);

// Authorize Northwind to resell a product once, at 12% off.
const [product] = await isv.products.list.query();
const me = await reseller.me.query();
if (!product || me.principal.kind !== 'reseller') throw new Error('unexpected demo data');
const [opportunity] = await isv.opportunities.create.mutate({
  name: 'Q3 promotion',
  productIds: [product.id],
  resellerIds: [me.principal.resellerId],
  discount: { type: 'percentage', percent: 12 },
  durationType: 'single-use',
});
if (!opportunity) throw new Error('nothing created');

// The reseller creates a CPPO from it: the opportunity is now Complete.
const { offer } = await reseller.offers.create.mutate({
  opportunityId: opportunity.id,
  buyerAccountId: '123456789012',
  idempotencyKey: `q3-${opportunity.id}`,
});
console.log(`Offer ${offer.id} created`);

// A second offer is refused with a typed error.
try {
  await reseller.offers.create.mutate({
    opportunityId: opportunity.id,
    buyerAccountId: '123456789012',
    idempotencyKey: `q3-again-${opportunity.id}`,
  });
} catch (err) {
  if (isResaleError(err, 'OPPORTUNITY_NOT_ACTIVE')) console.log(`Refused: ${err.reason}`);
  else throw err;
}
