import { IdeaSchema, type ChangeIdeaStatus, type Idea } from '@tally/domain';
import type { ApiClient } from '@tally/ui';
import { staffIdeaPath } from './get-ideas';
import { useIdeaMutation, type IdeaAction } from './use-idea-mutation';

/**
 * `POST /api/v1/admin/ideas/:id/status {to, response}`: one step along the idea's path, or declined,
 * or a declined one reopened; followers are told. 409 `IDEA_TRANSITION_REFUSED` when the idea moved meanwhile.
 */
export function changeIdeaStatus(
  client: ApiClient,
  { id, body }: IdeaAction<ChangeIdeaStatus>,
): Promise<Idea> {
  return client.post(`${staffIdeaPath(id)}/status`, body, IdeaSchema);
}

export function useChangeIdeaStatus() {
  return useIdeaMutation(changeIdeaStatus);
}
