import { appRouter } from '@resale-kit/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { portalContext } from '@/server/context';

/**
 * The resale-kit API inside the portal: the browser calls /api/trpc with its session cookie and
 * no API key; the context turns the session into a principal.
 */
function handler(req: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: portalContext,
  });
}

export { handler as GET, handler as POST };
