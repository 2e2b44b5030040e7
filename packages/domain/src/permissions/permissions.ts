/**
 * Who may do what. Every API route declares one permission (or is public); the API enforces this
 * matrix on every request and the front ends use the same matrix to show only what a role may do.
 */
export const Roles = ['member', 'cashier', 'marketing', 'manager', 'admin', 'pos'] as const;
export type Role = (typeof Roles)[number];

export const StaffRoles = ['cashier', 'marketing', 'manager', 'admin'] as const;
export type StaffRole = (typeof StaffRoles)[number];

export const Permissions = [
  /** Any signed-in member or staff user: their own session. */
  'session:own',
  /** A member's own profile, statement, export and account closure. */
  'profile:own',
  /** Look up members and their balances. */
  'members:read',
  /** Enrol a member on their behalf (at the till). */
  'members:create',
  'stores:read',
  'stores:manage',
  'staff:read',
  'staff:manage',
  'pos-keys:read',
  'pos-keys:manage',
  'audit:read',
  'outbox:read',
  'ledger:verify',
  /** See background jobs and their runs. */
  'jobs:read',
  /** Award, redeem and refund at the till. */
  'checkout:earn',
  'checkout:redeem',
  'checkout:refund',
  /** Approve or deny awards above a cashier's limits (own stores). */
  'approvals:decide',
  'programme:read',
  'programme:manage',
  /** The rewards catalogue: create, change, archive. */
  'rewards:manage',
  /** Campaigns and segments: read them, their dashboards and simulations. */
  'campaigns:read',
  /** Create, edit, schedule, pause and end campaigns; edit segments; run simulations. */
  'campaigns:manage',
  /** Review members' missing-points claims and approve or deny them (managers: own stores). */
  'claims:decide',
  /** Webhook endpoints, their secrets and deliveries. */
  'webhooks:manage',
  /** Programme reports (points liability). */
  'reports:read',
  /**
   * The ideas board's moderation: the review queue, approve (and trust authors), decline as spam (and
   * block authors), status changes with public responses, merges, tags and staff answers. Marketing
   * answers and moves ideas (DESIGN.md), managers and admins moderate; cashiers do not.
   */
  'ideas:moderate',
] as const;
export type Permission = (typeof Permissions)[number];

export const PERMISSION_MATRIX: Readonly<Record<Role, readonly Permission[]>> = {
  member: ['session:own', 'profile:own'],
  cashier: [
    'session:own',
    'members:read',
    'members:create',
    'stores:read',
    'checkout:earn',
    'checkout:redeem',
    'checkout:refund',
    'programme:read',
  ],
  marketing: [
    'session:own',
    'members:read',
    'stores:read',
    'programme:read',
    'programme:manage',
    'rewards:manage',
    'campaigns:read',
    'campaigns:manage',
    'reports:read',
    'ideas:moderate',
  ],
  manager: [
    'session:own',
    'members:read',
    'members:create',
    'stores:read',
    'staff:read',
    'pos-keys:read',
    'audit:read',
    'checkout:earn',
    'checkout:redeem',
    'checkout:refund',
    'approvals:decide',
    'programme:read',
    'rewards:manage',
    'campaigns:read',
    'claims:decide',
    'ideas:moderate',
  ],
  admin: [
    'session:own',
    'members:read',
    'members:create',
    'stores:read',
    'stores:manage',
    'staff:read',
    'staff:manage',
    'pos-keys:read',
    'pos-keys:manage',
    'audit:read',
    'outbox:read',
    'ledger:verify',
    'jobs:read',
    'checkout:earn',
    'checkout:redeem',
    'checkout:refund',
    'approvals:decide',
    'programme:read',
    'programme:manage',
    'rewards:manage',
    'campaigns:read',
    'campaigns:manage',
    'claims:decide',
    'webhooks:manage',
    'reports:read',
    'ideas:moderate',
  ],
  pos: [
    'members:read',
    'members:create',
    'checkout:earn',
    'checkout:redeem',
    'checkout:refund',
    'programme:read',
  ],
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? PERMISSION_MATRIX[role].includes(permission) : false;
}

/** Roles whose access is limited to the stores they are assigned to. */
export function isStoreScoped(role: Role): boolean {
  return role === 'cashier' || role === 'manager' || role === 'pos';
}
