import { AcceptedSchema, type PasswordResetRequest } from '@tally/domain';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApiClient } from '../../api-client.js';
import { useApiClient } from '../../api-client-context.js';
import { AUTH_PATHS } from '../tally-api-client.js';

export type Accepted = z.infer<typeof AcceptedSchema>;

/** Always the same answer, whether or not the email has an account. */
export function requestPasswordReset(client: ApiClient, body: PasswordResetRequest): Promise<Accepted> {
  return client.post(AUTH_PATHS.passwordReset, body, AcceptedSchema);
}

export function useRequestPasswordReset() {
  const client = useApiClient();
  return useMutation({ mutationFn: (body: PasswordResetRequest) => requestPasswordReset(client, body) });
}
