import { type Balance, describeJournal, JournalKind, type StatementLine } from '@tally/domain';
import { decodeIdCursor, encodeIdCursor } from '../../common/pagination/id-cursor.js';
import { type BalanceRow, type StatementRow } from './ledger.repository.js';

export function toBalance(row: BalanceRow): Balance {
  return {
    available: Number(row.available),
    pending: Number(row.pending),
    held: Number(row.held),
    debt: Number(row.debt),
  };
}

export function toStatementLine(row: StatementRow): StatementLine {
  const kind = JournalKind.parse(row.kind);
  const available = Number(row.available);
  const pending = Number(row.pending);
  const debtPosting = Number(row.debt);
  // The member's net change: what they hold (available + pending) less what they owe.
  const points = available + pending + debtPosting;
  return {
    journalId: row.id,
    kind,
    occurredAt: new Date(row.created_at).toISOString(),
    points,
    available,
    pending,
    debt: -debtPosting,
    availableAfter: row.available_after === null ? null : Number(row.available_after),
    reason: {
      description: describeJournal(kind, points, {
        source: row.source,
        ...(row.referral_side
          ? { referral: { side: row.referral_side, otherFirstName: row.referral_other_name } }
          : {}),
        ...(row.idea_bonus && row.idea_number !== null
          ? { idea: { bonus: row.idea_bonus, number: Number(row.idea_number), title: row.idea_title ?? '' } }
          : {}),
      }),
      externalRef: row.external_ref,
      storeId: row.store_id,
      note: row.reason,
      reversesJournalId: row.reverses_journal_id,
      expiresAt: row.expires_at ? new Date(row.expires_at).toISOString() : null,
      receiptId: row.receipt_id,
      campaigns: row.campaigns ?? [],
    },
  };
}

/** Statement cursors: the journal's sequence number, opaque to clients. */
export const encodeCursor = (seq: string): string => encodeIdCursor(seq, 'j');
export const decodeCursor = (cursor: string): string => decodeIdCursor(cursor, 'j');
