import { type NotificationInsert } from './notifications.repository.js';

/**
 * What each notice says. Dates are not written into the text: `dueAt` carries them, and the portal
 * formats them in the member's locale.
 */
const points = (n: number) => `${new Intl.NumberFormat('en-GB').format(n)} ${n === 1 ? 'point' : 'points'}`;

export function pointsEarnedNotice(n: {
  memberId: string;
  journalId: string;
  points: number;
  receiptRef: string;
  availableAt: Date | null;
}): NotificationInsert {
  return {
    memberId: n.memberId,
    kind: 'points_earned',
    title: `You earned ${points(n.points)}`,
    body: n.availableAt
      ? `For receipt ${n.receiptRef}. They can be spent once the return window closes.`
      : `For receipt ${n.receiptRef}. They are ready to spend.`,
    link: '/statement',
    dueAt: n.availableAt,
    dedupeKey: `earned:${n.journalId}`,
  };
}

export const POINTS_EXPIRING_KEY = 'points-expiring:';

export function pointsExpiringNotice(n: {
  memberId: string;
  day: string;
  expiresAt: Date;
  points: number;
}): NotificationInsert {
  return {
    memberId: n.memberId,
    kind: 'points_expiring',
    title: `${points(n.points)} expire soon`,
    body: 'Spend them on a reward before they expire. Points you spend are always taken from the soonest to expire.',
    link: '/rewards',
    dueAt: n.expiresAt,
    dedupeKey: `${POINTS_EXPIRING_KEY}${n.day}`,
  };
}

/** The programme's inactivity rule is about to take every available point. */
export function pointsInactiveNotice(n: {
  memberId: string;
  day: string;
  expiresAt: Date;
  points: number;
  months: number;
}): NotificationInsert {
  return {
    memberId: n.memberId,
    kind: 'points_expiring',
    title: `${points(n.points)} expire soon`,
    body: `You have not earned or spent points for a while: after ${n.months} ${n.months === 1 ? 'month' : 'months'} without either, points expire. Any purchase that earns points, or any reward you take, keeps them.`,
    link: '/rewards',
    dueAt: n.expiresAt,
    dedupeKey: `${POINTS_EXPIRING_KEY}${n.day}`,
  };
}

export const VOUCHER_EXPIRING_KEY = 'voucher-expiring:';

export function voucherExpiringNotice(n: {
  memberId: string;
  voucherId: string;
  rewardName: string;
  expiresAt: Date;
}): NotificationInsert {
  return {
    memberId: n.memberId,
    kind: 'voucher_expiring',
    title: `Your ${n.rewardName} voucher runs out soon`,
    body: 'Show it at the till before it expires, or cancel it to get your points back.',
    link: '/vouchers',
    dueAt: n.expiresAt,
    dedupeKey: `${VOUCHER_EXPIRING_KEY}${n.voucherId}`,
  };
}

export function claimAnsweredNotice(n: {
  memberId: string;
  claimId: string;
  receiptRef: string;
  approved: boolean;
  points: number;
  reason: string;
}): NotificationInsert {
  return {
    memberId: n.memberId,
    kind: 'claim_answered',
    title: n.approved
      ? `Your missing points claim was approved: ${points(n.points)}`
      : 'Your missing points claim was not approved',
    body: `Receipt ${n.receiptRef}. ${n.reason}`,
    link: '/claims',
    dueAt: null,
    dedupeKey: `claim:${n.claimId}`,
  };
}

/** An idea the member follows changed state; the body is the staff's public response. */
export function ideaStatusChangedNotice(n: {
  changeId: string;
  ideaId: string;
  number: number;
  title: string;
  stateLabel: string;
  response: string;
}): Omit<NotificationInsert, 'memberId'> {
  return {
    kind: 'idea_status_changed',
    title: `Idea #${n.number} is now ${n.stateLabel}: ${clip(n.title, 80)}`,
    body: clip(n.response, 500),
    link: `/ideas/${n.ideaId}`,
    dueAt: null,
    dedupeKey: `idea-status:${n.changeId}`,
  };
}

/** An idea the member voted for or followed was merged into another, which now carries their vote and follow. */
export function ideaMergedNotice(n: {
  sourceId: string;
  sourceNumber: number;
  targetId: string;
  targetNumber: number;
  targetTitle: string;
}): Omit<NotificationInsert, 'memberId'> {
  return {
    kind: 'idea_merged',
    title: `Idea #${n.sourceNumber} was merged into #${n.targetNumber}`,
    body: `Your vote and follow now count for “${clip(n.targetTitle, 80)}”. If you supported both, you are counted once.`,
    link: `/ideas/${n.targetId}`,
    dueAt: null,
    dedupeKey: `idea-merged:${n.sourceId}`,
  };
}

export const REFERRAL_KEY = 'referral:';

/** The referrer's friend made a first purchase that stood: the referral paid out. */
export function referralRewardedNotice(n: {
  memberId: string;
  referralId: string;
  friendName: string;
  points: number;
}): NotificationInsert {
  return {
    memberId: n.memberId,
    kind: 'referral_rewarded',
    title: `${n.friendName} made their first purchase: +${points(n.points)}`,
    body: 'Thank you for referring a friend. The points are ready to spend.',
    link: '/referrals',
    dueAt: null,
    dedupeKey: `${REFERRAL_KEY}${n.referralId}:referrer`,
  };
}

/** The friend's first purchase stood, but the referrer already had this month's rewarded referrals. */
export function referralCappedNotice(n: {
  memberId: string;
  referralId: string;
  friendName: string;
  cap: number;
}): NotificationInsert {
  return {
    memberId: n.memberId,
    kind: 'referral_rewarded',
    title: `${n.friendName} made their first purchase`,
    body: `You have reached this month’s limit of ${n.cap} rewarded ${n.cap === 1 ? 'referral' : 'referrals'}, so this one earns you no points. Your friend still gets their welcome bonus.`,
    link: '/referrals',
    dueAt: null,
    dedupeKey: `${REFERRAL_KEY}${n.referralId}:referrer`,
  };
}

/** The friend's welcome bonus, once their first purchase is past the return window. */
export function referralWelcomeNotice(n: {
  memberId: string;
  referralId: string;
  referrerName: string | null;
  points: number;
}): NotificationInsert {
  return {
    memberId: n.memberId,
    kind: 'referral_rewarded',
    title: `Welcome bonus: +${points(n.points)}`,
    body: `For joining with ${n.referrerName ? `${n.referrerName}’s` : 'a friend’s'} code and making your first purchase. The points are ready to spend.`,
    link: '/statement',
    dueAt: null,
    dedupeKey: `${REFERRAL_KEY}${n.referralId}:friend`,
  };
}

/** A journal that took points from a member who did not ask for it in the portal. */
export interface DebitJournal {
  memberId: string;
  journalId: string;
  kind: 'redeem' | 'capture' | 'reverse' | 'expire' | 'adjust';
  /** The points taken (positive), debt included. */
  points: number;
  reason: string | null;
  externalRef: string | null;
  metadata: Record<string, unknown> | null;
  /** For a reversal of points already spent: owed as debt, or let go. */
  toDebt: number;
  forgiven: number;
  /** The store it happened in, for a till's debit. */
  storeName: string | null;
}

/** What the member is told of a debit, in plain words with its reason. */
export function debitNotice(d: DebitJournal): NotificationInsert {
  const told = { memberId: d.memberId, link: '/statement', dueAt: null, dedupeKey: `debit:${d.journalId}` };
  const where = d.storeName ? `at the till in ${d.storeName}` : 'at the till';
  const notYou = 'If this was not you, please tell us.';
  switch (d.kind) {
    case 'redeem':
    case 'capture':
      return {
        ...told,
        kind: 'points_redeemed',
        title: `You spent ${points(d.points)} ${where}`,
        body:
          typeof d.metadata?.rewardId === 'string'
            ? `For a voucher: ${d.reason ?? 'a reward'}. ${notYou}`
            : d.externalRef
              ? `Towards receipt ${d.externalRef}. ${notYou}`
              : `${d.reason ? `${sentence(d.reason, true)} ` : ''}${notYou}`,
      };
    case 'reverse': {
      if (d.metadata?.ideaBonus) {
        return {
          ...told,
          kind: 'points_reversed',
          title: `Idea bonus cancelled: ${points(d.points)}`,
          body: `${sentence(d.reason ?? 'The idea did not go ahead', false)}, so its bonus was taken back before it could be spent.`,
        };
      }
      const spent =
        d.toDebt > 0
          ? ` You had already spent ${d.toDebt} of them, so you owe ${points(d.toDebt)}: they come out of the next points you earn.`
          : d.forgiven > 0
            ? ` You had already spent ${d.forgiven} of them: we have let those go.`
            : '';
      return {
        ...told,
        kind: 'points_reversed',
        title: `${points(d.points)} taken back for a refund`,
        body: `${d.externalRef ? `Receipt ${d.externalRef}` : 'A purchase'} was refunded, so the points it earned were taken back.${spent}`,
      };
    }
    case 'expire':
      return {
        ...told,
        kind: 'points_expired',
        title: `${points(d.points)} expired`,
        body: d.reason
          ? `${sentence(d.reason, false)}, so your points expired under the programme’s rules.`
          : 'They reached their expiry date before they were spent. Points you spend are always taken from the soonest to expire.',
      };
    case 'adjust':
      return {
        ...told,
        kind: 'points_adjusted',
        title: `${points(d.points)} deducted by our staff`,
        body: `Reason given: ${sentence(d.reason ?? 'none', true)}`,
      };
  }
}

/** A reason as written by staff or code, as the start of a sentence (and, when `end`, a whole one). */
function sentence(text: string, end: boolean): string {
  const trimmed = text.trim().replace(/[.!?]+$/, '');
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return end ? `${capital}.` : capital;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
