import type { ResaleOutputs } from '@resale-kit/sdk';
import { expect } from 'vitest';
import { FIRST_PAGE } from '../../src/shared/firstView';

/** Reading what the portal serves without a browser: its API and its server-rendered HTML. */

type List = ResaleOutputs['opportunities']['list'];
type Summary = ResaleOutputs['opportunities']['summary'];

/**
 * GET one tRPC query of the portal's route handler, as the browser would, with a cookie. The
 * body is the result's data, or the error's shape when the call failed.
 */
export async function apiGet<T = unknown>(
  baseUrl: string,
  path: string,
  cookie?: string,
  input?: unknown,
): Promise<{ status: number; body: T }> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${baseUrl}/api/trpc/${path}${query}`, {
    headers: cookie ? { cookie } : {},
  });
  const json = (await res.json()) as { result?: { data: unknown }; error?: unknown };
  return { status: res.status, body: (json.result ? json.result.data : json.error) as T };
}

/**
 * Fetches a page as a client without JavaScript would (the session cookie, nothing else) and
 * checks that the HTML already holds what the API answers for the first view: the first page's
 * rows and their total, and for an ISV the summary cards' numbers. Returns the first page.
 */
export async function expectFirstViewInHtml(
  baseUrl: string,
  path: '/partners' | '/reseller',
  cookie: string,
): Promise<List> {
  const html = await (await fetch(`${baseUrl}${path}`, { headers: { cookie } })).text();
  const list = (await apiGet<List>(baseUrl, 'opportunities.list', cookie, FIRST_PAGE)).body;
  expect(list.items.length).toBeGreaterThan(0);
  for (const item of list.items) expect(html).toContain(`>${escapeHtml(item.name)}<`);
  expect(html).toContain(`class="rk-counter">(${list.total})<`);
  if (path === '/partners') {
    const summary = (await apiGet<Summary>(baseUrl, 'opportunities.summary', cookie)).body;
    const cards = [...html.matchAll(/class="rk-card-value">([\d,]+)</g)].map((m) =>
      Number((m[1] ?? '').replace(/,/g, '')),
    );
    expect(cards).toEqual([summary.expiringIn30Days, summary.active]);
  }
  return list;
}

/** A text as React escapes it into HTML. */
function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}

/** Console messages that say the browser's render did not match the server's. */
export function hydrationProblems(messages: string[]): string[] {
  return messages.filter((m) => /hydrat|did not match|#418|#419|#423|#425/i.test(m));
}
