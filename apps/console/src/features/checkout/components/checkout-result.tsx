import type {
  Balance,
  CheckoutEarnResponse,
  CheckoutRedeemResponse,
  CheckoutRefundResponse,
  Voucher,
} from '@tally/domain';
import { DateTime, formatPoints } from '@tally/ui';
import type { ReactNode } from 'react';

/** What the last till action did, for the cashier to read out. */
export type CheckoutOutcome =
  | { kind: 'earn'; memberName: string; receiptId: string; response: CheckoutEarnResponse }
  | { kind: 'redeem'; memberName: string; receiptId: string; response: CheckoutRedeemResponse }
  | { kind: 'refund'; receiptId: string; response: CheckoutRefundResponse }
  | { kind: 'voucher'; voucher: Voucher }
  | { kind: 'reward'; memberName: string; rewardName: string; response: CheckoutRedeemResponse };

function points(n: number): string {
  return `${formatPoints(n)} ${Math.abs(n) === 1 ? 'point' : 'points'}`;
}

export function balanceText(balance: Balance): string {
  const parts = [`${formatPoints(balance.available)} available`, `${formatPoints(balance.pending)} pending`];
  if (balance.held > 0) parts.push(`${formatPoints(balance.held)} held`);
  if (balance.debt > 0) parts.push(`${formatPoints(balance.debt)} owed`);
  return parts.join(', ');
}

function EarnLines({ lines }: { lines: CheckoutEarnResponse['lines'] }) {
  if (lines.length === 0) return null;
  return (
    <ul className="checkout-result__lines">
      {lines.map((line, index) => (
        <li key={`${line.source}-${line.campaignId ?? index}`}>
          <span>{line.description}</span> <strong className="checkout-num">{points(line.points)}</strong>
        </li>
      ))}
    </ul>
  );
}

function OutcomeText({ outcome }: { outcome: CheckoutOutcome }): ReactNode {
  switch (outcome.kind) {
    case 'earn': {
      const { response, memberName, receiptId } = outcome;
      if (response.status === 'pending_approval') {
        return (
          <>
            <p className="checkout-result__headline">Waiting for a manager’s approval: {response.reason}</p>
            <p>
              {points(response.points)} for {memberName} on receipt {receiptId} are awarded when a manager of
              this store approves the request.
            </p>
            <EarnLines lines={response.lines} />
          </>
        );
      }
      return (
        <>
          <p className="checkout-result__headline">
            {memberName} earned {points(response.points)}
          </p>
          <EarnLines lines={response.lines} />
          <p>New balance: {balanceText(response.balance)}.</p>
          {response.availableAt ? (
            <p>
              The {points(response.points)} are pending until <DateTime value={response.availableAt} />, then
              they can be spent.
            </p>
          ) : response.points > 0 ? (
            <p>The points can be spent now.</p>
          ) : null}
        </>
      );
    }
    case 'redeem':
      return (
        <>
          <p className="checkout-result__headline">
            {outcome.memberName} redeemed {points(outcome.response.points)}
          </p>
          <p>Towards receipt {outcome.receiptId}.</p>
          <p>New balance: {balanceText(outcome.response.balance)}.</p>
        </>
      );
    case 'voucher':
      return (
        <p className="checkout-result__headline">
          Voucher {outcome.voucher.code} taken: {outcome.voucher.reward.name}
        </p>
      );
    case 'reward': {
      const { response, memberName } = outcome;
      const rewardName = response.voucher?.reward.name ?? outcome.rewardName;
      return (
        <>
          <p className="checkout-result__headline">
            {memberName} redeemed {rewardName} for {points(Math.abs(response.points))}.
            {response.voucher ? ` Voucher ${response.voucher.code}` : ''}
          </p>
          <p>New balance: {balanceText(response.balance)}.</p>
        </>
      );
    }
    case 'refund': {
      const taken = Math.abs(outcome.response.pointsReversed);
      return (
        <>
          <p className="checkout-result__headline">
            Receipt {outcome.receiptId} refunded:{' '}
            {taken > 0 ? `${points(taken)} taken back` : 'no points to take back'}
          </p>
          <p>The member’s balance is now {balanceText(outcome.response.balance)}.</p>
        </>
      );
    }
  }
}

/** The one place the till's outcomes appear: a polite live region, so a screen reader hears each. */
export function CheckoutResult({ outcome }: { outcome: CheckoutOutcome | null }) {
  const tone =
    outcome === null
      ? ''
      : outcome.kind === 'earn' && outcome.response.status === 'pending_approval'
        ? ' checkout-result--waiting'
        : ' checkout-result--done';
  return (
    <div role="status" aria-label="Result" className={`checkout-result${tone}`}>
      {outcome ? (
        <OutcomeText outcome={outcome} />
      ) : (
        <p className="tally-muted">Nothing yet: what the till does shows here, for you to read out.</p>
      )}
    </div>
  );
}
