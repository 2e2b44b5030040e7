import type { AuditEntry } from '@tally/domain';
import { DataTable, DateTime, Page, PagedList, Section } from '@tally/ui';
import { useState } from 'react';
import { storeName, type StoreList } from '../../../lib/stores';
import { useAuditLog, type AuditFilters } from '../api/get-audit';
import { AuditFiltersForm } from './audit-filters';

export function AuditPage({ stores }: { stores: StoreList }) {
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const filtered = Object.keys(filters).length > 0;

  return (
    <Page title="Audit log" lead="Every staff action, newest first: who, where, when and why.">
      <Section title="Filters">
        <AuditFiltersForm stores={stores} onApply={setFilters} />
      </Section>
      <Section title="Entries">
        <PagedList
          query={log}
          noun="entries"
          loading="Loading the audit log…"
          empty={<p>{filtered ? 'No entries match these filters.' : 'Nothing has been recorded yet.'}</p>}
        >
          {(entries) => (
            <DataTable
              label="Audit entries"
              columns={['Time', 'Actor', 'Store', 'Action', 'Target', 'Summary', 'Reason', 'Request ID']}
            >
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} stores={stores} />
              ))}
            </DataTable>
          )}
        </PagedList>
      </Section>
    </Page>
  );
}

function AuditRow({ entry, stores }: { entry: AuditEntry; stores: StoreList }) {
  const actor = entry.actorName ?? entry.actorId ?? entry.actorType;
  const summary = Object.entries(entry.summary);
  return (
    <tr>
      <td>
        <DateTime value={entry.at} />
      </td>
      <td>
        {actor}
        {entry.actorRole ? <div className="tally-muted">{entry.actorRole}</div> : null}
      </td>
      <td>{storeName(stores, entry.storeId)}</td>
      <td>
        <code>{entry.action}</code>
      </td>
      <td>
        {entry.targetType}
        {entry.targetId ? <div className="tally-muted">{entry.targetId}</div> : null}
      </td>
      <td>
        {summary.length === 0 ? (
          '—'
        ) : (
          <ul className="plain-list">
            {summary.map(([name, value]) => (
              <li key={name}>
                {name}: {describeValue(value, stores)}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>{entry.reason ?? '—'}</td>
      <td>{entry.requestId ? <code>{entry.requestId}</code> : '—'}</td>
    </tr>
  );
}

/** A summary value in words: `{from, to}` as "from → to", store ids as store names, lists joined. */
export function describeValue(value: unknown, stores: StoreList): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string')
    return stores?.some((store) => store.id === value) ? storeName(stores, value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? 'none' : value.map((item) => describeValue(item, stores)).join(', ');
  if (typeof value === 'object' && 'from' in value && 'to' in value) {
    return `${describeValue(value.from, stores)} → ${describeValue(value.to, stores)}`;
  }
  return JSON.stringify(value);
}
