import type { Voucher, VoucherResult } from '@tally/domain';
import { DateTime, LoadingState, formatPoints } from '@tally/ui';
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useCancelVoucher } from '../api/cancel-voucher';
import { rewardErrorMessage } from './redeem-messages';

// The QR generator loads after the code, which is enough to use a voucher on its own.
const QrCode = lazy(() => import('../../../components/qr-code'));

export interface ActiveVoucherProps {
  voucher: Voucher;
  onCancelled: (result: VoucherResult) => void;
}

export function ActiveVoucher({ voucher, onCancelled }: ActiveVoucherProps) {
  const headingId = useId();
  const cancel = useCancelVoucher();
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const points = formatPoints(voucher.points);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  function confirm() {
    // Not `mutate`'s callbacks: the voucher leaves the active list (and unmounts) as the list refreshes.
    cancel.mutateAsync(voucher.id).then(onCancelled, () => {
      // Shown from `cancel.error` while the confirmation stays open.
    });
  }

  function close() {
    setConfirming(false);
    cancel.reset();
  }

  return (
    <li className="tally-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{voucher.reward.name}</h3>
      <p>
        Code: <strong className="tally-voucher-code">{voucher.code}</strong>
      </p>
      <Suspense fallback={<LoadingState>Loading the QR code…</LoadingState>}>
        <QrCode value={voucher.code} label={`QR code for ${voucher.code}`} />
      </Suspense>
      <p>
        {points} points · Use by <DateTime value={voucher.expiresAt} />
      </p>
      {confirming ? (
        <div role="group" aria-label={`Cancel voucher ${voucher.code}`}>
          <p>Cancel this voucher and get {points} points back? The points keep the expiry date they had.</p>
          {cancel.isError ? (
            <p role="alert" className="tally-state tally-state--error">
              {rewardErrorMessage(cancel.error)}
            </p>
          ) : null}
          <button
            ref={confirmButton}
            type="button"
            className="tally-button--danger"
            disabled={cancel.isPending}
            onClick={confirm}
          >
            {cancel.isPending ? 'Cancelling…' : 'Yes, cancel voucher'}
          </button>{' '}
          <button
            type="button"
            className="tally-button--secondary"
            onClick={close}
            disabled={cancel.isPending}
          >
            Keep voucher
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="tally-button--secondary"
          aria-describedby={headingId}
          onClick={() => setConfirming(true)}
        >
          Cancel voucher
        </button>
      )}
    </li>
  );
}
