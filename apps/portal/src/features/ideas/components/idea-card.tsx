import { IDEA_CATEGORY_LABELS, type Idea } from '@tally/domain';
import { formatPoints } from '@tally/ui';
import { useId } from 'react';
import { Link } from 'react-router';
import { IdeaStateBadge } from './idea-state-badge';

const count = (n: number, one: string, many: string) => `${formatPoints(n)} ${n === 1 ? one : many}`;

/** One idea on the board: its title links to it; a tag filters the board by that tag. */
export function IdeaCard({ idea }: { idea: Idea }) {
  const headingId = useId();
  return (
    <li className="idea-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="idea-card__title">
        <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
      </h3>
      <p className="idea-card__meta">
        <IdeaStateBadge state={idea.state} /> <span className="tally-muted">#{idea.number}</span> ·{' '}
        {IDEA_CATEGORY_LABELS[idea.category]} · by {idea.authorName}
      </p>
      <p className="idea-card__counts">
        <span>{count(idea.votes, 'vote', 'votes')}</span> ·{' '}
        <span>{count(idea.commentCount, 'comment', 'comments')}</span>
        {idea.viewerVoted ? <span className="tally-badge tally-badge--ok">You voted</span> : null}
      </p>
      {idea.tags.length > 0 ? <IdeaTags tags={idea.tags} /> : null}
    </li>
  );
}

export function IdeaTags({ tags }: { tags: readonly string[] }) {
  return (
    <ul className="idea-tags" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          <Link
            to={`/ideas?tag=${encodeURIComponent(tag)}`}
            className="idea-tag"
            aria-label={`Ideas tagged ${tag}`}
          >
            {tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
