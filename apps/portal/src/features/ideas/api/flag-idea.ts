import { IdeaFlagResultSchema, type FlagIdea, type IdeaFlagResult } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IDEAS_KEY } from './get-ideas';

/** `POST /api/v1/ideas/:id/flags`: report an idea to the moderators, once per member. */
export function flagIdea(client: ApiClient, id: string, body: FlagIdea): Promise<IdeaFlagResult> {
  return client.post(`/api/v1/ideas/${encodeURIComponent(id)}/flags`, body, IdeaFlagResultSchema);
}

export function useFlagIdea(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FlagIdea) => flagIdea(client, id, body),
    // Enough flags send an idea back to review, off the board.
    onSuccess: (result) =>
      result.returnedToReview ? queryClient.invalidateQueries({ queryKey: IDEAS_KEY }) : undefined,
  });
}
