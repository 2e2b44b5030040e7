import {
  MEMBER_FACING_SETTINGS,
  ProgrammeChangeSchema,
  ProgrammeSchema,
  RewardSchema,
  type ProgrammeChange,
  type ProgrammeChangeRequest,
  type Reward,
} from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/** Under the programme's own key, so announcing or withdrawing refreshes the programme too. */
export const PROGRAMME_CHANGES_KEY = ['programme', 'changes'] as const;
const CHANGES_PATH = '/api/v1/programme/changes';

/** `GET /api/v1/programme/changes`: announced, applied and withdrawn changes. */
export function getProgrammeChanges(
  client: ApiClient,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ProgrammeChange[]> {
  return client.get(CHANGES_PATH, ProgrammeChangeSchema.array(), { signal });
}

export function useProgrammeChanges() {
  const client = useApiClient();
  return useQuery(
    queryOptions({
      queryKey: PROGRAMME_CHANGES_KEY,
      queryFn: ({ signal }) => getProgrammeChanges(client, { signal }),
    }),
  );
}

/**
 * `POST /api/v1/programme/changes` → 201; 422 `PROGRAMME_NOTICE_TOO_SHORT` names `effectiveAt` with the
 * earliest date allowed when the change is worse for members and comes too soon.
 */
export function announceProgrammeChange(
  client: ApiClient,
  request: ProgrammeChangeRequest,
): Promise<ProgrammeChange> {
  return client.post(CHANGES_PATH, request, ProgrammeChangeSchema);
}

/**
 * Announces the member-facing settings of `request` on top of the programme as saved now: only those
 * are announced, and the API refuses a request whose other settings differ from the saved ones, which
 * a copy read earlier may (idea bonuses saved meanwhile, say).
 */
export async function announceOnCurrent(
  client: ApiClient,
  request: ProgrammeChangeRequest,
): Promise<ProgrammeChange> {
  const current = await client.get('/api/v1/programme', ProgrammeSchema);
  const announced = Object.fromEntries(MEMBER_FACING_SETTINGS.map((k) => [k, request.programme[k]]));
  return announceProgrammeChange(client, { ...request, programme: { ...current, ...announced } });
}

/** `POST /api/v1/programme/changes/:id/withdraw`: only an announced change can be withdrawn. */
export function withdrawProgrammeChange(client: ApiClient, id: string): Promise<ProgrammeChange> {
  return client.post(`${CHANGES_PATH}/${encodeURIComponent(id)}/withdraw`, {}, ProgrammeChangeSchema);
}

function useRefreshProgramme() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['programme'] });
}

export function useAnnounceProgrammeChange() {
  const client = useApiClient();
  const refresh = useRefreshProgramme();
  return useMutation({
    mutationFn: (request: ProgrammeChangeRequest) => announceOnCurrent(client, request),
    onSuccess: refresh,
  });
}

export function useWithdrawProgrammeChange() {
  const client = useApiClient();
  const refresh = useRefreshProgramme();
  return useMutation({
    mutationFn: (id: string) => withdrawProgrammeChange(client, id),
    onSuccess: refresh,
  });
}

/** `GET /api/v1/rewards/all` (`rewards:manage`): the prices a change may also raise or lower. */
export function useRewardPrices(enabled: boolean) {
  const client = useApiClient();
  return useQuery(
    queryOptions({
      queryKey: ['rewards', 'all'] as const,
      queryFn: ({ signal }): Promise<Reward[]> =>
        client.get('/api/v1/rewards/all', RewardSchema.array(), { signal }),
      enabled,
    }),
  );
}
