import type { Opportunity, Principal } from '@resale-kit/core';
import type { ListOpportunities, Store } from '../../src/store/types.js';

/** Every opportunity a principal sees, by following next cursors. */
export async function collectAll(
  store: Store,
  p: Principal,
  now: Date,
  input: Partial<ListOpportunities> = {},
): Promise<Opportunity[]> {
  const all: Opportunity[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await store.listOpportunities(
      p,
      { sort: { field: 'createdAt', direction: 'desc' }, limit: 100, ...input, cursor },
      now,
    );
    all.push(...page.items);
    if (!page.nextCursor) return all;
    cursor = page.nextCursor;
  }
  throw new Error('collectAll: too many pages');
}
