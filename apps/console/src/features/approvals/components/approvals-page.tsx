import { Page, QueryState } from '@tally/ui';
import { useId, useState } from 'react';
import type { StoreList } from '../../../lib/stores';
import { useApprovals, type ApprovalStatus } from '../api/get-approvals';
import { ApprovalCard } from './approval-card';

const FILTERS: readonly { value: ApprovalStatus; label: string; empty: string }[] = [
  { value: 'pending', label: 'Waiting for a decision', empty: 'Nothing is waiting for a decision.' },
  { value: 'approved', label: 'Approved', empty: 'No approved requests yet.' },
  { value: 'denied', label: 'Denied', empty: 'No denied requests yet.' },
];

export function ApprovalsPage({ stores }: { stores: StoreList }) {
  const [status, setStatus] = useState<ApprovalStatus>('pending');
  const [notice, setNotice] = useState('');
  const approvals = useApprovals({ status });
  const filterId = useId();
  const filter = FILTERS.find((f) => f.value === status) ?? FILTERS[0]!;
  return (
    <Page
      title="Approvals"
      lead="A cashier’s award above their limits waits here until a manager of the store approves or denies it."
    >
      <div className="tally-field filter-field">
        <label htmlFor={filterId} className="tally-field__label">
          Show
        </label>
        <select
          id={filterId}
          value={status}
          onChange={(event) => {
            setStatus(event.target.value as ApprovalStatus);
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
      <div role="status" className={notice ? 'tally-notice' : undefined}>
        {notice}
      </div>
      <QueryState
        query={approvals}
        loading="Loading approval requests…"
        isEmpty={(list) => list.length === 0}
        empty={<p>{filter.empty}</p>}
      >
        {(list) => (
          <ul className="tally-list approvals" aria-label="Approval requests">
            {list.map((approval) => (
              <li key={approval.id}>
                <ApprovalCard approval={approval} stores={stores} onDecided={setNotice} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </Page>
  );
}
