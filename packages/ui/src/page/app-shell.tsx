import { useRef, type ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { ShellContext } from './page.js';

export interface NavItem {
  to: string;
  label: string;
  /** Active only on this exact path (for the home link). */
  end?: boolean;
}

export interface AppShellProps {
  /** Ends every document title: "Profile — Tally". */
  appName: string;
  /** The header's home link text. */
  brand: ReactNode;
  nav?: readonly NavItem[];
  /** Right-hand side of the header: who is signed in, the sign-out button. */
  account?: ReactNode;
  children: ReactNode;
}

/** Skip link, header with the main navigation, and the `<main>` landmark every page renders into. */
export function AppShell({ appName, brand, nav = [], account, children }: AppShellProps) {
  const focusedKey = useRef<string | null>(null);
  return (
    <ShellContext.Provider value={{ appName, focusedKey }}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="tally-header">
        <div className="tally-header__inner">
          <Link to="/" className="tally-header__brand">
            {brand}
          </Link>
          {nav.length > 0 ? (
            <nav aria-label="Main" className="tally-nav">
              <ul>
                {nav.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end}>
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {account ? <div className="tally-header__account">{account}</div> : null}
        </div>
      </header>
      <main id="main" className="tally-main" tabIndex={-1}>
        {children}
      </main>
    </ShellContext.Provider>
  );
}
