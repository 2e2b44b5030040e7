import { ProgrammeSchema, type IdeaRewardSettings, type Programme } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { programmeQueryOptions } from '../../../lib/programme';

/**
 * `PUT /api/v1/programme` with only the idea bonuses changed. Idea bonuses are internal settings (not
 * announced with notice), so they are saved at once; 422 `VALIDATION_FAILED` names `ideas.<field>`.
 * PUT replaces the whole programme, so the programme is read afresh first: a cached copy could carry
 * settings an announced change has since applied, and would quietly put them back.
 */
export async function updateIdeaBonuses(client: ApiClient, ideas: IdeaRewardSettings): Promise<Programme> {
  const current = await client.get('/api/v1/programme', ProgrammeSchema);
  return client.put('/api/v1/programme', { ...current, ideas }, ProgrammeSchema);
}

export function useUpdateIdeaBonuses() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ideas: IdeaRewardSettings) => updateIdeaBonuses(client, ideas),
    onSuccess: (saved) => queryClient.setQueryData(programmeQueryOptions(client).queryKey, saved),
  });
}
