import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ReferralIneligibleReason } from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../../database/rows.js';

export interface ReferrerRow {
  id: string;
  email: string | null;
  phone: string | null;
}

export interface ReferralViewRow {
  id: string;
  status: 'joined' | 'rewarded' | 'capped' | 'not_eligible';
  ineligible_reason: ReferralIneligibleReason | null;
  referrer_points: string;
  created_at: Date;
  friend_name: string;
  friend_email: string | null;
  friend_status: 'active' | 'closed';
  due_at: Date | null;
}

export interface DueReferralRow {
  id: string;
  referrer_id: string;
  friend_id: string;
  receipt_id: string;
  payment_fingerprint: string | null;
  friend_status: 'active' | 'closed';
  referrer_status: 'active' | 'closed';
  /** First names, for the notices each side gets (null when the name is blank). */
  friend_first_name: string | null;
  referrer_first_name: string | null;
}

export type Resolution =
  | { status: 'rewarded' | 'capped'; referrerPoints: number; friendPoints: number }
  | { status: 'not_eligible'; reason: ReferralIneligibleReason };

/**
 * The friend's first purchase that counts: the earliest till earn not fully refunded, and when its
 * points leave the return window (its lot's `available_at`).
 */
const FIRST_PURCHASE = `
  SELECT rc.id AS receipt_id, rc.payment_fingerprint,
         coalesce((SELECT min(l.available_at) FROM points_lot l WHERE l.journal_id = rc.earn_journal_id), rc.created_at) AS due_at
    FROM receipt rc
   WHERE rc.member_id = r.friend_id AND rc.earn_journal_id IS NOT NULL
     AND rc.earned_points > coalesce((SELECT sum(x.points_reversed) FROM receipt_refund x WHERE x.receipt_id = rc.id), 0)
   ORDER BY rc.created_at, rc.id
   LIMIT 1`;

@Injectable()
export class ReferralsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async codeOf(memberId: string): Promise<string | undefined> {
    const rows: { referral_code: string }[] = await this.dataSource.query(
      `SELECT referral_code FROM member WHERE id = $1 AND status = 'active'`,
      [memberId],
    );
    return rows[0]?.referral_code;
  }

  async activeReferrerByCode(code: string, manager?: EntityManager): Promise<ReferrerRow | undefined> {
    const rows: ReferrerRow[] = await (manager ?? this.dataSource).query(
      `SELECT id, email, phone FROM member WHERE referral_code = $1 AND status = 'active'`,
      [code],
    );
    return rows[0];
  }

  async insert(
    manager: EntityManager,
    r: { referrerId: string; friendId: string; ineligibleReason: ReferralIneligibleReason | null },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO referral (referrer_id, friend_id, status, ineligible_reason, resolved_at)
       VALUES ($1, $2, CASE WHEN $3::text IS NULL THEN 'joined' ELSE 'not_eligible' END, $3::text,
               CASE WHEN $3::text IS NULL THEN NULL ELSE now() END)`,
      [r.referrerId, r.friendId, r.ineligibleReason],
    );
  }

  async ofReferrer(referrerId: string, limit: number): Promise<ReferralViewRow[]> {
    return this.dataSource.query(
      `SELECT r.id, r.status, r.ineligible_reason, r.referrer_points::text, r.created_at,
              f.name AS friend_name, f.email AS friend_email, f.status AS friend_status, p.due_at
         FROM referral r
         JOIN member f ON f.id = r.friend_id
         LEFT JOIN LATERAL (${FIRST_PURCHASE}) p ON r.status = 'joined'
        WHERE r.referrer_id = $1
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT $2`,
      [referrerId, limit],
    );
  }

  /**
   * Claims one referral whose friend's first purchase is past its return window. `SKIP LOCKED`: a
   * second worker takes the next one instead of waiting, and the row lock lasts until the caller's
   * transaction resolves it.
   */
  async claimDue(manager: EntityManager, now: Date): Promise<DueReferralRow | undefined> {
    const rows: DueReferralRow[] = await manager.query(
      `SELECT r.id, r.referrer_id, r.friend_id, p.receipt_id, p.payment_fingerprint,
              f.status AS friend_status, rr.status AS referrer_status,
              NULLIF(split_part(btrim(f.name), ' ', 1), '') AS friend_first_name,
              NULLIF(split_part(btrim(rr.name), ' ', 1), '') AS referrer_first_name
         FROM referral r
         JOIN member f ON f.id = r.friend_id
         JOIN member rr ON rr.id = r.referrer_id
         CROSS JOIN LATERAL (${FIRST_PURCHASE}) p
        WHERE r.status = 'joined' AND p.due_at <= $1
        ORDER BY r.created_at, r.id
        LIMIT 1
        FOR UPDATE OF r SKIP LOCKED`,
      [now],
    );
    return rows[0];
  }

  /** Whether the referrer ever paid with this card (the friend's first purchase's fingerprint). */
  async referrerUsedCard(manager: EntityManager, referrerId: string, fingerprint: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM receipt WHERE member_id = $1 AND payment_fingerprint = $2 LIMIT 1`,
      [referrerId, fingerprint],
    );
    return rows.length > 0;
  }

  /**
   * The referrer's rewarded referrals in the calendar month (UTC) of `now`, counted under a lock per
   * referrer so two workers rewarding two of their friends at once cannot both slip under the cap.
   */
  async rewardedThisMonth(manager: EntityManager, referrerId: string, now: Date): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('referral-cap:' || $1, 0))`, [
      referrerId,
    ]);
    const rows: { n: string }[] = await manager.query(
      `SELECT count(*)::text AS n FROM referral
        WHERE referrer_id = $1 AND status = 'rewarded'
          AND resolved_at >= date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
          AND resolved_at < (date_trunc('month', $2::timestamptz AT TIME ZONE 'UTC') + interval '1 month') AT TIME ZONE 'UTC'`,
      [referrerId, now],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Resolves a claimed referral; only a `joined` one, so it is resolved exactly once. */
  async resolve(
    manager: EntityManager,
    id: string,
    receiptId: string,
    now: Date,
    outcome: Resolution & { referrerJournalId?: string | null; friendJournalId?: string | null },
  ): Promise<boolean> {
    const rewarded = outcome.status !== 'not_eligible';
    const rows: unknown[] = rowsOf(
      await manager.query(
        `UPDATE referral SET status = $2, ineligible_reason = $3, receipt_id = $4, referrer_points = $5,
                friend_points = $6, referrer_journal_id = $7, friend_journal_id = $8, resolved_at = $9
          WHERE id = $1 AND status = 'joined' RETURNING id`,
        [
          id,
          outcome.status,
          outcome.status === 'not_eligible'
            ? outcome.reason
            : outcome.status === 'capped'
              ? 'monthly_cap'
              : null,
          receiptId,
          rewarded ? outcome.referrerPoints : 0,
          rewarded ? outcome.friendPoints : 0,
          outcome.referrerJournalId ?? null,
          outcome.friendJournalId ?? null,
          now,
        ],
      ),
    );
    return rows.length === 1;
  }
}
