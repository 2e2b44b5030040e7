import type { PasswordResetConfirm } from '@tally/domain';
import { useMutation } from '@tanstack/react-query';
import { NoContentSchema, type ApiClient } from '../../api-client.js';
import { useApiClient } from '../../api-client-context.js';
import { AUTH_PATHS } from '../tally-api-client.js';

export function confirmPasswordReset(client: ApiClient, body: PasswordResetConfirm): Promise<undefined> {
  return client.post(AUTH_PATHS.passwordResetConfirm, body, NoContentSchema);
}

export function useConfirmPasswordReset() {
  const client = useApiClient();
  return useMutation({ mutationFn: (body: PasswordResetConfirm) => confirmPasswordReset(client, body) });
}
