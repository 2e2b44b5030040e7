import { IdeaSchema, type DeclineSpam, type Idea } from '@tally/domain';
import type { ApiClient } from '@tally/ui';
import { staffIdeaPath } from './get-ideas';
import { useIdeaMutation, type IdeaAction } from './use-idea-mutation';

/**
 * `POST /api/v1/admin/ideas/:id/decline-spam {blockAuthor, response}`: declined, and the author
 * blocked from the board when asked; 409 `IDEA_TRANSITION_REFUSED` when the idea can no longer be declined.
 */
export function declineSpam(client: ApiClient, { id, body }: IdeaAction<DeclineSpam>): Promise<Idea> {
  return client.post(`${staffIdeaPath(id)}/decline-spam`, body, IdeaSchema);
}

export function useDeclineSpam() {
  return useIdeaMutation(declineSpam);
}
