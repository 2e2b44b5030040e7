import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type MarkedRead,
  type Notification,
  type NotificationPage,
  type NotificationQuery,
  NotificationQuerySchema,
  type UnreadCount,
} from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { type Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/exceptions/app.exception.js';
import { decodeIdCursor, encodeIdCursor } from '../../common/pagination/id-cursor.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import {
  POINTS_EXPIRING_KEY,
  pointsExpiringNotice,
  VOUCHER_EXPIRING_KEY,
  voucherExpiringNotice,
} from './notification-texts.js';
import {
  type NotificationInsert,
  type NotificationRow,
  NotificationsRepository,
} from './notifications.repository.js';

const DAY = 86_400_000;

export interface ReminderOutcome {
  /** Reminders written by this run. */
  created: number;
  /** Candidates another worker (or an earlier run) had already reminded. */
  skipped: number;
}

/**
 * In-app notifications for members. `notify` takes part in the caller's transaction, so a notice is
 * written exactly when its cause commits; the (member, dedupe key) unique index makes every notice
 * idempotent, which is what lets the reminder job steps run twice or on two workers at once.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Writes one notice in `manager`'s transaction (one INSERT); false when its dedupe key was already used. */
  notify(manager: EntityManager, notice: NotificationInsert): Promise<boolean> {
    return this.repository.insert(manager, notice);
  }

  /** Writes one notice to each of `memberIds` in one INSERT, in `manager`'s transaction; returns how many were new. */
  notifyMany(
    manager: EntityManager,
    memberIds: string[],
    notice: Omit<NotificationInsert, 'memberId'>,
  ): Promise<number> {
    return this.repository.insertMany(manager, memberIds, notice);
  }

  async list(actor: Actor, query: NotificationQuery): Promise<NotificationPage> {
    const q = parseOrThrow(NotificationQuerySchema, query, ['query']);
    const rows = await this.repository.page(
      actor.id,
      q.cursor ? decodeIdCursor(q.cursor, 'n') : null,
      q.limit + 1,
    );
    return {
      items: rows.slice(0, q.limit).map(toNotification),
      nextCursor: rows.length > q.limit ? encodeIdCursor(rows[q.limit - 1]!.id, 'n') : null,
    };
  }

  async unreadCount(actor: Actor): Promise<UnreadCount> {
    return { unread: await this.repository.unreadCount(actor.id) };
  }

  /** Marks one of the member's notifications read; reading it again is fine, someone else's is 404. */
  async markRead(actor: Actor, id: string): Promise<void> {
    parseOrThrow(z.string().regex(/^\d{1,18}$/, 'must be a notification id'), id, ['id']);
    const marked = await this.repository.markRead(actor.id, id);
    if (marked === 0 && !(await this.repository.exists(actor.id, id)))
      throw new AppException('NOTIFICATION_NOT_FOUND');
  }

  async markAllRead(actor: Actor): Promise<MarkedRead> {
    return { marked: await this.repository.markRead(actor.id, null) };
  }

  /**
   * Job step: one reminder per member and expiry day for available points expiring within `withinDays`.
   * Safe to run twice or concurrently: the dedupe key `points-expiring:<day>` admits one row.
   */
  async remindExpiring(now: Date, { withinDays = 30, limit = 500 } = {}): Promise<ReminderOutcome> {
    const groups = await this.repository.expiringPointsWithoutReminder(
      now,
      new Date(now.getTime() + withinDays * DAY),
      limit,
      POINTS_EXPIRING_KEY,
    );
    return this.writeAll(
      groups.map((g) =>
        pointsExpiringNotice({
          memberId: g.member_id,
          day: g.day,
          expiresAt: new Date(g.expires_at),
          points: Number(g.points),
        }),
      ),
    );
  }

  /** Job step: one reminder per active voucher that runs out within `withinDays`. Safe to run twice. */
  async remindVouchersExpiring(now: Date, { withinDays = 7, limit = 500 } = {}): Promise<ReminderOutcome> {
    const vouchers = await this.repository.expiringVouchersWithoutReminder(
      now,
      new Date(now.getTime() + withinDays * DAY),
      limit,
      VOUCHER_EXPIRING_KEY,
    );
    return this.writeAll(
      vouchers.map((v) =>
        voucherExpiringNotice({
          memberId: v.member_id,
          voucherId: v.id,
          rewardName: v.reward_name,
          expiresAt: new Date(v.expires_at),
        }),
      ),
    );
  }

  private async writeAll(notices: NotificationInsert[]): Promise<ReminderOutcome> {
    let created = 0;
    for (const notice of notices) {
      if (await this.notify(this.dataSource.manager, notice)) created += 1;
    }
    return { created, skipped: notices.length - created };
  }
}

function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    dueAt: row.due_at ? new Date(row.due_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at ? new Date(row.read_at).toISOString() : null,
  };
}
