import type { StaffUser } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { staffQueryOptions } from './get-staff';

/** Every change to a staff account answers with the account; the staff list is then read again. */
export function useStaffMutation<Variables>(
  send: (client: ApiClient, variables: Variables) => Promise<StaffUser>,
) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: Variables) => send(client, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffQueryOptions(client).queryKey }),
  });
}
