import { ideaTransition, type IdeaDetail } from '@tally/domain';
import { DateTime, Page, QueryState, Section, formatPoints } from '@tally/ui';
import { Link, useParams } from 'react-router';
import { useIdea } from '../api/get-idea';
import { categoryName, ideaName } from '../lib/idea-labels';
import { IdeaComments } from './idea-comments';
import { IdeaStateBadge } from './idea-state-badge';
import { IdeaStatusActions } from './idea-status-actions';
import { IdeaTagsForm } from './idea-tags-form';
import { MergeIdea } from './merge-idea';
import { StatusHistory } from './status-history';

/** `/ideas/:id`: the idea in any state, what staff may do with it next, and how it got here. */
export function IdeaDetailPage() {
  const { id = '' } = useParams();
  const idea = useIdea(id);
  return (
    <Page title={idea.data ? ideaName(idea.data) : 'Idea'}>
      <p>
        <Link to="/ideas">Back to ideas</Link>
      </p>
      <QueryState query={idea} loading="Loading the idea…">
        {(data) => <IdeaDetailView idea={data} />}
      </QueryState>
    </Page>
  );
}

function IdeaDetailView({ idea }: { idea: IdeaDetail }) {
  return (
    <>
      <Section title="The idea">
        <dl className="approval__facts">
          <div>
            <dt>State</dt>
            <dd>
              <IdeaStateBadge state={idea.state} />
            </dd>
          </div>
          <div>
            <dt>Author</dt>
            <dd>{idea.authorName}</dd>
          </div>
          <div>
            <dt>Category</dt>
            <dd>{categoryName(idea.category)}</dd>
          </div>
          <div>
            <dt>Votes</dt>
            <dd>{formatPoints(idea.votes)}</dd>
          </div>
          <div>
            <dt>Followers</dt>
            <dd>{formatPoints(idea.followers)}</dd>
          </div>
          <div>
            <dt>Comments</dt>
            <dd>{formatPoints(idea.commentCount)}</dd>
          </div>
          <div>
            <dt>Submitted</dt>
            <dd>
              <DateTime value={idea.createdAt} />
            </dd>
          </div>
          <div>
            <dt>Last status change</dt>
            <dd>
              <DateTime value={idea.lastStatusChangeAt} />
            </dd>
          </div>
          <div>
            <dt>Tags</dt>
            <dd>{idea.tags.length > 0 ? idea.tags.join(', ') : 'None'}</dd>
          </div>
        </dl>
        <p className="idea-text">{idea.description}</p>
      </Section>
      <Section title="Status">
        <IdeaStatusActions idea={idea} />
      </Section>
      {ideaTransition(idea.state, 'duplicate').allowed || idea.duplicateOf ? (
        <Section title="Merge as a duplicate">
          <MergeIdea idea={idea} />
        </Section>
      ) : null}
      <Section title="Tags">
        <IdeaTagsForm idea={idea} />
      </Section>
      <Section title="Status history">
        <StatusHistory changes={idea.statusHistory} />
      </Section>
      <Section title="Comments">
        <IdeaComments ideaId={idea.id} first={idea.comments} />
      </Section>
    </>
  );
}
