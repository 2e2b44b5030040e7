import { StaffUserSchema, type ReasonBody, type StaffUser } from '@tally/domain';
import type { ApiClient } from '@tally/ui';
import { useStaffMutation } from './use-staff-mutation';

export interface StaffReasonVariables {
  id: string;
  body: ReasonBody;
}

/** Ends the account's sessions and refuses its sign-ins; 409 `LAST_ADMIN` for the last active admin. */
export function disableStaff(client: ApiClient, { id, body }: StaffReasonVariables): Promise<StaffUser> {
  return client.post(`/api/v1/staff/${encodeURIComponent(id)}/disable`, body, StaffUserSchema);
}

export function useDisableStaff() {
  return useStaffMutation(disableStaff);
}
