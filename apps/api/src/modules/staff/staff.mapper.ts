import { type PosKey, type StaffUser, type Store } from '@tally/domain';
import { type PosKeyRow, type StaffRow, type StoreRow } from './staff.repository.js';

const iso = (value: Date | null): string | null => (value ? new Date(value).toISOString() : null);

export function toStaffUser(row: StaffRow): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    storeIds: row.store_ids,
    createdAt: new Date(row.created_at).toISOString(),
    lastLoginAt: iso(row.last_login_at),
  };
}

export function toStore(row: StoreRow): Store {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    address: row.address,
    timezone: row.timezone,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function toPosKey(row: PosKeyRow): PosKey {
  return {
    id: row.id,
    storeId: row.store_id,
    name: row.name,
    prefix: `tpk_${row.prefix}`,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    revokedAt: iso(row.revoked_at),
    lastUsedAt: iso(row.last_used_at),
  };
}
