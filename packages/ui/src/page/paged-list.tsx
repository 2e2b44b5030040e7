import type { Page } from '@tally/domain';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState } from './states.js';

export interface PagedListProps<Item> {
  query: UseInfiniteQueryResult<InfiniteData<Page<Item>>, Error>;
  loading: ReactNode;
  empty: ReactNode;
  /** What the items are, plural: "entries", "messages". */
  noun: string;
  /**
   * Infinite scroll: ask for the next page when the end of the list scrolls into view. "Load more"
   * stays as the fallback (keyboards, browsers without `IntersectionObserver`, a failed page).
   */
  loadOnScroll?: boolean;
  /** Renders every item loaded so far. */
  children: (items: Item[]) => ReactNode;
}

/**
 * A keyset-paginated list: loading, error and empty states, then the items and a "Load more" button
 * that asks for the next cursor until the API says there is none.
 */
export function PagedList<Item>({
  query,
  loading,
  empty,
  noun,
  loadOnScroll = false,
  children,
}: PagedListProps<Item>) {
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
      {loadOnScroll && query.hasNextPage ? (
        <LoadMoreSentinel
          onVisible={() => {
            // A failed page waits for "Load more", so a broken API is not asked again on every scroll.
            if (!query.isFetchingNextPage && !query.isFetchNextPageError) void query.fetchNextPage();
          }}
        />
      ) : null}
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

/** Calls `onVisible` whenever it scrolls into view. */
function LoadMoreSentinel({ onVisible }: { onVisible: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef(onVisible);
  useEffect(() => {
    latest.current = onVisible;
  });
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) latest.current();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return <div ref={ref} aria-hidden="true" data-testid="load-more-sentinel" />;
}
