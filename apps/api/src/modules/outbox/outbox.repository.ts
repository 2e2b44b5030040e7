import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../../database/rows.js';
import { type OutgoingEmail } from './templates.js';

export interface OutboxRow {
  id: string;
  channel: 'email';
  template: string;
  recipient: string;
  subject: string;
  body: string;
  status: 'pending' | 'sent' | 'failed' | 'held';
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

const COLUMNS =
  'id::text, channel, template, recipient, subject, body, status, attempts, last_error, created_at, sent_at';

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, email: OutgoingEmail, status: 'pending' | 'held'): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO outbox_message (template, recipient, subject, body, status) VALUES ($1, $2, $3, $4, $5) RETURNING id::text`,
      [email.template, email.to, email.subject, email.body, status],
    );
    return rows[0]!.id;
  }

  /** One message to every active member with an email address, in one statement; returns how many. */
  async insertForAllMembers(
    manager: EntityManager,
    email: Omit<OutgoingEmail, 'to'>,
    status: 'pending' | 'held',
  ): Promise<number> {
    const rows: { n: string }[] = await manager.query(
      `WITH sent AS (
         INSERT INTO outbox_message (template, recipient, subject, body, status)
         SELECT $1, email, $2, replace($3, '{name}', name), $4 FROM member WHERE status = 'active' AND email IS NOT NULL
         RETURNING 1)
       SELECT count(*)::text AS n FROM sent`,
      [email.template, email.subject, email.body, status],
    );
    return Number(rows[0]!.n);
  }

  /**
   * Claims due emails for this worker (webhook deliveries have their own worker, `modules/webhooks`): SKIP LOCKED lets several API processes share the work, and
   * pushing next_attempt_at forward is a lease, so a worker that dies does not strand its messages.
   */
  async claimDue(limit: number, leaseSeconds: number): Promise<OutboxRow[]> {
    return rowsOf<OutboxRow>(
      await this.dataSource.query(
        `UPDATE outbox_message SET attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
        WHERE id IN (SELECT id FROM outbox_message WHERE channel = 'email' AND status = 'pending' AND next_attempt_at <= now()
                      ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
        [limit, leaseSeconds],
      ),
    );
  }

  async markSent(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_message SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`,
      [id],
    );
  }

  async markFailed(id: string, error: string, retryInSeconds: number | null): Promise<void> {
    await this.dataSource.query(
      retryInSeconds === null
        ? `UPDATE outbox_message SET status = 'failed', last_error = $2 WHERE id = $1`
        : `UPDATE outbox_message SET last_error = $2, next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1`,
      retryInSeconds === null ? [id, error.slice(0, 1000)] : [id, error.slice(0, 1000), retryInSeconds],
    );
  }

  async page(status: string | undefined, beforeId: string | null, limit: number): Promise<OutboxRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM outbox_message
        WHERE channel = 'email' AND ($1::text IS NULL OR status = $1) AND ($2::bigint IS NULL OR id < $2::bigint)
        ORDER BY outbox_message.id DESC LIMIT $3`,
      [status ?? null, beforeId, limit],
    );
  }

  /** Closing an account erases the person's address and messages from the outbox too. */
  async eraseRecipient(manager: EntityManager, email: string): Promise<void> {
    await manager.query(
      `UPDATE outbox_message SET recipient = '[erased]', subject = '[erased]', body = '[erased]' WHERE recipient = $1`,
      [email],
    );
  }
}
