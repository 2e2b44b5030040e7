import { StaffUserSchema, type StaffUser, type UpdateStaff } from '@tally/domain';
import type { ApiClient } from '@tally/ui';
import { useStaffMutation } from './use-staff-mutation';

export interface UpdateStaffVariables {
  id: string;
  body: UpdateStaff;
}

/** Changes the role or the stores; 409 `LAST_ADMIN` when it would leave no active admin. */
export function updateStaff(client: ApiClient, { id, body }: UpdateStaffVariables): Promise<StaffUser> {
  return client.patch(`/api/v1/staff/${encodeURIComponent(id)}`, body, StaffUserSchema);
}

export function useUpdateStaff() {
  return useStaffMutation(updateStaff);
}
