import type { JournalKind } from './ledger.schema.js';

/** Where an adjustment came from (the journal's `metadata.source`), for its statement wording. */
export type JournalSource = 'claim' | (string & {});

/**
 * What a journal's metadata says beyond its kind. A referral credit names the other side by first name,
 * read when the statement is built (so a closed account's name is gone from it too).
 */
export interface JournalDetail {
  referral?: { side: 'referrer' | 'friend'; otherFirstName: string | null };
  /** An idea bonus: which one, and the idea's title as it is when the statement is read. */
  idea?: { bonus: 'accepted' | 'shipped'; number: number; title: string };
  source?: JournalSource | null;
}

/** The plain-words reason of a statement line; the member sees this, so no jargon. */
export function describeJournal(kind: JournalKind, points: number, detail: JournalDetail = {}): string {
  switch (kind) {
    case 'earn':
      if (detail.referral) return describeReferralCredit(detail.referral);
      if (detail.idea) return describeIdeaBonus(detail.idea);
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
      if (detail.idea) return `Idea bonus cancelled: “${detail.idea.title}” (#${detail.idea.number})`;
      return points < 0 ? 'Points taken back (refund)' : 'Points returned';
    case 'expire':
      return 'Points expired';
    case 'adjust':
      if (detail.source === 'claim') return 'Missing points claim approved';
      return points < 0 ? 'Adjustment (deducted)' : 'Adjustment (added)';
  }
}

function describeIdeaBonus({ bonus, number, title }: NonNullable<JournalDetail['idea']>): string {
  return bonus === 'accepted'
    ? `Idea bonus: “${title}” (#${number}) is planned`
    : `Idea bonus: “${title}” (#${number}) shipped`;
}

function describeReferralCredit({ side, otherFirstName }: NonNullable<JournalDetail['referral']>): string {
  if (side === 'referrer') return `Referral: ${otherFirstName ?? 'your friend'} joined`;
  return otherFirstName
    ? `Welcome bonus for joining with ${otherFirstName}’s code`
    : 'Welcome bonus for joining with a friend’s code';
}
