import type { Permission } from '@tally/domain';
import type { NavItem } from '@tally/ui';

export interface ConsoleNavItem extends NavItem {
  /** Shown only to roles with this permission (the API enforces the same matrix). */
  permission: Permission;
}

export const CONSOLE_NAV: readonly ConsoleNavItem[] = [
  { to: '/', label: 'Home', end: true, permission: 'session:own' },
  { to: '/checkout', label: 'Checkout', permission: 'checkout:earn' },
  { to: '/approvals', label: 'Approvals', permission: 'approvals:decide' },
  { to: '/claims', label: 'Claims', permission: 'claims:decide' },
  { to: '/stores', label: 'Stores', permission: 'stores:read' },
  { to: '/rewards', label: 'Rewards', permission: 'rewards:manage' },
  { to: '/campaigns', label: 'Campaigns', permission: 'campaigns:read' },
  { to: '/segments', label: 'Segments', permission: 'campaigns:read' },
  { to: '/programme', label: 'Programme', permission: 'programme:read' },
  { to: '/ideas', label: 'Ideas', permission: 'ideas:moderate' },
  { to: '/reports/liability', label: 'Points liability', permission: 'reports:read' },
  { to: '/staff', label: 'Staff', permission: 'staff:read' },
  { to: '/pos-keys', label: 'POS keys', permission: 'pos-keys:read' },
  { to: '/audit', label: 'Audit log', permission: 'audit:read' },
  { to: '/outbox', label: 'Outbox', permission: 'outbox:read' },
  { to: '/webhooks', label: 'Webhooks', permission: 'webhooks:manage' },
  { to: '/ledger', label: 'Ledger check', permission: 'ledger:verify' },
];
