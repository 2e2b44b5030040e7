import { IDEA_CATEGORY_LABELS, type IdeaDetail } from '@tally/domain';
import { DateTime, formatPoints, Page, QueryState, Section, useSession, type SignInState } from '@tally/ui';
import { Link, useLocation, useParams } from 'react-router';
import { useIdea } from '../api/get-idea';
import { IdeaActions } from './idea-actions';
import { IdeaTags } from './idea-card';
import { AddIdeaComment, IdeaComments } from './idea-comments';
import { IdeaStateBadge } from './idea-state-badge';
import { IdeaStatusHistory } from './idea-status-history';
import { IdeasNav } from './ideas-nav';
import { ReportIdea } from './report-idea';
import type { SubmittedState } from './submit-idea-page';

/**
 * One idea. Everything members typed (title, description, comments, responses) is rendered as text:
 * markup shows as typed and never runs.
 */
export function IdeaDetailPage() {
  const { id = '' } = useParams();
  const idea = useIdea(id);
  return (
    <Page title={idea.data?.title ?? 'Idea'}>
      <IdeasNav />
      <QueryState query={idea} loading="Loading the idea…">
        {(data) => <IdeaView idea={data} />}
      </QueryState>
    </Page>
  );
}

function IdeaView({ idea }: { idea: IdeaDetail }) {
  // Undefined while the session is being checked: neither the buttons nor "Sign in" yet.
  const user = useSession().data;
  const signedIn = Boolean(user);
  const location = useLocation();
  const justSubmitted = (location.state as SubmittedState | null)?.submitted === true;
  // The API names the author only to the author (and staff).
  const mine = idea.authorId !== null;
  const signIn: SignInState = { from: `${location.pathname}${location.search}` };

  return (
    <>
      <p className="idea-meta">
        <IdeaStateBadge state={idea.state} /> <span className="tally-muted">#{idea.number}</span> ·{' '}
        {IDEA_CATEGORY_LABELS[idea.category]} · by {idea.authorName} · <DateTime value={idea.createdAt} />
      </p>
      {justSubmitted ? <p className="tally-notice">Thank you for your idea!</p> : null}
      {idea.state === 'pending_review' ? (
        <p className="tally-warning">
          {mine ? 'Your idea' : 'This idea'} is waiting for review. Until a moderator opens it for votes, only{' '}
          {mine ? 'you' : 'its author'} can see it; we will tell {mine ? 'you' : 'them'} when it is open.
        </p>
      ) : null}
      {idea.duplicateOf ? (
        <p className="tally-warning">
          This idea was merged into{' '}
          <Link to={`/ideas/${idea.duplicateOf.id}`}>
            #{idea.duplicateOf.number} {idea.duplicateOf.title}
          </Link>
          , which now carries its votes and followers.
        </p>
      ) : null}
      <div className="idea-text idea-description">{idea.description}</div>
      {idea.tags.length > 0 ? <IdeaTags tags={idea.tags} /> : null}
      {signedIn ? (
        <IdeaActions idea={idea} />
      ) : user === null ? (
        <p>
          <strong>{formatPoints(idea.votes)}</strong> {idea.votes === 1 ? 'vote' : 'votes'} ·{' '}
          <Link to="/sign-in" state={signIn}>
            Sign in to vote, follow and comment
          </Link>
        </p>
      ) : null}
      <Section title="Status history">
        <IdeaStatusHistory changes={idea.statusHistory} />
      </Section>
      <Section title={`Comments (${formatPoints(idea.commentCount)})`}>
        <IdeaComments idea={idea} />
        {signedIn ? <AddIdeaComment ideaId={idea.id} /> : null}
      </Section>
      {signedIn && !mine ? <ReportIdea ideaId={idea.id} /> : null}
    </>
  );
}
