import type { ReactNode } from 'react';

const NAV =
  'Home Products Offers Agreements Assets Reports Marketing Support Partners Settings'.split(' ');

/** The pages the demo has, by menu item: their links (the others are inert). */
const LINKS: Record<string, string> = { Partners: '#', Settings: '#settings' };

/** The AWS Marketplace management portal's top bar and menu, `current` marked. */
export function PortalHeader(props: { identitySwitcher: ReactNode; current: string }) {
  return (
    <header className="demo-header">
      <div className="demo-topbar">
        <a className="demo-logo" href="/">
          <span className="demo-logo-mark" aria-hidden="true">
            aws
          </span>
          <span>marketplace management portal</span>
        </a>
        <div className="demo-topbar-tools">{props.identitySwitcher}</div>
      </div>
      <nav className="demo-menu" aria-label="Portal">
        <ul>
          {NAV.map((item) =>
            LINKS[item] ? (
              <li key={item}>
                <a href={LINKS[item]} aria-current={item === props.current ? 'page' : undefined}>
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
