import type { AcceptInvitation, AuthUser } from '@tally/domain';
import { AUTH_PATHS, SignedInSchema, applySignedIn, useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/** Sets the invited person's password (and name, if they change it) and signs them in. */
export async function acceptInvitation(client: ApiClient, body: AcceptInvitation): Promise<AuthUser> {
  const { user } = await client.post(AUTH_PATHS.invitationAccept, body, SignedInSchema);
  return user;
}

export function useAcceptInvitation() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptInvitation) => acceptInvitation(client, body),
    onSuccess: (user) => applySignedIn(queryClient, client, user),
  });
}
