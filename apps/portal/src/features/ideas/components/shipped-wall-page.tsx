import type { ShippedWallItem } from '@tally/domain';
import { DateTime, formatPoints, Page, PagedList } from '@tally/ui';
import { useId } from 'react';
import { Link } from 'react-router';
import { useShippedWall } from '../api/get-shipped-wall';
import { IdeasNav } from './ideas-nav';

export function ShippedWallPage() {
  const wall = useShippedWall();
  return (
    <Page
      title="Shipped thanks to you"
      lead="Ideas from members that are now part of what we do, with the people who suggested them."
    >
      <IdeasNav />
      <PagedList
        query={wall}
        loading="Loading shipped ideas…"
        empty={
          <p>
            Nothing has shipped yet. <Link to="/ideas/roadmap">See what is planned</Link>.
          </p>
        }
        noun="shipped ideas"
        loadOnScroll
      >
        {(items) => (
          <ul className="tally-list shipped-wall" aria-label="Shipped ideas">
            {items.map((item) => (
              <WallItem key={item.id} item={item} />
            ))}
          </ul>
        )}
      </PagedList>
    </Page>
  );
}

function WallItem({ item }: { item: ShippedWallItem }) {
  const headingId = useId();
  return (
    <li aria-labelledby={headingId}>
      <h2 id={headingId} className="idea-card__title">
        <Link to={`/ideas/${item.id}`}>{item.title}</Link>
      </h2>
      <p>
        <strong>Suggested by {item.authorName}</strong> · {formatPoints(item.votes)}{' '}
        {item.votes === 1 ? 'vote' : 'votes'} · shipped <DateTime value={item.shippedAt} />
      </p>
      {item.response ? <p className="idea-text">{item.response}</p> : null}
    </li>
  );
}
