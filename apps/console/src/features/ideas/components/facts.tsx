import type { ReactNode } from 'react';

/** Short facts about an idea as a description list: `[term, what it is]` pairs, laid out in columns. */
export function Facts({ items }: { items: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="approval__facts">
      {items.map(([term, description]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{description}</dd>
        </div>
      ))}
    </dl>
  );
}
