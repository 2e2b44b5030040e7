import { ApprovalSchema, type Approval } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { APPROVALS_KEY } from './get-approvals';

export interface ApproveVariables {
  id: string;
  /** Optional when approving. */
  body: { reason?: string };
}

/** The award is made now; 409 `ALREADY_DONE` when someone decided first. */
export function approveApproval(client: ApiClient, { id, body }: ApproveVariables): Promise<Approval> {
  return client.post(`/api/v1/approvals/${encodeURIComponent(id)}/approve`, body, ApprovalSchema);
}

export function useApproveApproval() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: ApproveVariables) => approveApproval(client, variables),
    // After ALREADY_DONE, too: the list is out of date either way.
    onSettled: () => queryClient.invalidateQueries({ queryKey: APPROVALS_KEY }),
  });
}
