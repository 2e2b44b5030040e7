import type { Reward, VoucherResult } from '@tally/domain';
import { formatPoints } from '@tally/ui';
import { useEffect, useId, useRef, useState } from 'react';
import { useRedeemReward } from '../api/redeem-reward';
import { rewardErrorMessage } from './redeem-messages';

export interface RewardCardProps {
  reward: Reward;
  /** The member's available points; undefined while the balance loads. */
  available: number | undefined;
  onRedeemed: (result: VoucherResult) => void;
}

export function RewardCard({ reward, available, onRedeemed }: RewardCardProps) {
  const headingId = useId();
  const redeem = useRedeemReward();
  // The key of the open confirmation: a retry of it (after a lost answer) must not spend twice.
  const [idempotencyKey, setIdempotencyKey] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const redeemButton = useRef<HTMLButtonElement>(null);
  const shortBy = available === undefined ? undefined : reward.costPoints - available;
  const cost = formatPoints(reward.costPoints);

  useEffect(() => {
    if (idempotencyKey) confirmButton.current?.focus();
  }, [idempotencyKey]);

  function open() {
    redeem.reset();
    setIdempotencyKey(crypto.randomUUID());
  }

  function close() {
    setIdempotencyKey(null);
    redeem.reset();
    // The Redeem button comes back on the next render; give focus back to it there.
    queueMicrotask(() => redeemButton.current?.focus());
  }

  function confirm() {
    if (!idempotencyKey) return;
    // Not `mutate`'s callbacks: the last one of a reward leaves the catalogue (and unmounts) as it refreshes.
    redeem.mutateAsync({ rewardId: reward.id, idempotencyKey }).then(
      (result) => {
        setIdempotencyKey(null);
        onRedeemed(result);
      },
      () => {
        // Shown from `redeem.error`; Confirm again retries with the same key.
      },
    );
  }

  return (
    <li className="tally-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{reward.name}</h3>
      {reward.description ? <p>{reward.description}</p> : null}
      <p>
        <strong>{cost} points</strong>
        {shortBy === undefined ? null : shortBy <= 0 ? (
          <> · You can have this</>
        ) : (
          <> · {formatPoints(shortBy)} more points needed</>
        )}
      </p>
      {idempotencyKey ? (
        <div role="group" aria-label={`Redeem ${reward.name}`}>
          <p>
            Spend {cost} points on {reward.name}?
          </p>
          {redeem.isError ? (
            <p role="alert" className="tally-state tally-state--error">
              {rewardErrorMessage(redeem.error)}
            </p>
          ) : null}
          <button ref={confirmButton} type="button" onClick={confirm} disabled={redeem.isPending}>
            {redeem.isPending ? 'Redeeming…' : 'Confirm'}
          </button>{' '}
          <button
            type="button"
            className="tally-button--secondary"
            onClick={close}
            disabled={redeem.isPending}
          >
            Cancel
          </button>
        </div>
      ) : (
        <button
          ref={redeemButton}
          type="button"
          onClick={open}
          aria-describedby={headingId}
          disabled={shortBy === undefined || shortBy > 0}
        >
          Redeem
        </button>
      )}
    </li>
  );
}
