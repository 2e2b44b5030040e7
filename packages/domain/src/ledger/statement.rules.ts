import type { JournalKind } from './ledger.schema.js';

/** The plain-words reason of a statement line; the member sees this, so no jargon. */
export function describeJournal(kind: JournalKind, points: number): string {
  switch (kind) {
    case 'earn':
      return 'Points earned';
    case 'release':
      return 'Pending points became available';
    case 'redeem':
      return 'Points spent';
    case 'hold':
      return 'Points reserved';
    case 'capture':
      return 'Reserved points spent';
    case 'void':
      return 'Reservation released';
    case 'reverse':
      return points < 0 ? 'Points taken back (refund)' : 'Points returned';
    case 'expire':
      return 'Points expired';
    case 'adjust':
      return points < 0 ? 'Adjustment (deducted)' : 'Adjustment (added)';
  }
}
