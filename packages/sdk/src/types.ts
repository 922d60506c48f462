import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from './router.js';

/** Inputs of every procedure: `ResaleInputs['opportunities']['list']`. */
export type ResaleInputs = inferRouterInputs<AppRouter>;
/** Outputs of every procedure: `ResaleOutputs['opportunities']['list']['items'][number]`. */
export type ResaleOutputs = inferRouterOutputs<AppRouter>;
