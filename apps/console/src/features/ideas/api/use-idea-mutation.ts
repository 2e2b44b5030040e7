import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IDEAS_KEY } from './get-ideas';

/** A staff action on one idea: its id and the request body. */
export interface IdeaAction<Body> {
  id: string;
  body: Body;
}

/**
 * Every staff change to an idea (a decision, a status, a merge, tags, an answer) may move it between
 * the queue, the lists and another idea's page, so all ideas queries are read again — after a refusal
 * too, since a refusal usually means someone else changed the idea first.
 */
export function useIdeaMutation<Variables, Result>(
  send: (client: ApiClient, variables: Variables) => Promise<Result>,
) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: Variables) => send(client, variables),
    onSettled: () => queryClient.invalidateQueries({ queryKey: IDEAS_KEY }),
  });
}
