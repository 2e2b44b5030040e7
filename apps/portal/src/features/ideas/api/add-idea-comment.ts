import { IdeaCommentSchema, type CreateIdeaComment, type IdeaComment } from '@tally/domain';
import { useApiClient, type ApiClient } from '@tally/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ideaKey } from './get-idea';

/** `POST /api/v1/ideas/:id/comments`. Commenting does not follow the idea. */
export function addIdeaComment(client: ApiClient, id: string, body: CreateIdeaComment): Promise<IdeaComment> {
  return client.post(`/api/v1/ideas/${encodeURIComponent(id)}/comments`, body, IdeaCommentSchema);
}

export function useAddIdeaComment(id: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIdeaComment) => addIdeaComment(client, id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ideaKey(id) }),
  });
}
