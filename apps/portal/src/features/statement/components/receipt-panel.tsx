import type { MemberReceipt } from '@tally/domain';
import { DateTime, QueryState, formatPoints, formatPointsChange } from '@tally/ui';
import { useReceipt } from '../api/get-receipt';

/** Amounts are in the currency's minor units. */
function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount / 100);
  } catch {
    return `${(amount / 100).toFixed(2)} ${currency}`;
  }
}

export function ReceiptPanel({ receiptId }: { receiptId: string }) {
  const receipt = useReceipt(receiptId);
  return (
    <QueryState query={receipt} loading="Loading the receipt…">
      {(data) => <ReceiptDetails receipt={data} />}
    </QueryState>
  );
}

function ReceiptDetails({ receipt }: { receipt: MemberReceipt }) {
  return (
    <section className="tally-card" aria-label={`Receipt ${receipt.receiptRef}`}>
      <h3>Receipt {receipt.receiptRef}</h3>
      <p className="tally-muted">
        {receipt.store.name} · <DateTime value={receipt.createdAt} />
      </p>
      <table>
        <caption className="tally-visually-hidden">Items bought</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Quantity</th>
            <th scope="col">Price</th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((line, index) => (
            <tr key={`${line.sku}-${index}`}>
              <td>
                {line.description ?? line.sku}
                {line.kind !== 'sale' ? <span className="tally-muted"> ({line.kind})</span> : null}
              </td>
              <td>{line.quantity}</td>
              <td>{money(line.unitPrice * line.quantity, receipt.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Total {money(receipt.totalAmount, receipt.currency)};{' '}
        {money(receipt.eligibleAmount, receipt.currency)} earned points.
      </p>
      <h4>How the points were earned</h4>
      <ul aria-label="How the points were earned">
        {receipt.earnLines.map((earn, index) => (
          <li key={`${earn.source}-${index}`}>
            {earn.description}: {formatPointsChange(earn.points)} points
          </li>
        ))}
      </ul>
      <p>Points for this receipt: {formatPoints(receipt.points)}</p>
      {receipt.refunds.length > 0 ? (
        <ul aria-label="Refunds">
          {receipt.refunds.map((refund) => (
            <li key={refund.at}>
              Refund on <DateTime value={refund.at} />: {formatPointsChange(-refund.pointsReversed)} points
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
