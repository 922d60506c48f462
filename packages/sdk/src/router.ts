/**
 * The router is seen only as a type: nothing of the server reaches a consumer's bundle, and the
 * build inlines this type into the published .d.ts.
 */
export type { AppRouter } from '@resale-kit/server';
