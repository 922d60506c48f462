import { HydrationBoundary } from '@tanstack/react-query';
import { serverQueries } from '@/server/serverQueries';
import { FIRST_PAGE } from '@/shared/firstView';
import { PartnersView } from './PartnersView';

/**
 * The ISV's Partners page. Rendered on the server: the summary and the first page of the table
 * are fetched in-process (no HTTP, the same context as /api/trpc), rendered into the HTML, and
 * handed to the browser's query cache, which takes over from there.
 */
export default async function PartnersPage() {
  const { resale, queryClient, principal, clock, dehydrate } = await serverQueries('isv');
  await Promise.all([
    queryClient.fetchQuery(resale.opportunities.summary.queryOptions()),
    queryClient.fetchQuery(resale.opportunities.list.queryOptions(FIRST_PAGE)),
  ]);
  return (
    <HydrationBoundary state={dehydrate()}>
      <PartnersView clock={clock} userName={principal.name} />
    </HydrationBoundary>
  );
}
