import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { toLedgerException } from './ledger.errors.js';

export type LedgerFunction =
  | 'ledger_earn'
  | 'ledger_redeem'
  | 'ledger_adjust'
  | 'ledger_hold'
  | 'ledger_resolve_hold'
  | 'ledger_reverse'
  | 'ledger_release'
  | 'ledger_expire'
  | 'ledger_expire_inactive';

export interface StatementRow {
  id: string;
  seq: string;
  kind: string;
  created_at: Date;
  external_ref: string | null;
  store_id: string | null;
  reason: string | null;
  reverses_journal_id: string | null;
  available: string;
  pending: string;
  debt: string;
  available_after: string | null;
  expires_at: Date | null;
  receipt_id: string | null;
  campaigns: string[] | null;
  /** For a referral credit: which side this member was, and the other side's first name (if still a member). */
  referral_side: 'referrer' | 'friend' | null;
  referral_other_name: string | null;
  source: string | null;
  /** For an idea bonus (or its cancellation): which bonus, and the idea's number and title. */
  idea_bonus: 'accepted' | 'shipped' | null;
  idea_number: string | null;
  idea_title: string | null;
}

export interface BalanceRow {
  available: string;
  pending: string;
  held: string;
  debt: string;
}

/** Every query of the ledger. Writes are single calls of the ledger SQL functions: one round trip each. */
@Injectable()
export class LedgerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Calls a journal function; inside `manager`'s transaction when one is given. */
  async call(
    fn: LedgerFunction,
    payload: Record<string, unknown>,
    manager?: EntityManager,
  ): Promise<Record<string, unknown>> {
    const runner = manager ?? this.dataSource.manager;
    try {
      const rows: { r: Record<string, unknown> }[] = await runner.query(`SELECT ${fn}($1::jsonb) AS r`, [
        JSON.stringify(payload),
      ]);
      return rows[0]!.r;
    } catch (error) {
      throw toLedgerException(error);
    }
  }

  /** The member a journal belongs to and the name of the store it was written in (if any). */
  async journalMemberAndStore(
    manager: EntityManager,
    journalId: string,
  ): Promise<{ memberId: string; storeName: string | null } | undefined> {
    const rows: { member_id: string | null; store_name: string | null }[] = await manager.query(
      `SELECT j.member_id::text, s.name AS store_name FROM ledger_journal j LEFT JOIN store s ON s.id = j.store_id
        WHERE j.id = $1`,
      [journalId],
    );
    const row = rows[0];
    return row?.member_id ? { memberId: row.member_id, storeName: row.store_name } : undefined;
  }

  async balance(memberId: string, manager?: EntityManager): Promise<BalanceRow> {
    const runner = manager ?? this.dataSource.manager;
    const rows: { b: BalanceRow }[] = await runner.query('SELECT ledger_balance($1) AS b', [memberId]);
    return rows[0]!.b;
  }

  async statement(
    memberId: string,
    beforeSeq: string | null,
    limit: number,
    filter: { kinds?: string[]; from?: string; to?: string } = {},
  ): Promise<StatementRow[]> {
    return this.dataSource.query(
      `SELECT j.id, j.seq::text AS seq, j.kind, j.created_at, j.external_ref, j.store_id, j.reason, j.reverses_journal_id,
              coalesce(sum(p.amount) FILTER (WHERE a.kind = 'available'), 0)::text AS available,
              coalesce(sum(p.amount) FILTER (WHERE a.kind = 'pending'), 0)::text AS pending,
              coalesce(sum(p.amount) FILTER (WHERE a.kind = 'debt'), 0)::text AS debt,
              max(p.balance_after) FILTER (WHERE a.kind = 'available')::text AS available_after,
              (SELECT min(l.expires_at) FROM points_lot l WHERE l.journal_id = j.id) AS expires_at,
              j.metadata->>'receiptId' AS receipt_id,
              (SELECT array_agg(l->>'description') FROM jsonb_array_elements(
                 CASE WHEN jsonb_typeof(j.metadata->'lines') = 'array' THEN j.metadata->'lines' ELSE '[]'::jsonb END) l
                WHERE l->>'source' = 'campaign') AS campaigns,
              j.metadata->>'referralSide' AS referral_side,
              CASE WHEN j.metadata->>'referralId' IS NOT NULL THEN (
                SELECT split_part(o.name, ' ', 1) FROM referral rf
                  JOIN member o ON o.status = 'active'
                   AND o.id = CASE WHEN j.metadata->>'referralSide' = 'referrer' THEN rf.friend_id ELSE rf.referrer_id END
                 WHERE rf.id = (j.metadata->>'referralId')::uuid) END AS referral_other_name,
              j.metadata->>'source' AS source,
              j.metadata->>'ideaBonus' AS idea_bonus, idea.number::text AS idea_number, idea.title AS idea_title
         FROM ledger_journal j
         LEFT JOIN idea ON idea.id = (j.metadata->>'ideaId')::uuid
         LEFT JOIN ledger_posting p ON p.journal_id = j.id AND p.member_id = j.member_id
         LEFT JOIN ledger_account a ON a.id = p.account_id
        WHERE j.member_id = $1 AND ($2::bigint IS NULL OR j.seq < $2::bigint)
          AND ($4::text[] IS NULL OR j.kind = ANY($4::text[]))
          AND ($5::timestamptz IS NULL OR j.created_at >= $5) AND ($6::timestamptz IS NULL OR j.created_at < $6)
        GROUP BY j.id, idea.id
        ORDER BY j.seq DESC
        LIMIT $3`,
      [memberId, beforeSeq, limit, filter.kinds ?? null, filter.from ?? null, filter.to ?? null],
    );
  }

  async dueLots(asOf: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id::text FROM points_lot WHERE state = 'pending' AND remaining > 0 AND available_at <= $1
        ORDER BY available_at, points_lot.id LIMIT $2`,
      [asOf, limit],
    );
    return rows.map((r) => r.id);
  }

  async expiredHolds(asOf: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM ledger_hold WHERE status = 'held' AND expires_at <= $1 ORDER BY expires_at, id LIMIT $2`,
      [asOf, limit],
    );
    return rows.map((r) => r.id);
  }

  async membersWithExpiredLots(asOf: Date, limit: number): Promise<string[]> {
    const rows: { member_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT member_id FROM points_lot
        WHERE state = 'available' AND remaining > 0 AND expires_at <= $1 LIMIT $2`,
      [asOf, limit],
    );
    return rows.map((r) => r.member_id);
  }

  /**
   * Members with available points and no earn or spend for `months` by `asOf` (see the migration
   * `1764045000000-inactivity-expiry`), with when they were last active; those already expired for this
   * stretch of inactivity (the same last activity) are left out, so points still held for a till do not
   * bring them back.
   */
  async inactiveMembers(
    asOf: Date,
    months: number,
    limit: number,
  ): Promise<{ member_id: string; last_activity_at: Date }[]> {
    return this.dataSource.query(
      `SELECT a.member_id, last.at AS last_activity_at
         FROM ledger_account a
         CROSS JOIN LATERAL (SELECT ledger_last_activity(a.member_id) AS at) last
        WHERE a.kind = 'available' AND a.balance > 0
          AND ledger_inactive_since(last.at, $2) <= $1
          AND NOT EXISTS (SELECT 1 FROM ledger_journal e
                           WHERE e.member_id = a.member_id AND e.kind = 'expire'
                             AND (e.result->>'lastActivityAt')::timestamptz = last.at)
        LIMIT $3`,
      [asOf, months, limit],
    );
  }

  /** When the member last earned or spent points (see `ledger_last_activity`); null if never. */
  async lastActivity(memberId: string): Promise<Date | null> {
    const rows: { at: Date | null }[] = await this.dataSource.query(`SELECT ledger_last_activity($1) AS at`, [
      memberId,
    ]);
    return rows[0]?.at ?? null;
  }

  /** A member's pending points grouped by the (UTC) day they become available, soonest first. */
  async pendingByDay(memberId: string): Promise<{ day: string; available_at: Date; points: string }[]> {
    return this.dataSource.query(
      `SELECT to_char(available_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, max(available_at) AS available_at,
              sum(remaining)::text AS points
         FROM points_lot WHERE member_id = $1 AND state = 'pending' AND remaining > 0
        GROUP BY 1 ORDER BY 1`,
      [memberId],
    );
  }

  /** A member's available points expiring within 30, 60 and 90 days of `asOf` (cumulative), and the earliest expiry. */
  async expiringWithin(
    memberId: string,
    asOf: Date,
    inactiveAt: Date | null,
  ): Promise<{ d30: string; d60: string; d90: string; next_at: Date | null; next_points: string | null }> {
    const rows: {
      d30: string;
      d60: string;
      d90: string;
      next_at: Date | null;
      next_points: string | null;
    }[] = await this.dataSource.query(
      `WITH live AS (
           SELECT least(expires_at, $3::timestamptz) AS expires_at, remaining FROM points_lot
            WHERE member_id = $1 AND state = 'available' AND remaining > 0
              AND least(expires_at, $3::timestamptz) > $2)
         SELECT coalesce(sum(remaining) FILTER (WHERE expires_at <= $2::timestamptz + interval '30 days'), 0)::text AS d30,
                coalesce(sum(remaining) FILTER (WHERE expires_at <= $2::timestamptz + interval '60 days'), 0)::text AS d60,
                coalesce(sum(remaining) FILTER (WHERE expires_at <= $2::timestamptz + interval '90 days'), 0)::text AS d90,
                min(expires_at) AS next_at,
                (SELECT sum(remaining)::text FROM live WHERE expires_at = (SELECT min(expires_at) FROM live)) AS next_points
           FROM live`,
      [memberId, asOf, inactiveAt],
    );
    return rows[0]!;
  }
}
