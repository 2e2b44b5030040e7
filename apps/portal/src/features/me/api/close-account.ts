import type { CloseAccount } from '@tally/domain';
import { NoContentSchema, applySignedOut, useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/** `POST /api/v1/me/close`: personal data erased, points lost, ledger records kept anonymously. */
export function closeAccount(client: ApiClient, body: CloseAccount): Promise<undefined> {
  return client.post('/api/v1/me/close', body, NoContentSchema);
}

/** `beforeSignedOut` lets the page leave the guarded route before the session reads "signed out". */
export function useCloseAccount({ beforeSignedOut }: { beforeSignedOut?: () => void } = {}) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CloseAccount) => closeAccount(client, body),
    onSuccess: () => {
      beforeSignedOut?.();
      applySignedOut(queryClient, client);
    },
  });
}
