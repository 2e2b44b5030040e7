import type { Page } from '@tally/domain';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState } from './states.js';

export interface PagedListProps<Item> {
  query: UseInfiniteQueryResult<InfiniteData<Page<Item>>, Error>;
  loading: ReactNode;
  empty: ReactNode;
  /** What the items are, plural: "entries", "messages". */
  noun: string;
  /** Renders every item loaded so far. */
  children: (items: Item[]) => ReactNode;
}

/**
 * A keyset-paginated list: loading, error and empty states, then the items and a "Load more" button
 * that asks for the next cursor until the API says there is none.
 */
export function PagedList<Item>({ query, loading, empty, noun, children }: PagedListProps<Item>) {
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  if (query.isPending) return <LoadingState>{loading}</LoadingState>;
  if (query.isError && items.length === 0) {
    return (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
    );
  }
  if (items.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <>
      {children(items)}
      {query.isFetchNextPageError ? <ErrorState error={query.error} /> : null}
      <div className="tally-actions">
        {query.hasNextPage ? (
          <button
            type="button"
            className="tally-button--secondary"
            disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            Load more
          </button>
        ) : (
          <p className="tally-muted">No more {noun}.</p>
        )}
        <span role="status" className="tally-muted">
          {query.isFetchingNextPage ? `Loading more ${noun}…` : `${items.length} ${noun} shown.`}
        </span>
      </div>
    </>
  );
}
