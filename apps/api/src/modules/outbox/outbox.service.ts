import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type OutboxPage, type OutboxQuery, OutboxQuerySchema } from '@tally/domain';
import nodemailer, { type Transporter } from 'nodemailer';
import { type EntityManager } from 'typeorm';
import { decodeIdCursor, encodeIdCursor } from '../../common/pagination/id-cursor.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { OutboxRepository, type OutboxRow } from './outbox.repository.js';
import { type OutgoingEmail } from './templates.js';

const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 120;

/**
 * Messages are written in the same transaction as the change that causes them and delivered later by
 * a worker in every API process. Without SMTP they are held, readable in the console's outbox page.
 */
@Injectable()
export class OutboxService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxService.name);
  private transport: Transporter | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly repository: OutboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  enqueue(manager: EntityManager, email: OutgoingEmail): Promise<string> {
    return this.repository.insert(manager, email, this.config.env.SMTP_URL ? 'pending' : 'held');
  }

  /** Tells every active member (programme changes); `{name}` in the body becomes each member's name. */
  enqueueForAllMembers(manager: EntityManager, email: Omit<OutgoingEmail, 'to'>): Promise<number> {
    return this.repository.insertForAllMembers(manager, email, this.config.env.SMTP_URL ? 'pending' : 'held');
  }

  async list(query: OutboxQuery): Promise<OutboxPage> {
    const { status, cursor, limit } = parseOrThrow(OutboxQuerySchema, query, ['query']);
    const rows = await this.repository.page(status, cursor ? decodeIdCursor(cursor) : null, limit + 1);
    const items = rows.slice(0, limit).map(toOutboxMessage);
    return { items, nextCursor: rows.length > limit ? encodeIdCursor(rows[limit - 1]!.id) : null };
  }

  onApplicationBootstrap(): void {
    if (!this.config.env.SMTP_URL) return;
    this.transport = nodemailer.createTransport(this.config.env.SMTP_URL);
    this.timer = setInterval(() => void this.deliverDue(), this.config.env.OUTBOX_POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    this.transport?.close();
  }

  /** One delivery round: claims due messages and sends them. Returns how many were sent. */
  async deliverDue(limit = 20): Promise<number> {
    if (!this.transport) return 0;
    if (this.running) return this.running;
    this.running = this.deliver(this.transport, limit).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async deliver(transport: Transporter, limit: number): Promise<number> {
    let sent = 0;
    try {
      for (const message of await this.repository.claimDue(limit, LEASE_SECONDS)) {
        try {
          await transport.sendMail({
            from: this.config.env.MAIL_FROM,
            to: message.recipient,
            subject: message.subject,
            text: message.body,
          });
          await this.repository.markSent(message.id);
          sent += 1;
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          const retry = message.attempts >= MAX_ATTEMPTS ? null : Math.min(3600, 2 ** message.attempts * 15);
          await this.repository.markFailed(message.id, reason, retry);
          this.logger.warn(
            `outbox message ${message.id} not delivered (attempt ${message.attempts}): ${reason}`,
          );
        }
      }
    } catch (error) {
      this.logger.error(
        `outbox delivery round failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return sent;
  }
}

function toOutboxMessage(row: OutboxRow) {
  return {
    id: row.id,
    channel: row.channel,
    template: row.template,
    to: row.recipient,
    subject: row.subject,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
  };
}
