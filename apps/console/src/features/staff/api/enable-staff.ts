import { StaffUserSchema, type StaffUser } from '@tally/domain';
import type { ApiClient } from '@tally/ui';
import type { StaffReasonVariables } from './disable-staff';
import { useStaffMutation } from './use-staff-mutation';

export function enableStaff(client: ApiClient, { id, body }: StaffReasonVariables): Promise<StaffUser> {
  return client.post(`/api/v1/staff/${encodeURIComponent(id)}/enable`, body, StaffUserSchema);
}

export function useEnableStaff() {
  return useStaffMutation(enableStaff);
}
