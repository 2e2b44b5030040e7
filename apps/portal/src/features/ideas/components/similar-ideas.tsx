import { formatPoints } from '@tally/ui';
import { useId } from 'react';
import { Link } from 'react-router';
import { useSimilarIdeas } from '../api/get-similar-ideas';
import { IdeaStateBadge } from './idea-state-badge';

/**
 * Open ideas like the title typed so far (`title` is already debounced), so the member can vote for
 * one instead of writing it again. Announced politely once, as a count; the list itself is not live.
 */
export function SimilarIdeas({ title }: { title: string }) {
  const headingId = useId();
  const similar = useSimilarIdeas(title);
  const items = similar.isSuccess ? similar.data.items : [];
  return (
    <>
      <p role="status" className="tally-visually-hidden">
        {items.length === 0
          ? ''
          : `${items.length} similar ${items.length === 1 ? 'idea' : 'ideas'} found below the title.`}
      </p>
      {items.length > 0 ? (
        <section aria-labelledby={headingId} className="tally-card similar-ideas">
          <h2 id={headingId}>Is it one of these? Vote for it instead</h2>
          <ul className="tally-list">
            {items.map((idea) => (
              <li key={idea.id}>
                <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>{' '}
                <span className="tally-muted">
                  <IdeaStateBadge state={idea.state} /> · {formatPoints(idea.votes)}{' '}
                  {idea.votes === 1 ? 'vote' : 'votes'}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
