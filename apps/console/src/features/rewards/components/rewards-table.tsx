import type { Reward } from '@tally/domain';
import { DataTable, DateTime, ErrorState, formatPoints } from '@tally/ui';
import { useId, useRef, useState } from 'react';
import { useUpdateReward } from '../api/update-reward';
import { REWARD_STATUS_LABELS, rewardStatus } from '../lib/reward-status';
import { EditRewardForm } from './edit-reward-form';

const COLUMNS = [
  'Reward',
  { label: 'Cost (points)', className: 'tally-num' },
  { label: 'Stock', className: 'tally-num' },
  { label: 'Limit per member', className: 'tally-num' },
  'On offer from',
  'On offer until',
  'Status',
  'Actions',
];

export function RewardsTable({ rewards }: { rewards: readonly Reward[] }) {
  // One clock for the whole table, so every row's status is judged at the same instant.
  const now = Date.now();
  return (
    <DataTable label="Rewards" columns={COLUMNS}>
      {rewards.map((reward) => (
        <RewardRow key={reward.id} reward={reward} now={now} />
      ))}
    </DataTable>
  );
}

function RewardRow({ reward, now }: { reward: Reward; now: number }) {
  const [editing, setEditing] = useState(false);
  const nameId = useId();
  const panelId = useId();
  const editButton = useRef<HTMLButtonElement>(null);
  const archive = useUpdateReward();
  const status = rewardStatus(reward, now);
  const closeEditor = () => {
    setEditing(false);
    editButton.current?.focus();
  };
  const setArchived = (archived: boolean) =>
    archive.mutate({
      id: reward.id,
      // `UpdateRewardSchema` fills a missing `description` and `voucherValidDays` with the create
      // defaults ('' and 30), which the API then saves; sending the current values keeps them.
      body: { archived, description: reward.description, voucherValidDays: reward.voucherValidDays },
    });

  return (
    <>
      <tr>
        <th scope="row" id={nameId}>
          {reward.name}
          {reward.description ? <div className="tally-muted">{reward.description}</div> : null}
        </th>
        <td className="tally-num">{formatPoints(reward.costPoints)}</td>
        <td className="tally-num">{reward.stock === null ? 'Unlimited' : formatPoints(reward.stock)}</td>
        <td className="tally-num">
          {reward.perMemberLimit === null ? 'No limit' : formatPoints(reward.perMemberLimit)}
        </td>
        <td>
          <DateTime value={reward.activeFrom} />
        </td>
        <td>{reward.activeUntil === null ? 'No end date' : <DateTime value={reward.activeUntil} />}</td>
        <td>
          <span className={status === 'active' ? 'tally-badge tally-badge--ok' : 'tally-badge'}>
            {REWARD_STATUS_LABELS[status]}
          </span>
        </td>
        <td>
          <div className="row-actions">
            <button
              ref={editButton}
              type="button"
              className="tally-button--secondary"
              aria-describedby={nameId}
              aria-expanded={editing}
              aria-controls={panelId}
              onClick={() => setEditing((open) => !open)}
            >
              Edit
            </button>
            <button
              type="button"
              className="tally-button--secondary"
              aria-describedby={nameId}
              disabled={archive.isPending}
              onClick={() => setArchived(!reward.archived)}
            >
              {reward.archived ? 'Restore' : 'Archive'}
            </button>
            <span role="status" className="tally-muted">
              {archive.isPending ? (reward.archived ? 'Restoring…' : 'Archiving…') : ''}
            </span>
          </div>
        </td>
      </tr>
      {archive.isError ? (
        <tr>
          <td colSpan={COLUMNS.length}>
            <ErrorState error={archive.error} />
          </td>
        </tr>
      ) : null}
      {editing ? (
        <tr id={panelId}>
          <td colSpan={COLUMNS.length}>
            <EditRewardForm reward={reward} onDone={closeEditor} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
