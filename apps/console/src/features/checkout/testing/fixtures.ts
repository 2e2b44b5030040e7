import {
  DEFAULT_PROGRAMME,
  evaluateEarn,
  type CheckoutEarnResponse,
  type MemberSummary,
  type Programme,
  type Receipt,
} from '@tally/domain';
import { earnMemberOf } from '../lib/sale-draft';

/** Test data for the checkout feature's tests (never imported by the app). */
export const programme: Programme = DEFAULT_PROGRAMME;

export const alice: MemberSummary = {
  id: '5b0e4c8a-0d7a-4c41-9d0e-2f5a4b3c2d1e',
  cardNumber: '400000000002',
  name: 'Alice Example',
  tier: { id: 'silver', name: 'Silver' },
  balance: { available: 350, pending: 95, held: 0, debt: 0 },
};

export const bob: MemberSummary = {
  id: '6c1f5d9b-1e8b-4d52-8e1f-3a6b5c4d3e2f',
  cardNumber: '400000000010',
  name: 'Bob Example',
  tier: null,
  balance: { available: 0, pending: 0, held: 0, debt: 0 },
};

/** What the API would answer for an award: the same engine, the balance moved on by the points. */
export function awarded(member: MemberSummary, receipt: Receipt, now = new Date()): CheckoutEarnResponse {
  const result = evaluateEarn(receipt, earnMemberOf(member), programme, [], {
    now,
    timeZone: 'Europe/London',
  });
  return {
    status: 'awarded',
    journalId: '0d6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b',
    receiptId: '1e7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c',
    points: result.points,
    lines: result.lines,
    balance: { ...member.balance, pending: member.balance.pending + result.points },
    availableAt: new Date(now.getTime() + programme.pendingDays * 86_400_000).toISOString(),
  };
}
