import type { ClaimState } from '@tally/domain';
import { Page, PagedList } from '@tally/ui';
import { useId, useState } from 'react';
import { storeLabel, type StoreList } from '../../../lib/stores';
import { useClaims } from '../api/get-claims';
import { ClaimCard } from './claim-card';

const FILTERS: readonly { value: ClaimState; label: string; empty: string }[] = [
  { value: 'submitted', label: 'Waiting for a decision', empty: 'No claim is waiting for a decision.' },
  { value: 'approved', label: 'Approved', empty: 'No approved claims yet.' },
  { value: 'denied', label: 'Denied', empty: 'No denied claims yet.' },
];

export function ClaimsPage({ stores }: { stores: StoreList }) {
  const [state, setState] = useState<ClaimState>('submitted');
  const [storeId, setStoreId] = useState('');
  const [notice, setNotice] = useState('');
  const claims = useClaims({ state, storeId: storeId || undefined });
  const stateId = useId();
  const storeFieldId = useId();
  const filter = FILTERS.find((f) => f.value === state) ?? FILTERS[0]!;
  return (
    <Page
      title="Claims"
      lead="Members’ missing-points claims, checked against the till’s records. A receipt earns points once, at the till or through a claim."
    >
      <div className="claims-filters">
        <div className="tally-field filter-field">
          <label htmlFor={stateId} className="tally-field__label">
            Show
          </label>
          <select
            id={stateId}
            value={state}
            onChange={(event) => {
              setState(event.target.value as ClaimState);
              setNotice('');
            }}
          >
            {FILTERS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        {stores && stores.length > 1 ? (
          <div className="tally-field filter-field">
            <label htmlFor={storeFieldId} className="tally-field__label">
              Store
            </label>
            <select id={storeFieldId} value={storeId} onChange={(event) => setStoreId(event.target.value)}>
              <option value="">All my stores</option>
              {stores.map((store) => (
                <option key={store.id} value={store.id}>
                  {storeLabel(store)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <div role="status" className={notice ? 'tally-notice' : undefined}>
        {notice}
      </div>
      <PagedList query={claims} noun="claims" loading="Loading claims…" empty={<p>{filter.empty}</p>}>
        {(items) => (
          <ul className="tally-list approvals" aria-label="Claims">
            {items.map((claim) => (
              <li key={claim.id}>
                <ClaimCard claim={claim} onDecided={setNotice} />
              </li>
            ))}
          </ul>
        )}
      </PagedList>
    </Page>
  );
}
