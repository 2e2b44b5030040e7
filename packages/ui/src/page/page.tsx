import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

interface ShellState {
  appName: string;
  /** The navigation whose page heading already took focus. */
  focusedKey: { current: string | null };
}

export const ShellContext = createContext<ShellState>({ appName: 'Tally', focusedKey: { current: null } });

export interface PageProps {
  /** The page's `<h1>` and the first part of the document title. */
  title: string;
  lead?: ReactNode;
  children?: ReactNode;
}

/**
 * A routed page: sets the document title and, after a client-side navigation (not on the first load,
 * where the browser starts at the top as usual), moves focus to its heading so keyboard and screen reader
 * users start at the new content, as they would after a full page load.
 */
export function Page({ title, lead, children }: PageProps) {
  const { appName, focusedKey } = useContext(ShellContext);
  const heading = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();

  useEffect(() => {
    document.title = `${title} — ${appName}`;
  }, [title, appName]);

  useEffect(() => {
    if (key === 'default' || focusedKey.current === key) return;
    focusedKey.current = key;
    heading.current?.focus();
  }, [key, focusedKey]);

  return (
    <>
      <h1 ref={heading} tabIndex={-1} className="tally-page-title">
        {title}
      </h1>
      {lead ? <p className="tally-lead">{lead}</p> : null}
      {children}
    </>
  );
}
