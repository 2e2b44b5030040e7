import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../../database/rows.js';

export interface EndpointRow {
  id: string;
  url: string;
  description: string;
  events: string[];
  enabled: boolean;
  secret: string;
  secret_hint: string;
  created_at: Date;
  updated_at: Date;
}

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  template: string;
  subject: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  body: string;
}

export interface ClaimedDelivery {
  id: string;
  attempts: number;
  event: string;
  body: string;
  url: string;
  secret: string;
}

export interface AttemptRow {
  attempt: number;
  status_code: number | null;
  response_excerpt: string | null;
  duration_ms: number;
  error: string | null;
  created_at: Date;
}

const ENDPOINT = 'id::text, url, description, events, enabled, secret, secret_hint, created_at, updated_at';
const DELIVERY =
  'm.id::text, m.endpoint_id::text, m.template, m.subject, m.status, m.attempts, m.next_attempt_at, m.last_error, m.created_at, m.sent_at, m.body';

/** Webhook endpoints, their deliveries (outbox messages on the `webhook` channel) and attempts. */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async endpoints(): Promise<EndpointRow[]> {
    return this.dataSource.query(
      `SELECT ${ENDPOINT} FROM webhook_endpoint ORDER BY webhook_endpoint.created_at, webhook_endpoint.id`,
    );
  }

  async endpoint(id: string, manager?: EntityManager, lock = false): Promise<EndpointRow | null> {
    const rows: EndpointRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${ENDPOINT} FROM webhook_endpoint WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insertEndpoint(
    manager: EntityManager,
    e: { url: string; description: string; events: string[]; enabled: boolean; secret: string; hint: string },
  ): Promise<EndpointRow> {
    const rows: EndpointRow[] = await manager.query(
      `INSERT INTO webhook_endpoint (url, description, events, enabled, secret, secret_hint)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${ENDPOINT}`,
      [e.url, e.description, e.events, e.enabled, e.secret, e.hint],
    );
    return rows[0]!;
  }

  async updateEndpoint(
    manager: EntityManager,
    id: string,
    e: { url: string; description: string; events: string[]; enabled: boolean; secret: string; hint: string },
  ): Promise<EndpointRow> {
    const rows = rowsOf<EndpointRow>(
      await manager.query(
        `UPDATE webhook_endpoint SET url = $2, description = $3, events = $4, enabled = $5, secret = $6,
                secret_hint = $7, updated_at = now()
          WHERE id = $1 RETURNING ${ENDPOINT}`,
        [id, e.url, e.description, e.events, e.enabled, e.secret, e.hint],
      ),
    );
    return rows[0]!;
  }

  async deleteEndpoint(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM webhook_endpoint WHERE id = $1`, [id]);
  }

  /** The events at least one enabled endpoint subscribes to. */
  async subscribedEvents(): Promise<string[]> {
    const rows: { event: string }[] = await this.dataSource.query(
      `SELECT DISTINCT unnest(events) AS event FROM webhook_endpoint WHERE enabled`,
    );
    return rows.map((r) => r.event);
  }

  /** One delivery per enabled endpoint subscribed to the event, in the caller's transaction. */
  async enqueue(manager: EntityManager, event: string, eventId: string, body: string): Promise<number> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO outbox_message (channel, template, recipient, subject, body, status, endpoint_id)
       SELECT 'webhook', $1, e.url, $2, $3, 'pending', e.id FROM webhook_endpoint e
        WHERE e.enabled AND $1 = ANY (e.events)
       RETURNING id`,
      [event, eventId, body],
    );
    return rows.length;
  }

  async journalMember(manager: EntityManager, journalId: string): Promise<string | null> {
    const rows: { member_id: string | null }[] = await manager.query(
      `SELECT member_id::text FROM ledger_journal WHERE id = $1`,
      [journalId],
    );
    return rows[0]?.member_id ?? null;
  }

  /**
   * Claims due deliveries of enabled endpoints, as the email worker does: SKIP LOCKED shares the work
   * between API processes, and moving next_attempt_at forward is a lease.
   */
  async claimDue(limit: number, leaseSeconds: number): Promise<ClaimedDelivery[]> {
    return rowsOf<ClaimedDelivery>(
      await this.dataSource.query(
        `UPDATE outbox_message m SET attempts = m.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
           FROM webhook_endpoint e
          WHERE e.id = m.endpoint_id
            AND m.id IN (SELECT d.id FROM outbox_message d JOIN webhook_endpoint de ON de.id = d.endpoint_id
                          WHERE d.channel = 'webhook' AND d.status = 'pending' AND d.next_attempt_at <= now()
                            AND de.enabled
                          ORDER BY d.next_attempt_at, d.id LIMIT $1 FOR UPDATE OF d SKIP LOCKED)
        RETURNING m.id::text, m.attempts, m.template AS event, m.body, e.url, e.secret`,
        [limit, leaseSeconds],
      ),
    );
  }

  /** Logs the attempt and records its outcome in one transaction. */
  async recordAttempt(
    id: string,
    attempt: {
      number: number;
      statusCode: number | null;
      excerpt: string | null;
      durationMs: number;
      error: string | null;
    },
    outcome: { delivered: true } | { delivered: false; retryInSeconds: number | null },
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO webhook_attempt (message_id, attempt, status_code, response_excerpt, duration_ms, error)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, attempt.number, attempt.statusCode, attempt.excerpt, attempt.durationMs, attempt.error],
      );
      if (outcome.delivered) {
        await manager.query(
          `UPDATE outbox_message SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`,
          [id],
        );
      } else if (outcome.retryInSeconds === null) {
        await manager.query(`UPDATE outbox_message SET status = 'failed', last_error = $2 WHERE id = $1`, [
          id,
          attempt.error,
        ]);
      } else {
        await manager.query(
          `UPDATE outbox_message SET last_error = $2, next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1`,
          [id, attempt.error, outcome.retryInSeconds],
        );
      }
    });
  }

  async deliveries(
    endpointId: string,
    status: string | undefined,
    beforeId: string | null,
    limit: number,
  ): Promise<DeliveryRow[]> {
    return this.dataSource.query(
      `SELECT ${DELIVERY} FROM outbox_message m
        WHERE m.endpoint_id = $1 AND ($2::text IS NULL OR m.status = $2) AND ($3::bigint IS NULL OR m.id < $3::bigint)
        ORDER BY m.id DESC LIMIT $4`,
      [endpointId, status ?? null, beforeId, limit],
    );
  }

  async delivery(endpointId: string, id: string, manager?: EntityManager): Promise<DeliveryRow | null> {
    const rows: DeliveryRow[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${DELIVERY} FROM outbox_message m WHERE m.endpoint_id = $1 AND m.id = $2`,
      [endpointId, id],
    );
    return rows[0] ?? null;
  }

  async attempts(id: string): Promise<AttemptRow[]> {
    return this.dataSource.query(
      `SELECT attempt, status_code, response_excerpt, duration_ms, error, created_at
         FROM webhook_attempt WHERE message_id = $1 ORDER BY webhook_attempt.id`,
      [id],
    );
  }

  /** A dead delivery starts a new round of attempts now; false when it is not dead (any more). */
  async resend(manager: EntityManager, id: string): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await manager.query(
        `UPDATE outbox_message SET status = 'pending', attempts = 0, next_attempt_at = now()
          WHERE id = $1 AND channel = 'webhook' AND status = 'failed' RETURNING id::text`,
        [id],
      ),
    );
    return rows.length === 1;
  }
}
