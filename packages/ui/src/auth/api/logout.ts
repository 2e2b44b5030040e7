import { useMutation, useQueryClient } from '@tanstack/react-query';
import { NoContentSchema, type ApiClient } from '../../api-client.js';
import { useApiClient } from '../../api-client-context.js';
import { applySignedOut } from '../session-cache.js';
import { AUTH_PATHS } from '../tally-api-client.js';

export function logout(client: ApiClient): Promise<undefined> {
  return client.post(AUTH_PATHS.logout, {}, NoContentSchema);
}

/**
 * `beforeSignedOut` runs once the server ended the session and before the cache says "signed out", so
 * the app can leave a guarded page first (otherwise the guard would send the user to sign in).
 */
export function useLogout({ beforeSignedOut }: { beforeSignedOut?: () => void } = {}) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => logout(client),
    onSuccess: () => {
      beforeSignedOut?.();
      applySignedOut(queryClient, client);
    },
  });
}
