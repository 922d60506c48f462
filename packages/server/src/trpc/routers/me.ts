import { procedureFor } from '../trpc.js';

/** Who the key belongs to, and the server's clock so a UI can say "as of" a pinned moment. */
export const meProcedure = procedureFor('read').query(({ ctx }) => ({
  principal: ctx.principal,
  clock: { now: ctx.now().toISOString(), fixed: ctx.clockFixed },
}));
