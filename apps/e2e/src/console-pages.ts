import { can, type Permission, type StaffRole } from '@tally/domain';

export interface ConsolePage {
  /** The navigation link's name. */
  label: string;
  /** Path under `/console`. */
  path: string;
  /** What a role needs to see the page (the console's nav and routes, apps/console/src/app). */
  permission: Permission;
  /** The page's `<h1>`. */
  heading: string | RegExp;
  /** The API read the page is built on, refused to roles without the permission (null: the page reads
   * only what other roles may read too, e.g. the cashier screen's member lookup). */
  api: string | null;
}

/**
 * The console's pages in navigation order, each with the permission it needs. Which of them a role gets
 * is derived from the domain's matrix (`can`), never listed per role here.
 */
export const CONSOLE_PAGES: readonly ConsolePage[] = [
  { label: 'Home', path: '/', permission: 'session:own', heading: /^Hello, /, api: '/api/v1/auth/session' },
  { label: 'Checkout', path: '/checkout', permission: 'checkout:earn', heading: 'Checkout', api: null },
  {
    label: 'Approvals',
    path: '/approvals',
    permission: 'approvals:decide',
    heading: 'Approvals',
    api: '/api/v1/approvals',
  },
  {
    label: 'Claims',
    path: '/claims',
    permission: 'claims:decide',
    heading: 'Claims',
    api: '/api/v1/claims',
  },
  { label: 'Stores', path: '/stores', permission: 'stores:read', heading: 'Stores', api: '/api/v1/stores' },
  {
    label: 'Rewards',
    path: '/rewards',
    permission: 'rewards:manage',
    heading: 'Rewards',
    api: '/api/v1/rewards/all',
  },
  {
    label: 'Campaigns',
    path: '/campaigns',
    permission: 'campaigns:read',
    heading: 'Campaigns',
    api: '/api/v1/campaigns',
  },
  {
    label: 'Segments',
    path: '/segments',
    permission: 'campaigns:read',
    heading: 'Segments',
    api: '/api/v1/segments',
  },
  {
    label: 'Programme',
    path: '/programme',
    permission: 'programme:read',
    heading: 'Programme',
    api: '/api/v1/programme',
  },
  {
    label: 'Ideas',
    path: '/ideas',
    permission: 'ideas:moderate',
    heading: 'Ideas',
    api: '/api/v1/admin/ideas/queue',
  },
  {
    label: 'Points liability',
    path: '/reports/liability',
    permission: 'reports:read',
    heading: 'Points liability',
    api: '/api/v1/reports/liability',
  },
  { label: 'Staff', path: '/staff', permission: 'staff:read', heading: 'Staff', api: '/api/v1/staff' },
  {
    label: 'POS keys',
    path: '/pos-keys',
    permission: 'pos-keys:read',
    heading: 'POS keys',
    api: '/api/v1/pos-keys',
  },
  {
    label: 'Audit log',
    path: '/audit',
    permission: 'audit:read',
    heading: 'Audit log',
    api: '/api/v1/audit',
  },
  { label: 'Outbox', path: '/outbox', permission: 'outbox:read', heading: 'Outbox', api: '/api/v1/outbox' },
  {
    label: 'Webhooks',
    path: '/webhooks',
    permission: 'webhooks:manage',
    heading: 'Webhooks',
    api: '/api/v1/admin/webhooks',
  },
  {
    label: 'Ledger check',
    path: '/ledger',
    permission: 'ledger:verify',
    heading: 'Ledger check',
    api: '/api/v1/admin/ledger/verify',
  },
];

export function pagesFor(role: StaffRole): ConsolePage[] {
  return CONSOLE_PAGES.filter((page) => can(role, page.permission));
}

export function pagesNotFor(role: StaffRole): ConsolePage[] {
  return CONSOLE_PAGES.filter((page) => !can(role, page.permission));
}
