import {
  basePointsFor,
  type Claim,
  type ClaimMatch,
  evaluateEarn,
  lineAmount,
  type Programme,
  ReceiptSchema,
  type StaffClaim,
} from '@tally/domain';
import { type ClaimRow } from './claims.repository.js';

/** How the claim matches the till's records, and the points to suggest. */
export function matchOf(row: ClaimRow, programme: Programme): ClaimMatch {
  const claimed = Number(row.amount);
  const lines = row.held_lines
    ? ReceiptSchema.safeParse({ id: row.receipt_ref, currency: row.currency, lines: row.held_lines })
    : null;
  const receipt = lines?.success ? lines.data : null;
  const recordedAmount =
    row.credited_amount !== null
      ? Number(row.credited_amount)
      : receipt
        ? receipt.lines.reduce((sum, line) => sum + lineAmount(line), 0)
        : null;
  const suggestion = receipt
    ? {
        suggestedPoints: evaluateEarn(
          receipt,
          {
            tierId: row.member_tier,
            segments: [],
            joinedAt: new Date(row.member_joined).toISOString(),
            birthday: row.member_birthday,
          },
          programme,
          [],
          { now: new Date(`${row.purchased_on}T12:00:00Z`), timeZone: row.store_timezone },
        ).points,
        suggestionBasis: 'receipt_lines' as const,
      }
    : { suggestedPoints: basePointsFor(claimed, programme), suggestionBasis: 'claimed_amount' as const };
  return {
    status: row.credited_source ? 'already_credited' : receipt ? 'found' : 'not_found',
    creditedBy: row.credited_source,
    recordedAmount,
    amountDiffers: recordedAmount !== null && recordedAmount !== claimed,
    ...suggestion,
  };
}

export function toClaim(row: ClaimRow): Claim {
  return {
    id: row.id,
    state: row.state,
    store: { id: row.store_id, name: row.store_name },
    receiptRef: row.receipt_ref,
    purchasedOn: row.purchased_on,
    amount: Number(row.amount),
    currency: row.currency,
    note: row.note,
    createdAt: new Date(row.created_at).toISOString(),
    points: row.points === null ? null : Number(row.points),
    answer: row.decision_reason,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    journalId: row.journal_id,
  };
}

export function toStaffClaim(row: ClaimRow, programme: Programme): StaffClaim {
  return {
    ...toClaim(row),
    member: { id: row.member_id, cardNumber: row.member_card, name: row.member_name },
    match: matchOf(row, programme),
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_by_name ?? '' } : null,
  };
}
