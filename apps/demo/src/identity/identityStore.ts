import { useSyncExternalStore } from 'react';

/**
 * Who the demo acts as: one of the seed's demo users, served by the API at `/demo/identities`
 * (outside production). The choice is kept in localStorage so a reload keeps the same identity.
 */

export interface DemoIdentity {
  label: string;
  kind: 'isv' | 'reseller';
  apiKey: string;
}

export type IdentityState =
  | {
      phase: 'loading' /** True once the first attempts failed: the API is still starting. */;
      waiting: boolean;
    }
  | { phase: 'error'; message: string }
  | { phase: 'ready'; identities: DemoIdentity[]; current: DemoIdentity };

const STORAGE_KEY = 'resale-kit-demo.identity';

let state: IdentityState = { phase: 'loading', waiting: false };
const listeners = new Set<() => void>();

function set(next: IdentityState) {
  state = next;
  for (const listener of listeners) listener();
}

export function subscribeIdentity(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getIdentityState(): IdentityState {
  return state;
}

/** The demo identity state, re-rendering on every switch. */
export const useIdentity = () =>
  useSyncExternalStore(subscribeIdentity, getIdentityState, getIdentityState);

/** The API key of the current identity, read by the SDK client before every request. */
export function currentApiKey(): string | null {
  return state.phase === 'ready' ? state.current.apiKey : null;
}

function storedLabel(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

const isIdentity = (v: Partial<DemoIdentity> | null): v is DemoIdentity =>
  typeof v?.label === 'string' &&
  typeof v.apiKey === 'string' &&
  /^(isv|reseller)$/.test(`${v.kind}`);

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The API may still be starting (`pnpm dev` starts it next to Vite): how long to wait for it. */
const STARTUP_WAIT_MS = 45_000;

async function fetchIdentities(fetchImpl: typeof fetch): Promise<DemoIdentity[]> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    let failure: string;
    try {
      const res = await fetchImpl('/demo/identities', { headers: { accept: 'application/json' } });
      if (res.ok) {
        const body: unknown = await res.json();
        return Array.isArray(body) ? body.filter(isIdentity) : [];
      }
      failure = `GET /demo/identities answered ${res.status} ${res.statusText}`.trim();
      // A 4xx will not change (e.g. 404 in production): only a proxy or server error is retried.
      if (res.status < 500) throw new Error(failure);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('GET /demo/identities')) throw err;
      failure = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() - started > STARTUP_WAIT_MS) throw new Error(failure);
    if (attempt === 2) set({ phase: 'loading', waiting: true });
    await sleep(Math.min(500 * attempt, 2_000));
  }
}

/** Loads the demo identities and restores the stored choice (the first ISV user otherwise). */
export async function loadIdentities(fetchImpl: typeof fetch = fetch): Promise<void> {
  set({ phase: 'loading', waiting: false });
  try {
    const identities = await fetchIdentities(fetchImpl);
    const first = identities.find((i) => i.kind === 'isv') ?? identities[0];
    if (!first) throw new Error('The API lists no demo identities');
    const label = storedLabel();
    const current = identities.find((i) => i.label === label) ?? first;
    set({ phase: 'ready', identities, current });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    set({
      phase: 'error',
      message: `Could not load the demo identities from the API (${message}). Is the server running? Start everything with "pnpm dev" at the repository root.`,
    });
  }
}

/** Switches to another demo identity and remembers the choice. */
export function switchIdentity(label: string): void {
  if (state.phase !== 'ready') return;
  const next = state.identities.find((i) => i.label === label);
  if (!next || next.label === state.current.label) return;
  try {
    localStorage.setItem(STORAGE_KEY, next.label);
  } catch {
    // Private mode or storage disabled: the switch still applies to this tab.
  }
  set({ ...state, current: next });
}
