import { HydrationBoundary } from '@tanstack/react-query';
import { serverQueries } from '@/server/serverQueries';
import { FIRST_PAGE } from '@/shared/firstView';
import { ResellerView } from './ResellerView';

/** The reseller's page: the opportunities that target it, first page rendered on the server. */
export default async function ResellerPage() {
  const { resale, queryClient, principal, clock, dehydrate } = await serverQueries('reseller');
  await queryClient.fetchQuery(resale.opportunities.list.queryOptions(FIRST_PAGE));
  return (
    <HydrationBoundary state={dehydrate()}>
      <ResellerView clock={clock} principal={principal} />
    </HydrationBoundary>
  );
}
