import { ResaleProvider } from '@resale-kit/sdk/react';
import { useSyncExternalStore } from 'react';
import { queryClient, resaleClient } from './api/client';
import { useMe } from './api/useClock';
import { IdentitySwitcher } from './identity/IdentitySwitcher';
import { loadIdentities, useIdentity } from './identity/identityStore';
import { IsvPage } from './isv/IsvPage';
import { Breadcrumbs } from './layout/Breadcrumbs';
import { ClockBanner } from './layout/ClockBanner';
import { PortalHeader } from './layout/PortalHeader';
import { ResellerPage } from './reseller/ResellerPage';
import { SettingsPage } from './settings/SettingsPage';
import { Flashbar, NotificationsProvider } from './ui/notifications';

/** The page for the signed-in demo identity, once `me` says who it is and what time it is. */
function PartnersPage({ settings }: { settings: boolean }) {
  const me = useMe();
  if (me.error) {
    return (
      <div className="demo-inline-error" role="alert">
        <p>Could not sign in to the API: {me.error.message}</p>
        <button type="button" className="rk-button" onClick={() => me.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  if (!me.data) return <p role="status">Signing in…</p>;
  const { principal, clock } = me.data;
  // Guards and relative times use the server's pinned clock (RESALE_KIT_NOW), or the local one.
  const now = clock.fixed ? new Date(clock.now) : new Date();
  if (settings) {
    return principal.kind === 'isv' && principal.role === 'admin' ? (
      <SettingsPage />
    ) : (
      <p role="alert">Only an ISV admin manages the organization here.</p>
    );
  }
  return principal.kind === 'isv' ? (
    <IsvPage now={now} />
  ) : (
    <ResellerPage now={now} principal={principal} />
  );
}

const hash = () => window.location.hash;
const onHash = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

function Content({ settings }: { settings: boolean }) {
  const identity = useIdentity();
  if (identity.phase === 'loading') {
    return (
      <p role="status">
        {identity.waiting
          ? 'Waiting for the API to start (it migrates and seeds its database on first run)…'
          : 'Loading the demo identities…'}
      </p>
    );
  }
  if (identity.phase === 'error') {
    return (
      <div className="demo-inline-error" role="alert">
        <p>{identity.message}</p>
        <button type="button" className="rk-button" onClick={() => void loadIdentities()}>
          Retry
        </button>
      </div>
    );
  }
  return (
    <>
      <ClockBanner />
      <Flashbar />
      <PartnersPage key={identity.current.label} settings={settings} />
    </>
  );
}

/** The AWS Marketplace management portal's Partners page, on the resale-kit SDK and components. */
export function App() {
  const settings = useSyncExternalStore(onHash, hash, () => '') === '#settings';
  const page = settings ? 'Settings' : 'Partners';
  return (
    <ResaleProvider client={resaleClient} queryClient={queryClient}>
      <NotificationsProvider>
        <PortalHeader identitySwitcher={<IdentitySwitcher />} current={page} />
        <main className="demo-main">
          <Breadcrumbs current={page} />
          <Content settings={settings} />
        </main>
        <footer className="demo-footer">
          <p>
            resale-kit demo: a re-creation of the AWS Marketplace management portal&apos;s Partners
            page on <code>@resale-kit/react</code> and <code>@resale-kit/sdk</code>.
          </p>
        </footer>
      </NotificationsProvider>
    </ResaleProvider>
  );
}
