import type { ReactNode } from 'react';

const NAV =
  'Home Products Offers Agreements Assets Reports Marketing Support Partners Settings'.split(' ');

/** The AWS Marketplace management portal's top bar and menu; "Partners" is the current page. */
export function PortalHeader({ identitySwitcher }: { identitySwitcher: ReactNode }) {
  return (
    <header className="demo-header">
      <div className="demo-topbar">
        <a className="demo-logo" href="/">
          <span className="demo-logo-mark" aria-hidden="true">
            aws
          </span>
          <span>marketplace management portal</span>
        </a>
        <div className="demo-topbar-tools">{identitySwitcher}</div>
      </div>
      <nav className="demo-menu" aria-label="Portal">
        <ul>
          {NAV.map((item) =>
            item === 'Partners' ? (
              <li key={item}>
                <a href="/" aria-current="page">
                  {item}
                </a>
              </li>
            ) : (
              <li key={item}>
                <span className="demo-menu-item--inert">{item}</span>
              </li>
            ),
          )}
        </ul>
      </nav>
    </header>
  );
}
