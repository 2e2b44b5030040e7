import { IdeaSchema, type Idea } from '@tally/domain';
import type { ApiClient } from '@tally/ui';
import { useIdeaToggle } from './idea-toggle';

const votePath = (id: string) => `/api/v1/ideas/${encodeURIComponent(id)}/vote`;

/** `PUT /api/v1/ideas/:id/vote`: one vote per member (voting again changes nothing); it follows the idea too. */
export function voteForIdea(client: ApiClient, id: string): Promise<Idea> {
  return client.put(votePath(id), {}, IdeaSchema);
}

/** `DELETE /api/v1/ideas/:id/vote`: withdraw the vote while the idea is open. */
export function withdrawVote(client: ApiClient, id: string): Promise<Idea> {
  return client.delete(votePath(id), IdeaSchema);
}

/** Vote (`mutate(true)`) or withdraw (`mutate(false)`), with the count changed at once. */
export function useVote(id: string) {
  return useIdeaToggle(id, {
    on: voteForIdea,
    off: withdrawVote,
    apply: (idea, voted) =>
      idea.viewerVoted === voted
        ? idea
        : { ...idea, viewerVoted: voted, votes: Math.max(0, idea.votes + (voted ? 1 : -1)) },
  });
}
