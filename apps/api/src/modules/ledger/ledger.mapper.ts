import { type Balance, describeJournal, JournalKind, type StatementLine } from '@tally/domain';
import { AppException } from '../../common/exceptions/app.exception.js';
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
      description: describeJournal(kind, points),
      externalRef: row.external_ref,
      storeId: row.store_id,
      note: row.reason,
      reversesJournalId: row.reverses_journal_id,
      expiresAt: row.expires_at ? new Date(row.expires_at).toISOString() : null,
    },
  };
}

export function encodeCursor(seq: string): string {
  return Buffer.from(`j:${seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^j:(\d{1,18})$/.exec(decoded);
  if (!match) {
    throw new AppException('VALIDATION_FAILED', 'The cursor is not one this API issued.', [
      { field: 'cursor', message: 'invalid cursor' },
    ]);
  }
  return match[1]!;
}
