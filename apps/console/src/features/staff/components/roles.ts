import { StaffRoles, type StaffRole } from '@tally/domain';
import type { Option } from '@tally/ui';

const ROLE_LABELS: Record<StaffRole, string> = {
  cashier: 'Cashier',
  marketing: 'Marketing',
  manager: 'Manager',
  admin: 'Admin',
};

export function roleLabel(role: StaffRole): string {
  return ROLE_LABELS[role];
}

export const ROLE_OPTIONS: readonly Option[] = StaffRoles.map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
}));

export const STORES_HINT =
  'Cashiers and managers need at least one store; marketing and admins work across all stores.';
