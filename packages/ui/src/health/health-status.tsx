import type { HealthResponse } from '@tally/domain';
import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';
import { ErrorState } from '../page/states.js';

export interface HealthStatusProps {
  /** The result of the app's `useHealth()`; this component only renders it. */
  query: UseQueryResult<HealthResponse, Error>;
  /** Heading text; the section is labelled by it. */
  title?: string;
}

/**
 * Shows whether the API and its database are up. The live region carries only a one-line summary,
 * so a screen reader hears a change of state, not every refreshed latency figure.
 */
export function HealthStatus({ query, title = 'System status' }: HealthStatusProps) {
  const headingId = useId();

  return (
    <section className="tally-health" aria-labelledby={headingId} aria-busy={query.isFetching}>
      <h2 id={headingId}>{title}</h2>
      <p role="status" aria-live="polite" className="tally-health__summary">
        {query.isPending ? 'Checking the API…' : null}
        {query.isSuccess ? summary(query.data) : null}
      </p>
      {query.isSuccess ? <HealthDetails health={query.data} /> : null}
      {query.isError ? (
        <ErrorState error={query.error} retrying={query.isFetching} onRetry={() => void query.refetch()} />
      ) : null}
    </section>
  );
}

function summary(health: HealthResponse): string {
  return health.status === 'ok'
    ? 'All systems are working.'
    : `The service is degraded: the database is ${health.database.status}.`;
}

function HealthDetails({ health }: { health: HealthResponse }) {
  const { database } = health;
  return (
    <dl className="tally-health__details">
      <div>
        <dt>API</dt>
        <dd>
          <StatusBadge ok={health.status === 'ok'} label={health.status} />
        </dd>
      </div>
      <div>
        <dt>Database</dt>
        <dd>
          <StatusBadge ok={database.status === 'up'} label={database.status} />{' '}
          {database.kind === 'embedded' ? 'embedded (PGlite)' : 'PostgreSQL server'}
          {database.error ? <span className="tally-health__note"> — {database.error}</span> : null}
        </dd>
      </div>
      <div>
        <dt>Database latency</dt>
        <dd>{database.latencyMs === null ? 'not measured' : `${database.latencyMs.toFixed(1)} ms`}</dd>
      </div>
      {database.migrationsPending ? (
        <div>
          <dt>Pending migrations</dt>
          <dd>{database.migrationsPending}</dd>
        </div>
      ) : null}
      <div>
        <dt>Version</dt>
        <dd>{health.version}</dd>
      </div>
      <div>
        <dt>Uptime</dt>
        <dd>{formatUptime(health.uptimeSeconds)}</dd>
      </div>
    </dl>
  );
}

/** Text first, colour second: the word carries the meaning, the class only tints it. */
function StatusBadge({ ok, label }: { ok: boolean; label: string }) {
  return <span className={ok ? 'tally-badge tally-badge--ok' : 'tally-badge tally-badge--bad'}>{label}</span>;
}

/** `93784` → `1 d 2 h 3 min`; the largest three units are plenty for a status line. */
export function formatUptime(totalSeconds: number): string {
  const seconds = Math.floor(totalSeconds);
  const parts: [number, string][] = [
    [Math.floor(seconds / 86_400), 'd'],
    [Math.floor((seconds % 86_400) / 3_600), 'h'],
    [Math.floor((seconds % 3_600) / 60), 'min'],
    [seconds % 60, 's'],
  ];
  const firstNonZero = parts.findIndex(([value]) => value > 0);
  if (firstNonZero === -1) return '0 s';
  return parts
    .slice(firstNonZero, firstNonZero + 3)
    .filter(([value]) => value > 0)
    .map(([value, unit]) => `${value} ${unit}`)
    .join(' ');
}
