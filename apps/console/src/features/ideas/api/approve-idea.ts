import { IdeaSchema, type ApproveIdea, type Idea } from '@tally/domain';
import type { ApiClient } from '@tally/ui';
import { staffIdeaPath } from './get-ideas';
import { useIdeaMutation, type IdeaAction } from './use-idea-mutation';

/**
 * `POST /api/v1/admin/ideas/:id/approve {markAuthorTrusted, response}`: an idea waiting for review
 * opens for votes; a flagged public one stays as it is with its flags cleared. 409
 * `IDEA_TRANSITION_REFUSED` when neither is true any more (someone else decided first).
 */
export function approveIdea(client: ApiClient, { id, body }: IdeaAction<ApproveIdea>): Promise<Idea> {
  return client.post(`${staffIdeaPath(id)}/approve`, body, IdeaSchema);
}

export function useApproveIdea() {
  return useIdeaMutation(approveIdea);
}
