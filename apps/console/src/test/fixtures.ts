export { loginResponseFor as loginResponse } from '@tally/ui/testing';
import type { AuditEntry, AuthUser, OutboxMessage, PosKey, StaffUser, Store } from '@tally/domain';

export const london: Store = {
  id: 'ab7bfa61-2139-46a2-acf3-a454810a2ab9',
  code: 'LON-01',
  name: 'Tally Market London',
  address: '1 Market Street, London',
  timezone: 'Europe/London',
  createdAt: '2025-01-01T09:00:00.000Z',
};

export function staffUser(role: AuthUser['role'], overrides: Partial<AuthUser> = {}): AuthUser {
  return {
    id: '4819c720-4991-43ef-a6cc-9757a9aa5c90',
    role,
    name: `Sam ${role}`,
    email: `${role}@demo.tally`,
    storeIds: role === 'admin' || role === 'marketing' ? [] : [london.id],
    cardNumber: null,
    ...overrides,
  };
}

export const cashier: StaffUser = {
  id: 'aef47704-ece0-4caf-a645-541a9ca0a563',
  email: 'cashier@demo.tally',
  name: 'Cass Cashier',
  role: 'cashier',
  status: 'active',
  storeIds: [london.id],
  createdAt: '2025-01-02T09:00:00.000Z',
  lastLoginAt: null,
};

export const posKey: PosKey = {
  id: '5d0c4a1e-8f3b-4b7a-9c2d-1e0f3a4b5c6d',
  storeId: london.id,
  name: 'Till 1',
  prefix: 'demotill01',
  createdAt: '2025-01-03T09:00:00.000Z',
  createdBy: null,
  revokedAt: null,
  lastUsedAt: null,
};

export function auditEntry(id: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id,
    at: '2025-03-03T14:05:00.000Z',
    actorType: 'staff',
    actorId: '4819c720-4991-43ef-a6cc-9757a9aa5c90',
    actorRole: 'admin',
    actorName: 'Ada Admin',
    storeId: london.id,
    action: 'pos_key.revoked',
    targetType: 'pos_key',
    targetId: posKey.id,
    summary: { status: { from: 'active', to: 'revoked' } },
    reason: 'till replaced',
    ip: '127.0.0.1',
    requestId: `req-${id}`,
    ...overrides,
  };
}

export const invitation: OutboxMessage = {
  id: '1',
  channel: 'email',
  template: 'staff-invitation',
  to: 'new@demo.tally',
  subject: 'You are invited to the Tally console',
  body: 'Hello,\n\nSet your password here:\n\nhttp://127.0.0.1:3000/console/accept-invitation?token=tlk_abc.\n\n<script>alert(1)</script>',
  status: 'held',
  attempts: 0,
  lastError: null,
  createdAt: '2025-03-03T14:05:00.000Z',
  sentAt: null,
};
