import { ApprovalSchema, type Approval } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { APPROVALS_KEY } from './get-approvals';

export interface DenyVariables {
  id: string;
  /** Required (at least 3 characters): the cashier and the audit log see it. */
  body: { reason: string };
}

/** 409 `ALREADY_DONE` when someone decided first. */
export function denyApproval(client: ApiClient, { id, body }: DenyVariables): Promise<Approval> {
  return client.post(`/api/v1/approvals/${encodeURIComponent(id)}/deny`, body, ApprovalSchema);
}

export function useDenyApproval() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: DenyVariables) => denyApproval(client, variables),
    onSettled: () => queryClient.invalidateQueries({ queryKey: APPROVALS_KEY }),
  });
}
