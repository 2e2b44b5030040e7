import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CreatedPosKey,
  type CreatePosKey,
  CreatePosKeySchema,
  type CreateStore,
  CreateStoreSchema,
  type InviteStaff,
  InviteStaffSchema,
  isStoreScoped,
  type PosKey,
  PosKeyQuerySchema,
  type ReasonBody,
  ReasonBodySchema,
  type StaffUser,
  type Store,
  type UpdateStaff,
  UpdateStaffSchema,
} from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { type Actor, type RequestContext, worksIn } from '../../common/auth/actor.js';
import { newPosKey, sha256 } from '../../common/crypto/tokens.js';
import { AppException } from '../../common/exceptions/app.exception.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { publicUrl } from '../../config/env.schema.js';
import { AuditService } from '../audit/audit.service.js';
import { AuthService } from '../auth/auth.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { invitationEmail } from '../outbox/templates.js';
import { toPosKey, toStaffUser, toStore } from './staff.mapper.js';
import { type StaffRow, StaffRepository } from './staff.repository.js';

const IdSchema = z.uuid('must be an id');

/** Staff accounts, stores and POS keys: admin work, every change audited in its own transaction. */
@Injectable()
export class StaffService {
  constructor(
    private readonly repository: StaffRepository,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly outbox: OutboxService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async listStaff(actor: Actor): Promise<StaffUser[]> {
    const rows = await this.repository.listStaff(isStoreScoped(actor.role) ? actor.storeIds : undefined);
    return rows.map(toStaffUser);
  }

  async invite(input: InviteStaff, ctx: RequestContext): Promise<StaffUser> {
    const data = parseOrThrow(InviteStaffSchema, input);
    return this.dataSource.transaction(async (manager) => {
      await this.requireStores(manager, data.storeIds);
      const inserted = await this.repository.insertStaff(manager, {
        email: data.email,
        name: data.name,
        role: data.role,
      });
      if (inserted === 'taken') {
        throw new AppException('EMAIL_TAKEN', 'A staff account already uses this email.', [
          { field: 'email', message: 'is already a staff account' },
        ]);
      }
      const { id } = inserted;
      await this.repository.setStores(manager, id, data.storeIds);
      const token = await this.auth.createToken(manager, 'invitation', id);
      const link = `${publicUrl(this.config.env)}/console/accept-invitation?token=${encodeURIComponent(token)}`;
      await this.outbox.enqueue(
        manager,
        invitationEmail(data.email, data.name, data.role, ctx.actor?.name ?? 'An admin', link),
      );
      await this.audit.record(manager, ctx, {
        action: 'staff.invited',
        targetType: 'staff',
        targetId: id,
        summary: { email: data.email, role: data.role, storeIds: data.storeIds },
      });
      return toStaffUser((await this.repository.findStaff(id, manager))!);
    });
  }

  async update(id: string, input: UpdateStaff, ctx: RequestContext): Promise<StaffUser> {
    parseOrThrow(IdSchema, id, ['id']);
    const data = parseOrThrow(UpdateStaffSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const admins = await this.repository.activeAdminIds(manager);
      const before = await this.lockedStaff(manager, id);
      if (
        data.role &&
        data.role !== 'admin' &&
        before.role === 'admin' &&
        before.status === 'active' &&
        admins.length <= 1
      ) {
        throw new AppException('LAST_ADMIN', 'Make someone else an admin first.');
      }
      const changes: Record<string, unknown> = {};
      if (data.role && data.role !== before.role) {
        await this.repository.setRole(manager, id, data.role);
        changes.role = { from: before.role, to: data.role };
      }
      if (data.storeIds) {
        const storeIds = [...new Set(data.storeIds)].sort();
        await this.requireStores(manager, storeIds);
        const role = data.role ?? before.role;
        if ((role === 'cashier' || role === 'manager') && storeIds.length === 0) {
          throw new AppException('VALIDATION_FAILED', undefined, [
            { field: 'storeIds', message: 'cashiers and managers need at least one store' },
          ]);
        }
        await this.repository.setStores(manager, id, storeIds);
        changes.storeIds = { from: before.store_ids, to: storeIds };
      }
      // A changed role or store list must not keep old powers in open sessions.
      if (Object.keys(changes).length > 0)
        await this.auth.revokeAll('staff', id, 'role or stores changed', manager);
      await this.audit.record(manager, ctx, {
        action: 'staff.updated',
        targetType: 'staff',
        targetId: id,
        summary: changes,
        reason: data.reason,
      });
      return toStaffUser((await this.repository.findStaff(id, manager))!);
    });
  }

  async setEnabled(id: string, enabled: boolean, input: ReasonBody, ctx: RequestContext): Promise<StaffUser> {
    parseOrThrow(IdSchema, id, ['id']);
    const { reason } = parseOrThrow(ReasonBodySchema, input);
    return this.dataSource.transaction(async (manager) => {
      const admins = await this.repository.activeAdminIds(manager);
      const before = await this.lockedStaff(manager, id);
      if (enabled === (before.status !== 'disabled')) {
        throw new AppException(
          'ALREADY_DONE',
          `This account is already ${enabled ? 'enabled' : 'disabled'}.`,
        );
      }
      if (!enabled) {
        if (before.role === 'admin' && before.status === 'active' && admins.length <= 1) {
          throw new AppException('LAST_ADMIN', 'Make someone else an admin first.');
        }
        await this.repository.setStatus(manager, id, 'disabled');
        await this.auth.revokeAll('staff', id, 'account disabled', manager);
      } else {
        await this.repository.setStatus(
          manager,
          id,
          (await this.repository.hasPassword(manager, id)) ? 'active' : 'invited',
        );
      }
      await this.audit.record(manager, ctx, {
        action: enabled ? 'staff.enabled' : 'staff.disabled',
        targetType: 'staff',
        targetId: id,
        summary: { status: { from: before.status, to: enabled ? 'active' : 'disabled' } },
        reason,
      });
      return toStaffUser((await this.repository.findStaff(id, manager))!);
    });
  }

  async listStores(actor: Actor): Promise<Store[]> {
    const rows = await this.repository.listStores(isStoreScoped(actor.role) ? actor.storeIds : undefined);
    return rows.map(toStore);
  }

  async createStore(input: CreateStore, ctx: RequestContext): Promise<Store> {
    const data = parseOrThrow(CreateStoreSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.repository.insertStore(manager, {
        code: data.code,
        name: data.name,
        address: data.address ?? null,
        timezone: data.timezone,
      });
      if (row === 'taken')
        throw new AppException('STORE_CODE_TAKEN', undefined, [
          { field: 'code', message: 'is already used by another store' },
        ]);
      await this.audit.record(manager, ctx, {
        action: 'store.created',
        targetType: 'store',
        targetId: row.id,
        storeId: row.id,
        summary: { code: row.code, name: row.name },
      });
      return toStore(row);
    });
  }

  async listKeys(actor: Actor, query: unknown): Promise<PosKey[]> {
    const { storeId } = parseOrThrow(PosKeyQuerySchema, query ?? {}, ['query']);
    if (storeId && !worksIn(actor, storeId)) throw new AppException('OUTSIDE_STORE_SCOPE');
    const rows = await this.repository.listKeys(actor.role === 'admin' ? undefined : actor.storeIds, storeId);
    return rows.map(toPosKey);
  }

  /** The secret is returned here once and stored only as a hash. */
  async createKey(input: CreatePosKey, ctx: RequestContext): Promise<CreatedPosKey> {
    const data = parseOrThrow(CreatePosKeySchema, input);
    const { key, prefix } = newPosKey();
    return this.dataSource.transaction(async (manager) => {
      await this.requireStores(manager, [data.storeId], 'storeId');
      const row = await this.repository.insertKey(manager, {
        storeId: data.storeId,
        name: data.name,
        prefix,
        secretHash: sha256(key),
        createdBy: ctx.actor?.kind === 'staff' ? ctx.actor.id : null,
      });
      await this.audit.record(manager, ctx, {
        action: 'pos_key.created',
        targetType: 'pos_key',
        targetId: row.id,
        storeId: row.store_id,
        summary: { name: row.name, prefix: `tpk_${prefix}` },
      });
      return { ...toPosKey(row), secret: key };
    });
  }

  async revokeKey(id: string, input: ReasonBody, ctx: RequestContext): Promise<PosKey> {
    parseOrThrow(IdSchema, id, ['id']);
    const { reason } = parseOrThrow(ReasonBodySchema, input);
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.repository.findKey(id, manager);
      if (!existing) throw new AppException('POS_KEY_NOT_FOUND');
      const row = await this.repository.revokeKey(manager, id);
      if (!row) throw new AppException('ALREADY_DONE', 'This key is already revoked.');
      await this.audit.record(manager, ctx, {
        action: 'pos_key.revoked',
        targetType: 'pos_key',
        targetId: id,
        storeId: row.store_id,
        summary: { name: row.name },
        reason,
      });
      return toPosKey(row);
    });
  }

  private async lockedStaff(manager: EntityManager, id: string): Promise<StaffRow> {
    const row = await this.repository.findStaff(id, manager, true);
    if (!row) throw new AppException('STAFF_NOT_FOUND');
    return row;
  }

  private async requireStores(manager: EntityManager, storeIds: string[], field = 'storeIds'): Promise<void> {
    if (storeIds.length === 0) return;
    const found = new Set(await this.repository.existingStoreIds(storeIds, manager));
    const missing = storeIds.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new AppException('STORE_NOT_FOUND', `No store ${missing.join(', ')}.`, [
        { field, message: 'names a store that does not exist' },
      ]);
    }
  }
}
