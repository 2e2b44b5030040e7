import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../api-client.js';

/** A polite "loading" line; screen readers hear it once. */
export function LoadingState({ children = 'Loading…' }: { children?: ReactNode }) {
  return (
    <p role="status" className="tally-state tally-state--loading">
      {children}
    </p>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="tally-state tally-state--empty">{children}</div>;
}

export interface ErrorStateProps {
  error: Error;
  /** Adds a "Try again" button. */
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed request: the problem's title and code, its detail, and the request id to quote to support. */
export function ErrorState({ error, onRetry, retrying = false }: ErrorStateProps) {
  const api = isApiError(error) ? error : undefined;
  return (
    <div role="alert" className="tally-state tally-state--error">
      <p>
        <strong>{api ? api.title : 'Something went wrong'}</strong>
        {api ? (
          <>
            {' '}
            (<code>{api.code}</code>)
          </>
        ) : null}
      </p>
      {api?.detail ? <p>{api.detail}</p> : null}
      {!api && error.message ? <p>{error.message}</p> : null}
      {api?.requestId ? (
        <p className="tally-muted">
          Request ID: <code>{api.requestId}</code>
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" className="tally-button--secondary" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Trying again…' : 'Try again'}
        </button>
      ) : null}
    </div>
  );
}

export interface QueryStateProps<T> {
  query: UseQueryResult<T, Error>;
  /** What is loading, e.g. "Loading stores…". */
  loading?: ReactNode;
  /** When the data counts as empty; `empty` is shown instead of `children` then. */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** The loading, error and empty states every list and detail view needs, around its content. */
export function QueryState<T>({ query, loading, isEmpty, empty, children }: QueryStateProps<T>) {
  if (query.isPending) return <LoadingState>{loading}</LoadingState>;
  if (query.isError) {
    return (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
    );
  }
  if (isEmpty?.(query.data)) return <EmptyState>{empty}</EmptyState>;
  return <>{children(query.data)}</>;
}
