import { LoginResponseSchema, type AuthUser, type LoginRequest } from '@tally/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiClient } from '../../api-client.js';
import { useApiClient } from '../../api-client-context.js';
import { applySignedIn } from '../session-cache.js';
import { AUTH_PATHS } from '../tally-api-client.js';

/**
 * Only `user` is read: the tokens in the body are for API clients without cookies, and parsing with
 * `pick` drops them, so the browser apps never hold one in memory.
 */
export const SignedInSchema = LoginResponseSchema.pick({ user: true });

export async function login(client: ApiClient, body: LoginRequest): Promise<AuthUser> {
  const { user } = await client.post(AUTH_PATHS.login, body, SignedInSchema);
  return user;
}

export function useLogin() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => login(client, body),
    onSuccess: (user) => applySignedIn(queryClient, client, user),
  });
}
