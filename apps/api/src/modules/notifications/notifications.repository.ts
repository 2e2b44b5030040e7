import { Injectable } from '@nestjs/common';
import { type NotificationKind } from '@tally/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../../database/rows.js';

export interface NotificationInsert {
  memberId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link?: string | null;
  dueAt?: Date | null;
  dedupeKey: string;
}

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  due_at: Date | null;
  created_at: Date;
  read_at: Date | null;
}

export interface ExpiringPointsRow {
  member_id: string;
  day: string;
  expires_at: Date;
  points: string;
}

export interface ExpiringVoucherRow {
  id: string;
  member_id: string;
  reward_name: string;
  expires_at: Date;
}

const COLUMNS = `notification.id::text, kind, title, body, link, due_at, created_at, read_at`;

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One INSERT; a second notice with the same (member, dedupe key) is ignored. True when it was new. */
  async insert(manager: EntityManager, n: NotificationInsert): Promise<boolean> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO notification (member_id, kind, title, body, link, due_at, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (member_id, dedupe_key) DO NOTHING RETURNING id::text`,
      [n.memberId, n.kind, n.title, n.body, n.link ?? null, n.dueAt ?? null, n.dedupeKey],
    );
    return rows.length === 1;
  }

  /** The same notice to many members in one INSERT; each (member, dedupe key) at most once. */
  async insertMany(
    manager: EntityManager,
    memberIds: string[],
    n: Omit<NotificationInsert, 'memberId'>,
  ): Promise<number> {
    if (memberIds.length === 0) return 0;
    const rows: unknown[] = await manager.query(
      `INSERT INTO notification (member_id, kind, title, body, link, due_at, dedupe_key)
       SELECT DISTINCT m, $2, $3, $4, $5, $6::timestamptz, $7 FROM unnest($1::uuid[]) AS m
       ON CONFLICT (member_id, dedupe_key) DO NOTHING RETURNING 1`,
      [memberIds, n.kind, n.title, n.body, n.link ?? null, n.dueAt ?? null, n.dedupeKey],
    );
    return rows.length;
  }

  async page(memberId: string, beforeId: string | null, limit: number): Promise<NotificationRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM notification
        WHERE member_id = $1 AND ($2::bigint IS NULL OR notification.id < $2::bigint)
        ORDER BY notification.id DESC LIMIT $3`,
      [memberId, beforeId, limit],
    );
  }

  async unreadCount(memberId: string): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notification WHERE member_id = $1 AND read_at IS NULL`,
      [memberId],
    );
    return rows[0]?.n ?? 0;
  }

  /** Whether the member has this notification (read or not). */
  async exists(memberId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM notification WHERE member_id = $1 AND id = $2::bigint`,
      [memberId, id],
    );
    return rows.length > 0;
  }

  /** Marks the member's unread notifications read (one, or all when `id` is null); returns how many. */
  async markRead(memberId: string, id: string | null): Promise<number> {
    const rows = rowsOf<{ id: string }>(
      await this.dataSource.query(
        `UPDATE notification SET read_at = now()
          WHERE member_id = $1 AND read_at IS NULL AND ($2::bigint IS NULL OR id = $2::bigint)
          RETURNING id::text`,
        [memberId, id],
      ),
    );
    return rows.length;
  }

  /**
   * Groups of available points expiring by `until`, one per member and (UTC) expiry day, that have no
   * reminder yet. The NOT EXISTS lets a job page through the work; the unique dedupe key is what keeps
   * two workers that pick the same group to one reminder.
   */
  async expiringPointsWithoutReminder(
    asOf: Date,
    until: Date,
    limit: number,
    keyPrefix: string,
  ): Promise<ExpiringPointsRow[]> {
    return this.dataSource.query(
      `SELECT l.member_id, to_char(l.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
              min(l.expires_at) AS expires_at, sum(l.remaining)::text AS points
         FROM points_lot l
        WHERE l.state = 'available' AND l.remaining > 0 AND l.expires_at > $1 AND l.expires_at <= $2
          AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.member_id = l.member_id
                            AND n.dedupe_key = $4 || to_char(l.expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'))
        GROUP BY l.member_id, 2
        ORDER BY min(l.expires_at), l.member_id
        LIMIT $3`,
      [asOf, until, limit, keyPrefix],
    );
  }

  /**
   * Members whose points all expire for inactivity (`months` after their last earn or spend) within
   * (`asOf`, `until`], with the points that would otherwise still be alive then, and no reminder yet.
   */
  async inactivePointsWithoutReminder(
    asOf: Date,
    until: Date,
    months: number,
    limit: number,
    keyPrefix: string,
  ): Promise<ExpiringPointsRow[]> {
    return this.dataSource.query(
      `SELECT a.member_id, to_char(d.at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, d.at AS expires_at,
              (SELECT coalesce(sum(l.remaining), 0) FROM points_lot l
                WHERE l.member_id = a.member_id AND l.state = 'available' AND l.remaining > 0
                  AND (l.expires_at IS NULL OR l.expires_at > d.at))::text AS points
         FROM ledger_account a
         CROSS JOIN LATERAL (SELECT ledger_inactive_since(ledger_last_activity(a.member_id), $3) AS at) d
        WHERE a.kind = 'available' AND a.balance > 0 AND d.at > $1 AND d.at <= $2
          AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.member_id = a.member_id
                            AND n.dedupe_key = $5 || to_char(d.at AT TIME ZONE 'UTC', 'YYYY-MM-DD'))
        ORDER BY d.at, a.member_id
        LIMIT $4`,
      [asOf, until, months, limit, keyPrefix],
    );
  }

  /** Active vouchers running out by `until` that have no reminder yet. */
  async expiringVouchersWithoutReminder(
    asOf: Date,
    until: Date,
    limit: number,
    keyPrefix: string,
  ): Promise<ExpiringVoucherRow[]> {
    return this.dataSource.query(
      `SELECT v.id, v.member_id, r.name AS reward_name, v.expires_at
         FROM voucher v JOIN reward r ON r.id = v.reward_id
        WHERE v.status = 'active' AND v.expires_at > $1 AND v.expires_at <= $2
          AND NOT EXISTS (SELECT 1 FROM notification n WHERE n.member_id = v.member_id
                            AND n.dedupe_key = $4 || v.id::text)
        ORDER BY v.expires_at, v.id
        LIMIT $3`,
      [asOf, until, limit, keyPrefix],
    );
  }
}
