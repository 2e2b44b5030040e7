import { type ProgrammeChange } from '@tally/domain';
import { DateTime, EmptyState, ErrorState, QueryState, Section } from '@tally/ui';
import { useState } from 'react';
import { useProgrammeChanges, useWithdrawProgrammeChange } from '../api/programme-changes';
import { DifferenceList } from './difference-list';

const STATUS_LABELS: Record<ProgrammeChange['status'], string> = {
  announced: 'Announced',
  applied: 'Applied',
  withdrawn: 'Withdrawn',
};

/** Every announced, applied and withdrawn change, latest effective date first. */
export function ProgrammeChanges({ canManage }: { canManage: boolean }) {
  const changes = useProgrammeChanges();
  return (
    <Section title="Announced changes">
      <QueryState query={changes} loading="Loading the changes…">
        {(list) =>
          list.length === 0 ? (
            <EmptyState>
              <p>No change has been announced.</p>
            </EmptyState>
          ) : (
            <ul aria-label="Programme changes" className="programme-changes">
              {[...list]
                .sort((a, b) => b.effectiveAt.localeCompare(a.effectiveAt))
                .map((change) => (
                  <ChangeItem key={change.id} change={change} canManage={canManage} />
                ))}
            </ul>
          )
        }
      </QueryState>
    </Section>
  );
}

function ChangeItem({ change, canManage }: { change: ProgrammeChange; canManage: boolean }) {
  const withdraw = useWithdrawProgrammeChange();
  const [confirming, setConfirming] = useState(false);
  const badge = change.status === 'announced' ? 'tally-badge tally-badge--ok' : 'tally-badge';
  return (
    <li>
      <p>
        <span className={badge}>{STATUS_LABELS[change.status]}</span> Takes effect{' '}
        <DateTime value={change.effectiveAt} />
        {change.worse ? ' — worse for members, announced with notice' : ''}
      </p>
      <DifferenceList differences={change.differences} label="What changes" />
      <p className="tally-muted">
        Announced on <DateTime value={change.announcedAt} />
        {change.withdrawnAt ? (
          <>
            ; withdrawn <DateTime value={change.withdrawnAt} />
          </>
        ) : null}
        {change.appliedAt ? (
          <>
            ; applied <DateTime value={change.appliedAt} />
          </>
        ) : null}
      </p>
      {canManage && change.status === 'announced' ? (
        confirming ? (
          <div className="tally-warning" role="group" aria-label="Confirm withdrawal">
            <p>Withdraw this change? It will not take effect, and members no longer see it as upcoming.</p>
            <div className="row-actions">
              <button
                type="button"
                className="tally-button--danger"
                disabled={withdraw.isPending}
                onClick={() => withdraw.mutate(change.id, { onSuccess: () => setConfirming(false) })}
              >
                Confirm withdrawal
              </button>
              <button type="button" className="tally-button--secondary" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="tally-button--secondary"
            onClick={() => {
              withdraw.reset();
              setConfirming(true);
            }}
          >
            Withdraw
          </button>
        )
      ) : null}
      <p role="status" className="tally-muted">
        {withdraw.isPending ? 'Withdrawing…' : withdraw.isSuccess ? 'Change withdrawn.' : ''}
      </p>
      {withdraw.isError ? <ErrorState error={withdraw.error} /> : null}
    </li>
  );
}
