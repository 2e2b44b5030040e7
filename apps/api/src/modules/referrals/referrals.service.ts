import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type MyReferrals,
  type Programme,
  type ReferralCodeCheck,
  ReferralCodeSchema,
  type ReferralIneligibleReason,
  mailboxOf,
  referralLink,
  samePhone,
  lotExpiry,
} from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor } from '../../common/auth/actor.js';
import { AppException, ValidationException } from '../../common/exceptions/app.exception.js';
import { type BatchOutcome, LedgerService } from '../ledger/ledger.service.js';
import {
  referralCappedNotice,
  referralRewardedNotice,
  referralWelcomeNotice,
} from '../notifications/notification-texts.js';
import { type NotificationInsert } from '../notifications/notifications.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ProgrammeService } from '../programme/programme.service.js';
import { toReferralFriend } from './referrals.mapper.js';
import { type DueReferralRow, ReferralsRepository, type Resolution } from './referrals.repository.js';

const LIST_LIMIT = 200;
const SYSTEM_ACTOR = { type: 'system', id: 'referrals' } as const;

/** The friend who is joining, as the sign-up knows them. */
export interface JoiningFriend {
  id: string;
  email: string;
  phone: string | null;
}

/**
 * Refer a friend. A friend joins with a member's code (recorded once per friend); once the friend's
 * first purchase is past the return window and not fully refunded, `rewardDue` credits both sides
 * exactly once. Self-referral (same mailbox, phone or payment card) and the monthly cap make a
 * referral not eligible instead of refusing the sign-up; the referrer sees why.
 */
@Injectable()
export class ReferralsService {
  constructor(
    private readonly repository: ReferralsRepository,
    private readonly ledger: LedgerService,
    private readonly programmes: ProgrammeService,
    private readonly notifications: NotificationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The public check behind the sign-up page: valid or not, nothing about whose code it is. */
  async check(code: string): Promise<ReferralCodeCheck> {
    const parsed = ReferralCodeSchema.safeParse(code);
    if (!parsed.success) return { valid: false };
    const programme = await this.programmes.get();
    if (!programme.referrals.enabled) return { valid: false };
    return { valid: (await this.repository.activeReferrerByCode(parsed.data)) !== undefined };
  }

  /**
   * Records the referral inside the sign-up's transaction. An unknown code refuses the sign-up (400 on
   * `referralCode`, nothing written); a self-referral is recorded as not eligible. With referrals
   * switched off the code is ignored.
   */
  async recordSignUp(manager: EntityManager, friend: JoiningFriend, code: string): Promise<void> {
    const programme = await this.programmes.get(manager);
    if (!programme.referrals.enabled) return;
    const referrer = await this.repository.activeReferrerByCode(code, manager);
    if (!referrer) {
      throw new ValidationException(
        [{ field: 'referralCode', message: 'is not a valid referral code' }],
        'Check the referral code, or join without one.',
      );
    }
    let reason: ReferralIneligibleReason | null = null;
    if (referrer.email && mailboxOf(referrer.email) === mailboxOf(friend.email)) reason = 'same_email';
    else if (samePhone(referrer.phone, friend.phone)) reason = 'same_phone';
    await this.repository.insert(manager, {
      referrerId: referrer.id,
      friendId: friend.id,
      ineligibleReason: reason,
    });
  }

  async mine(actor: Actor): Promise<MyReferrals> {
    const code = actor.kind === 'member' ? await this.repository.codeOf(actor.id) : undefined;
    if (!code) throw new AppException('UNAUTHENTICATED', 'This account is closed.');
    const { referrals } = await this.programmes.get();
    const rows = await this.repository.ofReferrer(actor.id, LIST_LIMIT);
    const friends = rows.map((row) => toReferralFriend(row, referrals));
    return {
      enabled: referrals.enabled,
      code,
      link: referralLink(code),
      referrerPoints: referrals.referrerPoints,
      friendPoints: referrals.friendPoints,
      monthlyCap: referrals.monthlyCapPerReferrer,
      friends,
      totals: {
        joined: friends.length,
        pointsPending: friends.reduce((sum, f) => sum + f.pointsPending, 0),
        pointsEarned: friends.reduce((sum, f) => sum + f.pointsEarned, 0),
      },
    };
  }

  /**
   * Job step: rewards every referral whose friend's first purchase is past its return window by `now`.
   * Each referral is claimed (`FOR UPDATE SKIP LOCKED`) and resolved in its own transaction, the
   * credits keyed by the referral id, so parallel or repeated runs credit each side once.
   * `done`: referrals that credited at least one side; `skipped`: resolved as not eligible.
   */
  async rewardDue(now: Date, limit = 500): Promise<BatchOutcome> {
    let done = 0;
    let skipped = 0;
    for (let i = 0; i < limit; i += 1) {
      const outcome = await this.dataSource.transaction(async (manager) => {
        const due = await this.repository.claimDue(manager, now);
        if (!due) return 'none' as const;
        return this.reward(manager, due, await this.programmes.get(manager), now);
      });
      if (outcome === 'none') break;
      if (outcome === 'credited') done += 1;
      else skipped += 1;
    }
    return { done, skipped };
  }

  private async reward(
    manager: EntityManager,
    due: DueReferralRow,
    programme: Programme,
    now: Date,
  ): Promise<'credited' | 'not_eligible'> {
    const ineligible = await this.ineligibility(manager, due);
    if (ineligible) {
      await this.repository.resolve(manager, due.id, due.receipt_id, now, {
        status: 'not_eligible',
        reason: ineligible,
      });
      return 'not_eligible';
    }
    const settings = programme.referrals;
    // Over the cap the referrer gets nothing; the friend still gets the welcome bonus they were
    // promised (the cap stops one member farming referrals, and the friend did nothing wrong).
    const capped =
      (await this.repository.rewardedThisMonth(manager, due.referrer_id, now)) >=
      settings.monthlyCapPerReferrer;
    const referrerPoints = capped || due.referrer_status !== 'active' ? 0 : settings.referrerPoints;
    const friendPoints = settings.friendPoints;
    const expiresAt = lotExpiry(programme, now);
    const credit = async (memberId: string, side: 'referrer' | 'friend', points: number) => {
      if (points <= 0) return null;
      const result = await this.ledger.earn(
        {
          idempotencyKey: `referral:${due.id}:${side}`,
          idempotencyScope: 'referrals',
          actor: SYSTEM_ACTOR,
          memberId,
          points,
          expiresAt,
          reason:
            'Refer a friend: both sides earn once the friend’s first purchase is past the return window',
          metadata: { referralId: due.id, referralSide: side },
        },
        manager,
      );
      return result.journalId;
    };
    const referrerJournalId = await credit(due.referrer_id, 'referrer', referrerPoints);
    const friendJournalId = await credit(due.friend_id, 'friend', friendPoints);
    const resolution: Resolution = { status: capped ? 'capped' : 'rewarded', referrerPoints, friendPoints };
    await this.repository.resolve(manager, due.id, due.receipt_id, now, {
      ...resolution,
      referrerJournalId,
      friendJournalId,
    });
    await this.notifyRewarded(manager, due, {
      capped,
      referrerPoints,
      friendPoints,
      cap: settings.monthlyCapPerReferrer,
    });
    return referrerJournalId || friendJournalId ? 'credited' : 'not_eligible';
  }

  /**
   * Tells both sides in the reward's transaction, keyed by the referral so a repeated run adds nothing.
   * A capped referrer is told the cap was reached (openness: they see why no points came); a closed
   * referrer account is told nothing.
   */
  private async notifyRewarded(
    manager: EntityManager,
    due: DueReferralRow,
    outcome: { capped: boolean; referrerPoints: number; friendPoints: number; cap: number },
  ): Promise<void> {
    const friendName = due.friend_first_name ?? 'Your friend';
    const referral = { referralId: due.id, memberId: due.referrer_id, friendName };
    const notices: NotificationInsert[] = [];
    if (outcome.referrerPoints > 0)
      notices.push(referralRewardedNotice({ ...referral, points: outcome.referrerPoints }));
    else if (outcome.capped && due.referrer_status === 'active')
      notices.push(referralCappedNotice({ ...referral, cap: outcome.cap }));
    if (outcome.friendPoints > 0)
      notices.push(
        referralWelcomeNotice({
          memberId: due.friend_id,
          referralId: due.id,
          referrerName: due.referrer_first_name,
          points: outcome.friendPoints,
        }),
      );
    for (const notice of notices) await this.notifications.notify(manager, notice);
  }

  private async ineligibility(
    manager: EntityManager,
    due: DueReferralRow,
  ): Promise<ReferralIneligibleReason | null> {
    if (due.friend_status !== 'active') return 'account_closed';
    if (
      due.payment_fingerprint &&
      (await this.repository.referrerUsedCard(manager, due.referrer_id, due.payment_fingerprint))
    ) {
      return 'same_card';
    }
    return null;
  }
}
