import { IdeaSchema, type Idea, type UpdateIdeaTags } from '@tally/domain';
import type { ApiClient } from '@tally/ui';
import { staffIdeaPath } from './get-ideas';
import { useIdeaMutation, type IdeaAction } from './use-idea-mutation';

/** `PUT /api/v1/admin/ideas/:id/tags {tags}`: replaces the idea's tags (at most five slugs). */
export function updateIdeaTags(client: ApiClient, { id, body }: IdeaAction<UpdateIdeaTags>): Promise<Idea> {
  return client.put(`${staffIdeaPath(id)}/tags`, body, IdeaSchema);
}

export function useUpdateIdeaTags() {
  return useIdeaMutation(updateIdeaTags);
}
