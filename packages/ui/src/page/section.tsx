import { useId, type ReactNode } from 'react';

/** A titled part of a page, labelled by its heading so it is a landmark region. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="tally-section">
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
