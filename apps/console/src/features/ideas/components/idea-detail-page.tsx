import { ideaTransition, type IdeaDetail } from '@tally/domain';
import { DateTime, Page, QueryState, Section, formatPoints } from '@tally/ui';
import { Link, useParams } from 'react-router';
import { useIdea } from '../api/get-idea';
import { categoryName, ideaName } from '../lib/idea-labels';
import { AuthorBonuses } from './author-bonuses';
import { Facts } from './facts';
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
        <Facts
          items={[
            ['State', <IdeaStateBadge state={idea.state} />],
            ['Author', idea.authorName],
            ['Category', categoryName(idea.category)],
            ['Votes', formatPoints(idea.votes)],
            ['Followers', formatPoints(idea.followers)],
            ['Comments', formatPoints(idea.commentCount)],
            ['Submitted', <DateTime value={idea.createdAt} />],
            ['Last status change', <DateTime value={idea.lastStatusChangeAt} />],
            ['Tags', idea.tags.length > 0 ? idea.tags.join(', ') : 'None'],
          ]}
        />
        <p className="idea-text">{idea.description}</p>
      </Section>
      <Section title="Status">
        <IdeaStatusActions idea={idea} />
      </Section>
      <Section title="Author’s bonuses">
        <AuthorBonuses ideaId={idea.id} />
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
