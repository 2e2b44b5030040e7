import { IdeaSchema, type Idea } from '@tally/domain';
import type { ApiClient } from '@tally/ui';
import { useIdeaToggle } from './idea-toggle';

const followPath = (id: string) => `/api/v1/ideas/${encodeURIComponent(id)}/follow`;

/** `PUT /api/v1/ideas/:id/follow`: be told when the idea changes state. */
export function followIdea(client: ApiClient, id: string): Promise<Idea> {
  return client.put(followPath(id), {}, IdeaSchema);
}

/** `DELETE /api/v1/ideas/:id/follow`. */
export function unfollowIdea(client: ApiClient, id: string): Promise<Idea> {
  return client.delete(followPath(id), IdeaSchema);
}

export function useFollow(id: string) {
  return useIdeaToggle(id, {
    on: followIdea,
    off: unfollowIdea,
    apply: (idea, follows) =>
      idea.viewerFollows === follows
        ? idea
        : { ...idea, viewerFollows: follows, followers: Math.max(0, idea.followers + (follows ? 1 : -1)) },
  });
}
