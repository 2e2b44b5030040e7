import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface AuditInsert {
  actorType: 'member' | 'staff' | 'api_key' | 'system';
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  storeId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  summary: Record<string, unknown>;
  reason: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface AuditRow {
  id: string;
  at: Date;
  actor_type: AuditInsert['actorType'];
  actor_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  store_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  summary: Record<string, unknown>;
  reason: string | null;
  ip: string | null;
  request_id: string | null;
}

export interface AuditFilter {
  actorId?: string;
  storeId?: string;
  /** Only these stores (a manager's); undefined: all. */
  storeIds?: string[];
  action?: string;
  from?: string;
  to?: string;
  beforeId: string | null;
  limit: number;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, entry: AuditInsert): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_type, actor_id, actor_role, actor_name, store_id, action, target_type, target_id, summary, reason, ip, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        entry.actorType,
        entry.actorId,
        entry.actorRole,
        entry.actorName,
        entry.storeId,
        entry.action,
        entry.targetType,
        entry.targetId,
        JSON.stringify(entry.summary),
        entry.reason,
        entry.ip,
        entry.requestId,
      ],
    );
  }

  async page(filter: AuditFilter): Promise<AuditRow[]> {
    return this.dataSource.query(
      `SELECT id::text, at, actor_type, actor_id, actor_role, actor_name, store_id, action, target_type, target_id,
              summary, reason, ip, request_id
         FROM audit_log
        WHERE ($1::text IS NULL OR actor_id = $1)
          AND ($2::uuid IS NULL OR store_id = $2)
          AND ($3::uuid[] IS NULL OR store_id = ANY($3::uuid[]))
          AND ($4::text IS NULL OR action = $4)
          AND ($5::timestamptz IS NULL OR at >= $5)
          AND ($6::timestamptz IS NULL OR at < $6)
          AND ($7::bigint IS NULL OR id < $7::bigint)
        ORDER BY audit_log.id DESC
        LIMIT $8`,
      [
        filter.actorId ?? null,
        filter.storeId ?? null,
        filter.storeIds ?? null,
        filter.action ?? null,
        filter.from ?? null,
        filter.to ?? null,
        filter.beforeId,
        filter.limit,
      ],
    );
  }
}
