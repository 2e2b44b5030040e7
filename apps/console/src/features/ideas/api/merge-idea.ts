import { IdeaMergeResultSchema, type IdeaMergeResult, type MergeIdea } from '@tally/domain';
import type { ApiClient } from '@tally/ui';
import { staffIdeaPath } from './get-ideas';
import { useIdeaMutation, type IdeaAction } from './use-idea-mutation';

/**
 * `POST /api/v1/admin/ideas/:id/merge {targetId, response}`: the idea becomes a duplicate of the
 * target, which takes its votes and followers (members already there are counted once); 422
 * `IDEA_MERGE_REFUSED` (on `targetId`) for a target that cannot take it: itself, or one that is not
 * open or further along (waiting for review, shipped, declined, merged).
 */
export function mergeIdea(client: ApiClient, { id, body }: IdeaAction<MergeIdea>): Promise<IdeaMergeResult> {
  return client.post(`${staffIdeaPath(id)}/merge`, body, IdeaMergeResultSchema);
}

export function useMergeIdea() {
  return useIdeaMutation(mergeIdea);
}
