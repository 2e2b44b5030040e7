import { IdeaCommentSchema, type CreateIdeaComment, type IdeaComment } from '@tally/domain';
import type { ApiClient } from '@tally/ui';
import { staffIdeaPath } from './get-ideas';
import { useIdeaMutation, type IdeaAction } from './use-idea-mutation';

/** `POST /api/v1/admin/ideas/:id/answers {body}`: a comment marked as a staff answer, under the staff member's name. */
export function answerIdea(
  client: ApiClient,
  { id, body }: IdeaAction<CreateIdeaComment>,
): Promise<IdeaComment> {
  return client.post(`${staffIdeaPath(id)}/answers`, body, IdeaCommentSchema);
}

export function useAnswerIdea() {
  return useIdeaMutation(answerIdea);
}
