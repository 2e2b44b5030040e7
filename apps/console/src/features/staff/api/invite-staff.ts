import { StaffUserSchema, type InviteStaff, type StaffUser } from '@tally/domain';
import type { ApiClient } from '@tally/ui';
import { useStaffMutation } from './use-staff-mutation';

/** Creates the account as `invited` and puts an invitation email in the outbox. */
export function inviteStaff(client: ApiClient, body: InviteStaff): Promise<StaffUser> {
  return client.post('/api/v1/staff/invitations', body, StaffUserSchema);
}

export function useInviteStaff() {
  return useStaffMutation(inviteStaff);
}
