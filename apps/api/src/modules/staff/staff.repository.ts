import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf, uniqueViolation } from '../../database/rows.js';

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  role: 'cashier' | 'marketing' | 'manager' | 'admin';
  status: 'invited' | 'active' | 'disabled';
  store_ids: string[];
  created_at: Date;
  last_login_at: Date | null;
}

export interface StoreRow {
  id: string;
  code: string;
  name: string;
  address: string | null;
  timezone: string;
  created_at: Date;
}

export interface PosKeyRow {
  id: string;
  store_id: string;
  name: string;
  prefix: string;
  created_at: Date;
  created_by: string | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const STAFF_COLUMNS = `s.id, s.email, s.name, s.role, s.status, s.created_at, s.last_login_at,
  coalesce((SELECT array_agg(ss.store_id ORDER BY ss.store_id) FROM staff_store ss WHERE ss.staff_id = s.id), ARRAY[]::uuid[]) AS store_ids`;
const KEY_COLUMNS = 'id, store_id, name, prefix, created_at, created_by, revoked_at, last_used_at';

/** Staff users, their stores, stores and POS keys. */
@Injectable()
export class StaffRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listStaff(storeIds: string[] | undefined): Promise<StaffRow[]> {
    return this.dataSource.query(
      `SELECT ${STAFF_COLUMNS} FROM staff_user s
        WHERE $1::uuid[] IS NULL OR EXISTS (SELECT 1 FROM staff_store ss WHERE ss.staff_id = s.id AND ss.store_id = ANY($1::uuid[]))
        ORDER BY s.name, s.id`,
      [storeIds ?? null],
    );
  }

  async findStaff(id: string, manager?: EntityManager, lock = false): Promise<StaffRow | undefined> {
    const rows: StaffRow[] = await (manager ?? this.dataSource).query(
      `SELECT ${STAFF_COLUMNS} FROM staff_user s WHERE s.id = $1 ${lock ? 'FOR UPDATE OF s' : ''}`,
      [id],
    );
    return rows[0];
  }

  async insertStaff(
    manager: EntityManager,
    staff: { email: string; name: string; role: string },
  ): Promise<{ id: string } | 'taken'> {
    try {
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO staff_user (email, name, role, status) VALUES ($1, $2, $3, 'invited') RETURNING id`,
        [staff.email, staff.name, staff.role],
      );
      return { id: rows[0]!.id };
    } catch (error) {
      if (uniqueViolation(error, 'staff_user_email_uq')) return 'taken';
      throw error;
    }
  }

  async setStores(manager: EntityManager, staffId: string, storeIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM staff_store WHERE staff_id = $1`, [staffId]);
    if (storeIds.length > 0) {
      await manager.query(`INSERT INTO staff_store (staff_id, store_id) SELECT $1, unnest($2::uuid[])`, [
        staffId,
        storeIds,
      ]);
    }
  }

  async setRole(manager: EntityManager, staffId: string, role: string): Promise<void> {
    await manager.query(`UPDATE staff_user SET role = $2 WHERE id = $1`, [staffId, role]);
  }

  async setStatus(
    manager: EntityManager,
    staffId: string,
    status: 'active' | 'disabled' | 'invited',
  ): Promise<void> {
    await manager.query(
      `UPDATE staff_user SET status = $2, disabled_at = CASE WHEN $2 = 'disabled' THEN now() ELSE NULL END WHERE id = $1`,
      [staffId, status],
    );
  }

  /** Active admins, locked, so two admins cannot demote each other at the same moment. */
  async activeAdminIds(manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM staff_user WHERE role = 'admin' AND status = 'active' ORDER BY id FOR UPDATE`,
    );
    return rows.map((r) => r.id);
  }

  async hasPassword(manager: EntityManager, staffId: string): Promise<boolean> {
    const rows: { ok: boolean }[] = await manager.query(
      `SELECT password_hash IS NOT NULL AS ok FROM staff_user WHERE id = $1`,
      [staffId],
    );
    return rows[0]?.ok ?? false;
  }

  async listStores(storeIds: string[] | undefined): Promise<StoreRow[]> {
    return this.dataSource.query(
      `SELECT id, code, name, address, timezone, created_at FROM store WHERE $1::uuid[] IS NULL OR id = ANY($1::uuid[]) ORDER BY name, id`,
      [storeIds ?? null],
    );
  }

  async existingStoreIds(ids: string[], manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (manager ?? this.dataSource).query(
      `SELECT id FROM store WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  async insertStore(
    manager: EntityManager,
    store: { code: string; name: string; address: string | null; timezone: string },
  ): Promise<StoreRow | 'taken'> {
    try {
      const rows: StoreRow[] = await manager.query(
        `INSERT INTO store (code, name, address, timezone) VALUES ($1, $2, $3, $4)
         RETURNING id, code, name, address, timezone, created_at`,
        [store.code, store.name, store.address, store.timezone],
      );
      return rows[0]!;
    } catch (error) {
      if (uniqueViolation(error, 'store_code_uq')) return 'taken';
      throw error;
    }
  }

  async listKeys(storeIds: string[] | undefined, storeId: string | undefined): Promise<PosKeyRow[]> {
    return this.dataSource.query(
      `SELECT ${KEY_COLUMNS} FROM pos_api_key
        WHERE ($1::uuid[] IS NULL OR store_id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR store_id = $2)
        ORDER BY created_at DESC, id`,
      [storeIds ?? null, storeId ?? null],
    );
  }

  async findKey(id: string, manager?: EntityManager): Promise<PosKeyRow | undefined> {
    const rows: PosKeyRow[] = await (manager ?? this.dataSource).query(
      `SELECT ${KEY_COLUMNS} FROM pos_api_key WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async insertKey(
    manager: EntityManager,
    key: { storeId: string; name: string; prefix: string; secretHash: string; createdBy: string | null },
  ): Promise<PosKeyRow> {
    const rows: PosKeyRow[] = await manager.query(
      `INSERT INTO pos_api_key (store_id, name, prefix, secret_hash, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${KEY_COLUMNS}`,
      [key.storeId, key.name, key.prefix, key.secretHash, key.createdBy],
    );
    return rows[0]!;
  }

  async revokeKey(manager: EntityManager, id: string): Promise<PosKeyRow | undefined> {
    const rows: PosKeyRow[] = rowsOf(
      await manager.query(
        `UPDATE pos_api_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING ${KEY_COLUMNS}`,
        [id],
      ),
    );
    return rows[0];
  }
}
