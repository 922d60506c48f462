import '@resale-kit/react/styles.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { queryClient } from './api/client';
import { getIdentityState, loadIdentities, subscribeIdentity } from './identity/identityStore';

// Cached data belongs to the identity that fetched it: drop it on every switch.
let label: string | null = null;
subscribeIdentity(() => {
  const state = getIdentityState();
  const next = state.phase === 'ready' ? state.current.label : null;
  if (next !== label) {
    label = next;
    queryClient.clear();
  }
});
void loadIdentities();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
