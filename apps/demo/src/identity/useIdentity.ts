import { useSyncExternalStore } from 'react';
import { getIdentityState, type IdentityState, subscribeIdentity } from './identityStore';

/** The demo identity state, re-rendering on every switch. */
export function useIdentity(): IdentityState {
  return useSyncExternalStore(subscribeIdentity, getIdentityState, getIdentityState);
}
