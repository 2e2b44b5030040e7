import type { Voucher, VoucherResult } from '@tally/domain';
import { DateTime, EmptyState, Page, QueryState, Section, formatPoints } from '@tally/ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMyVouchers } from '../api/get-my-vouchers';
import { ActiveVoucher } from './active-voucher';

export function VouchersPage() {
  const vouchers = useMyVouchers();
  const [cancelled, setCancelled] = useState<VoucherResult | null>(null);

  return (
    <Page title="My vouchers" lead="Show a voucher’s code or QR code at the till to use it.">
      <div role="status" className="tally-status">
        {cancelled ? (
          <p>
            Voucher {cancelled.voucher.code} is cancelled. {formatPoints(cancelled.voucher.points)} points are
            back in your balance; they keep the expiry date they had before you redeemed them.
          </p>
        ) : null}
      </div>
      <QueryState query={vouchers} loading="Loading your vouchers…">
        {(list) => {
          const active = list.filter((v) => v.status === 'active');
          const used = list.filter((v) => v.status === 'used');
          const ended = list.filter((v) => v.status === 'expired' || v.status === 'cancelled');
          return (
            <>
              <Section title="Active">
                {active.length === 0 ? (
                  <EmptyState>
                    <p>
                      You have no vouchers to use. <Link to="/rewards">Choose a reward</Link>
                    </p>
                  </EmptyState>
                ) : (
                  <ul className="tally-voucher-list" aria-label="Active vouchers">
                    {active.map((voucher) => (
                      <ActiveVoucher key={voucher.id} voucher={voucher} onCancelled={setCancelled} />
                    ))}
                  </ul>
                )}
              </Section>
              <Section title="Used">
                <PastVouchers vouchers={used} label="Used vouchers" empty="No voucher used yet." />
              </Section>
              <Section title="Expired & cancelled">
                <PastVouchers
                  vouchers={ended}
                  label="Expired and cancelled vouchers"
                  empty="No expired or cancelled vouchers."
                />
              </Section>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

function PastVouchers({ vouchers, label, empty }: { vouchers: Voucher[]; label: string; empty: string }) {
  if (vouchers.length === 0) return <p className="tally-muted">{empty}</p>;
  return (
    <ul aria-label={label}>
      {vouchers.map((voucher) => (
        <li key={voucher.id}>
          <strong>{voucher.reward.name}</strong> · <code>{voucher.code}</code> ·{' '}
          {formatPoints(voucher.points)} points · <PastWhen voucher={voucher} />
        </li>
      ))}
    </ul>
  );
}

function PastWhen({ voucher }: { voucher: Voucher }) {
  switch (voucher.status) {
    case 'used':
      return <>Used {voucher.usedAt ? <DateTime value={voucher.usedAt} /> : null}</>;
    case 'cancelled':
      return <>Cancelled {voucher.cancelledAt ? <DateTime value={voucher.cancelledAt} /> : null}</>;
    case 'expired':
      return (
        <>
          Expired <DateTime value={voucher.expiresAt} />
        </>
      );
    case 'active':
      return (
        <>
          Use by <DateTime value={voucher.expiresAt} />
        </>
      );
  }
}
