import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type WebhookEvent, type WebhookPayload } from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { WebhooksRepository } from './webhooks.repository.js';

const REFRESH_MS = 5000;

/** Which ledger operation is which webhook event; the others (hold, void, release, adjust) emit none. */
const LEDGER_EVENTS: Partial<Record<string, WebhookEvent>> = {
  earn: 'points.earned',
  redeem: 'points.redeemed',
  capture: 'points.redeemed',
  reverse: 'points.reversed',
  expire: 'points.expired',
};

type EventData = WebhookPayload['data'];
type LedgerEventData = Omit<EventData, 'memberId'> & { memberId?: string | null; journalId: string };

/**
 * Writes webhook deliveries into the outbox in the transaction of the change that causes them. The
 * earn path must not pay for webhooks nobody wants: the set of subscribed events is kept in memory
 * (refreshed on every endpoint change in this process and every 5 s, so another process's change is
 * seen within that), and an event nobody subscribes to costs one set lookup.
 */
@Injectable()
export class WebhookEventsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookEventsService.name);
  private subscribed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly repository: WebhooksRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    try {
      this.subscribed = new Set(await this.repository.subscribedEvents());
    } catch (error) {
      this.logger.warn(`webhook subscriptions not refreshed: ${(error as Error).message}`);
    }
  }

  isSubscribed(event: WebhookEvent): boolean {
    return this.subscribed.has(event);
  }

  /** Queues the event for every subscribed endpoint, in `manager`'s transaction. Returns the count. */
  async emit(manager: EntityManager, event: WebhookEvent, data: EventData): Promise<number> {
    if (!this.subscribed.has(event)) return 0;
    const payload: WebhookPayload = {
      id: randomUUID(),
      type: event,
      occurredAt: new Date().toISOString(),
      data,
    };
    return this.repository.enqueue(manager, event, payload.id, JSON.stringify(payload));
  }

  /**
   * For the ledger: runs one journal write and, when its event has subscribers, queues the event in the
   * same transaction (opening one when the caller has none). A replayed write emits nothing again.
   */
  async aroundLedgerWrite<T extends { replayed?: unknown; journalId?: unknown; points?: unknown }>(
    operation: string,
    manager: EntityManager | undefined,
    write: (manager?: EntityManager) => Promise<T>,
    data: { memberId?: unknown; storeId?: string | null; externalRef?: string | null },
  ): Promise<T> {
    const event = LEDGER_EVENTS[operation];
    if (!event || !this.subscribed.has(event)) return write(manager);
    const run = async (m: EntityManager): Promise<T> => {
      const result = await write(m);
      if (result.replayed === true) return result;
      const journalId = String(result.journalId);
      const fields: LedgerEventData = {
        journalId,
        points: Math.abs(Number(result.points)),
        storeId: data.storeId ?? null,
        externalRef: data.externalRef ?? null,
      };
      const memberId =
        typeof data.memberId === 'string' ? data.memberId : await this.repository.journalMember(m, journalId);
      if (memberId) await this.emit(m, event, { ...fields, memberId });
      return result;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }
}
