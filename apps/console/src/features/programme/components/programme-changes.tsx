import { type ProgrammeChange } from '@tally/domain';
import { DateTime, EmptyState, QueryState, Section } from '@tally/ui';
import { ConfirmAction } from '../../../components/confirm-action';
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
      {canManage ? (
        <ConfirmAction
          offered={change.status === 'announced'}
          mutation={withdraw}
          run={(done) => withdraw.mutate(change.id, { onSuccess: done })}
          label="Withdraw"
          question="Withdraw this change? It will not take effect, and members no longer see it as upcoming."
          confirmLabel="Confirm withdrawal"
          pendingText="Withdrawing…"
          doneText="Change withdrawn."
        />
      ) : null}
    </li>
  );
}
