import { appRouter } from '@resale-kit/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { portalContext } from '@/server/context';
import { resaleKit } from '@/server/resaleKit';

/**
 * The resale-kit API inside the portal: the browser calls /api/trpc with its session cookie and
 * no API key; the context turns the session into a principal.
 */
async function handler(req: Request): Promise<Response> {
  const { logger } = await resaleKit();
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: ({ req }) => portalContext(req),
    onError({ error, path }) {
      // Expected failures reach the client as they are; only the unexpected ones are logged.
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        logger.error('procedure failed', {
          procedure: path,
          error: error.cause?.message ?? error.message,
          stack: error.cause?.stack ?? error.stack,
        });
      }
    },
  });
}

export { handler as GET, handler as POST };
