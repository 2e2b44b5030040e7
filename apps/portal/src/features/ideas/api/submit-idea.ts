import { IdeaSchema, type Idea, type SubmitIdea } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IDEAS_KEY } from './get-ideas';

/** `POST /api/v1/ideas`: a new idea, `open` at once for trusted members, else `pending_review`. */
export function submitIdea(client: ApiClient, body: SubmitIdea): Promise<Idea> {
  return client.post('/api/v1/ideas', body, IdeaSchema);
}

export function useSubmitIdea() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitIdea) => submitIdea(client, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: IDEAS_KEY }),
  });
}
