import type { Idea, IdeaDetail } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IDEAS_KEY } from './get-ideas';
import { ideaKey } from './get-idea';

export interface IdeaToggle {
  /** Switch on (`true`: vote, follow) or off (withdraw, unfollow). */
  on: (client: ApiClient, id: string) => Promise<Idea>;
  off: (client: ApiClient, id: string) => Promise<Idea>;
  /** The idea as it will be once the API agrees, shown at once. */
  apply: (idea: IdeaDetail, on: boolean) => IdeaDetail;
}

/**
 * A yes/no the member sets on an idea (a vote, a follow): the page shows the change at once and puts
 * the old picture back if the API refuses; either way the idea and the lists are read again after.
 */
export function useIdeaToggle(id: string, { on, off, apply }: IdeaToggle) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: boolean) => (value ? on(client, id) : off(client, id)),
    onMutate: async (value: boolean) => {
      await queryClient.cancelQueries({ queryKey: ideaKey(id), exact: true });
      const before = queryClient.getQueryData<IdeaDetail>(ideaKey(id));
      if (before) queryClient.setQueryData<IdeaDetail>(ideaKey(id), apply(before, value));
      return { before };
    },
    // The API answers with the idea as it now is (a vote also follows it): take that in at once.
    onSuccess: (idea: Idea) =>
      queryClient.setQueryData<IdeaDetail>(ideaKey(id), (current) =>
        current ? { ...current, ...idea } : current,
      ),
    onError: (_error, _value, context) => {
      if (context?.before) queryClient.setQueryData(ideaKey(id), context.before);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: IDEAS_KEY }),
  });
}
