import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CreateWebhookEndpointSchema,
  UpdateWebhookEndpointSchema,
  type WebhookDeliveryDetail,
  type WebhookDeliveryPage,
  WebhookDeliveryQuerySchema,
  type WebhookEndpoint,
  type WebhookEndpointWithSecret,
} from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { type RequestContext } from '../../common/auth/actor.js';
import { sealSecret } from '../../common/crypto/secret-box.js';
import { AppException, ValidationException } from '../../common/exceptions/app.exception.js';
import { decodeIdCursor, encodeIdCursor } from '../../common/pagination/id-cursor.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { WebhookEventsService } from './webhook-events.service.js';
import { toWebhookAttempt, toWebhookDelivery, toWebhookEndpoint } from './webhooks.mapper.js';
import { type EndpointRow, WebhooksRepository } from './webhooks.repository.js';

const STATUS_IN_DB = { pending: 'pending', delivered: 'sent', dead: 'failed' } as const;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Admins' webhook endpoints: the secret is generated here and shown once (creation, rotation). */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly repository: WebhooksRepository,
    private readonly events: WebhookEventsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(): Promise<WebhookEndpoint[]> {
    return (await this.repository.endpoints()).map(toWebhookEndpoint);
  }

  async get(id: string): Promise<WebhookEndpoint> {
    return toWebhookEndpoint(await this.found(id));
  }

  async create(input: unknown, ctx: RequestContext): Promise<WebhookEndpointWithSecret> {
    const data = parseOrThrow(CreateWebhookEndpointSchema, input);
    this.checkUrl(data.url);
    const secret = newWebhookSecret();
    const row = await this.dataSource.transaction(async (manager) => {
      const created = await this.repository.insertEndpoint(manager, {
        ...data,
        secret: sealSecret(secret, this.config.env.WEBHOOK_SECRET_KEY),
        hint: secret.slice(-4),
      });
      await this.audit.record(manager, ctx, {
        action: 'webhook.created',
        targetType: 'webhook_endpoint',
        targetId: created.id,
        summary: { url: data.url, events: data.events, enabled: data.enabled },
      });
      return created;
    });
    await this.events.refresh();
    return { ...toWebhookEndpoint(row), secret };
  }

  async update(id: string, input: unknown, ctx: RequestContext): Promise<WebhookEndpoint> {
    parseOrThrow(z.uuid(), id, ['id']);
    const data = parseOrThrow(UpdateWebhookEndpointSchema, input);
    if (data.url !== undefined) this.checkUrl(data.url);
    const row = await this.dataSource.transaction(async (manager) => {
      const before = await this.found(id, manager);
      const after = { ...before, ...definedOnly(data) };
      const updated = await this.repository.updateEndpoint(manager, id, {
        ...after,
        hint: before.secret_hint,
      });
      await this.audit.record(manager, ctx, {
        action: 'webhook.updated',
        targetType: 'webhook_endpoint',
        targetId: id,
        summary: changes(before, updated),
      });
      return updated;
    });
    await this.events.refresh();
    return toWebhookEndpoint(row);
  }

  async rotateSecret(id: string, ctx: RequestContext): Promise<WebhookEndpointWithSecret> {
    parseOrThrow(z.uuid(), id, ['id']);
    const secret = newWebhookSecret();
    const row = await this.dataSource.transaction(async (manager) => {
      const before = await this.found(id, manager);
      const updated = await this.repository.updateEndpoint(manager, id, {
        ...before,
        secret: sealSecret(secret, this.config.env.WEBHOOK_SECRET_KEY),
        hint: secret.slice(-4),
      });
      await this.audit.record(manager, ctx, {
        action: 'webhook.secret_rotated',
        targetType: 'webhook_endpoint',
        targetId: id,
      });
      return updated;
    });
    return { ...toWebhookEndpoint(row), secret };
  }

  /** Deletes the endpoint with its deliveries and their attempt log; the audit log keeps the record. */
  async remove(id: string, ctx: RequestContext): Promise<void> {
    parseOrThrow(z.uuid(), id, ['id']);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.found(id, manager);
      await this.repository.deleteEndpoint(manager, id);
      await this.audit.record(manager, ctx, {
        action: 'webhook.deleted',
        targetType: 'webhook_endpoint',
        targetId: id,
        summary: { url: before.url, events: before.events },
      });
    });
    await this.events.refresh();
  }

  async deliveries(endpointId: string, query: unknown): Promise<WebhookDeliveryPage> {
    await this.found(endpointId);
    const { status, cursor, limit } = parseOrThrow(WebhookDeliveryQuerySchema, query, ['query']);
    const rows = await this.repository.deliveries(
      endpointId,
      status ? STATUS_IN_DB[status] : undefined,
      cursor ? decodeIdCursor(cursor) : null,
      limit + 1,
    );
    return {
      items: rows.slice(0, limit).map(toWebhookDelivery),
      nextCursor: rows.length > limit ? encodeIdCursor(rows[limit - 1]!.id) : null,
    };
  }

  async delivery(endpointId: string, id: string): Promise<WebhookDeliveryDetail> {
    const row = await this.foundDelivery(endpointId, id);
    const log = (await this.repository.attempts(row.id)).map(toWebhookAttempt);
    return { ...toWebhookDelivery(row), body: row.body, log };
  }

  /** Sends a dead delivery again (same id and body, so the receiver can still deduplicate). */
  async resend(endpointId: string, id: string, ctx: RequestContext): Promise<WebhookDeliveryDetail> {
    await this.dataSource.transaction(async (manager) => {
      await this.foundDelivery(endpointId, id, manager);
      if (!(await this.repository.resend(manager, id)))
        throw new AppException('CONFLICT', 'Only a dead delivery can be re-sent.');
      await this.audit.record(manager, ctx, {
        action: 'webhook.delivery_resent',
        targetType: 'webhook_delivery',
        targetId: id,
        summary: { endpointId },
      });
    });
    return this.delivery(endpointId, id);
  }

  private async found(id: string, manager?: EntityManager): Promise<EndpointRow> {
    parseOrThrow(z.uuid(), id, ['id']);
    const row = await this.repository.endpoint(id, manager, manager !== undefined);
    if (!row) throw new AppException('NOT_FOUND', 'No such webhook endpoint.');
    return row;
  }

  private async foundDelivery(endpointId: string, id: string, manager?: EntityManager) {
    parseOrThrow(z.uuid(), endpointId, ['endpointId']);
    parseOrThrow(z.string().regex(/^\d{1,18}$/, 'must be a delivery id'), id, ['deliveryId']);
    const row = await this.repository.delivery(endpointId, id, manager);
    if (!row) throw new AppException('NOT_FOUND', 'No such delivery for this endpoint.');
    return row;
  }

  /** HTTPS only, except to this machine outside production (a receiver under development). */
  private checkUrl(url: string): void {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:') return;
    if (this.config.env.NODE_ENV !== 'production' && LOCAL_HOSTS.has(parsed.hostname)) return;
    throw new ValidationException([
      {
        field: 'url',
        message:
          this.config.env.NODE_ENV === 'production'
            ? 'must use https'
            : 'must use https (http only to localhost or 127.0.0.1)',
      },
    ]);
  }
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function changes(before: EndpointRow, after: EndpointRow): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const key of ['url', 'description', 'events', 'enabled'] as const) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      summary[key] = { from: before[key], to: after[key] };
  }
  return summary;
}
