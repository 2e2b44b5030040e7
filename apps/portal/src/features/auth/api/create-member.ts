import { MemberSchema, type AuthUser, type Member, type SignUpRequest } from '@tally/domain';
import { ApiError, applySignedIn, login, useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/** `POST /api/v1/members`: joins the programme; 409 `EMAIL_TAKEN` when the email has an account. */
export function createMember(client: ApiClient, body: SignUpRequest): Promise<Member> {
  return client.post('/api/v1/members', body, MemberSchema);
}

/** Joins, then signs in with the same credentials, so a new member lands on their own home page. */
export async function signUp(client: ApiClient, body: SignUpRequest): Promise<AuthUser> {
  await createMember(client, body);
  try {
    return await login(client, { email: body.email, password: body.password, audience: 'member' });
  } catch (cause) {
    throw new ApiError(
      {
        status: cause instanceof ApiError ? cause.status : 0,
        code: cause instanceof ApiError ? cause.code : 'NETWORK_ERROR',
        title: 'Your account is ready, but signing you in failed',
        detail: 'Sign in with the email and password you just chose.',
        requestId: cause instanceof ApiError ? cause.requestId : undefined,
      },
      { cause },
    );
  }
}

export function useSignUp() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignUpRequest) => signUp(client, body),
    onSuccess: (user) => applySignedIn(queryClient, client, user),
  });
}
