import '@resale-kit/react/styles.css';
import './portal.css';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { ResaleKitProvider } from '@/client/ResaleKitProvider';
import { sessionPrincipal } from '@/server/context';
import { signOut } from './sign-in/actions';

export const metadata: Metadata = { title: 'Partner portal (resale-kit on Next.js)' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const principal = await sessionPrincipal();
  return (
    <html lang="en">
      <body>
        <header className="portal-header">
          <span className="portal-brand">Partner portal</span>
          {principal && (
            <form action={signOut} className="portal-user">
              <span>Signed in as {principal.name}</span>
              <button type="submit" className="rk-button">
                Sign out
              </button>
            </form>
          )}
        </header>
        <main className="portal-main">
          <ResaleKitProvider>{children}</ResaleKitProvider>
        </main>
      </body>
    </html>
  );
}
