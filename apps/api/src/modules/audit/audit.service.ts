import { Injectable } from '@nestjs/common';
import { type AuditEntry, type AuditPage, type AuditQuery, AuditQuerySchema } from '@tally/domain';
import { type EntityManager } from 'typeorm';
import { type Actor, actorType, type RequestContext, worksIn } from '../../common/auth/actor.js';
import { AppException } from '../../common/exceptions/app.exception.js';
import { decodeIdCursor, encodeIdCursor } from '../../common/pagination/id-cursor.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { type AuditInsert, AuditRepository, type AuditRow } from './audit.repository.js';

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId: string | null;
  /** What changed, e.g. `{ role: { from: 'cashier', to: 'manager' } }`. No secrets, no member personal data. */
  summary?: Record<string, unknown>;
  reason?: string | null;
  storeId?: string | null;
}

/** The append-only record of who did what, where, when and why; written in the change's own transaction. */
@Injectable()
export class AuditService {
  constructor(private readonly repository: AuditRepository) {}

  record(manager: EntityManager, ctx: RequestContext, event: AuditEvent): Promise<void> {
    return this.repository.insert(manager, this.entry(ctx, event));
  }

  /** The row `record` would write, for a caller that folds it into its own statement. */
  entry(ctx: RequestContext, event: AuditEvent): AuditInsert {
    const actor = ctx.actor;
    return {
      actorType: actor ? actorType(actor) : 'system',
      actorId: actor?.id ?? null,
      actorRole: actor?.role ?? null,
      actorName: actor?.name ?? null,
      storeId: event.storeId ?? (actor?.kind === 'pos' ? actor.storeId : null),
      action: event.action,
      targetType: event.targetType,
      targetId: event.targetId,
      summary: event.summary ?? {},
      reason: event.reason ?? null,
      ip: ctx.ip,
      requestId: ctx.requestId,
    };
  }

  /** Admins see everything; managers see what happened in their stores. */
  async list(actor: Actor, query: AuditQuery): Promise<AuditPage> {
    const q = parseOrThrow(AuditQuerySchema, query, ['query']);
    if (q.storeId && !worksIn(actor, q.storeId)) throw new AppException('OUTSIDE_STORE_SCOPE');
    const rows = await this.repository.page({
      actorId: q.actorId,
      storeId: q.storeId,
      storeIds: actor.role === 'admin' ? undefined : actor.storeIds,
      action: q.action,
      from: q.from,
      to: q.to,
      beforeId: q.cursor ? decodeIdCursor(q.cursor) : null,
      limit: q.limit + 1,
    });
    return {
      items: rows.slice(0, q.limit).map(toAuditEntry),
      nextCursor: rows.length > q.limit ? encodeIdCursor(rows[q.limit - 1]!.id) : null,
    };
  }
}

function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    actorName: row.actor_name,
    storeId: row.store_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    summary: row.summary,
    reason: row.reason,
    ip: row.ip,
    requestId: row.request_id,
  };
}
