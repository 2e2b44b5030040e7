import type { IdeaReward, MyImpact, MyImpactIdea } from '@tally/domain';
import { DateTime, formatPoints, Page, QueryState, Section } from '@tally/ui';
import { useId } from 'react';
import { Link } from 'react-router';
import { useMyImpact } from '../api/get-my-impact';
import { IdeaStateBadge } from './idea-state-badge';
import { IdeaSummaryList } from './idea-summary-list';
import { IdeasNav } from './ideas-nav';

const BONUS: Record<IdeaReward['kind'], string> = {
  accepted: 'Accepted bonus',
  shipped: 'Shipped bonus',
};

const points = (n: number) => `${formatPoints(n)} ${n === 1 ? 'point' : 'points'}`;

/** One idea bonus in words: earned, waiting, taken back or held back by the quarterly cap. */
function RewardLine({ reward }: { reward: IdeaReward }) {
  const name = BONUS[reward.kind];
  switch (reward.state) {
    case 'pending':
      return (
        <>
          {name}: {points(reward.points)}, pending
          {reward.availableAt ? (
            <>
              {' '}
              until <DateTime value={reward.availableAt} />
            </>
          ) : null}
        </>
      );
    case 'available':
      return (
        <>
          {name}: {points(reward.points)} earned
        </>
      );
    case 'cancelled':
      return (
        <>
          {name}: {points(reward.points)} cancelled, as the idea was declined or merged within the hold period
        </>
      );
    case 'capped':
      return reward.points > 0 ? (
        <>
          {name}: {points(reward.points)} earned; the quarterly cap held back {points(reward.cappedPoints)}
        </>
      ) : (
        <>
          {name}: none this time, as you reached this quarter’s cap ({points(reward.cappedPoints)} held back)
        </>
      );
  }
}

function MyIdeaItem({ idea }: { idea: MyImpactIdea }) {
  const headingId = useId();
  return (
    <li aria-labelledby={headingId}>
      <h3 id={headingId} className="idea-card__title">
        <Link to={`/ideas/${idea.id}`}>{idea.title}</Link>
      </h3>
      <p>
        <IdeaStateBadge state={idea.state} /> {formatPoints(idea.supporters)}{' '}
        {idea.supporters === 1 ? 'supporter' : 'supporters'} · {formatPoints(idea.followers)}{' '}
        {idea.followers === 1 ? 'follower' : 'followers'}
      </p>
      {idea.rewards.length > 0 ? (
        <ul className="idea-rewards" aria-label={`Points for ${idea.title}`}>
          {idea.rewards.map((reward) => (
            <li key={`${reward.kind}-${reward.createdAt}`}>
              <RewardLine reward={reward} />
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function Impact({ impact }: { impact: MyImpact }) {
  const { totals } = impact;
  const shipped = impact.ideas.filter((idea) => idea.state === 'shipped');
  return (
    <>
      <Section title="At a glance">
        <dl className="tally-stats">
          <div>
            <dt>Ideas submitted</dt>
            <dd>{formatPoints(totals.ideas)}</dd>
          </div>
          <div>
            <dt>Supporters gained</dt>
            <dd>{formatPoints(totals.supportersGained)}</dd>
          </div>
          <div>
            <dt>Points earned from ideas</dt>
            <dd>{formatPoints(totals.pointsEarned)}</dd>
          </div>
          <div>
            <dt>Ideas shipped</dt>
            <dd>{formatPoints(totals.shipped)}</dd>
          </div>
        </dl>
        {totals.pointsPending > 0 ? (
          <p>{points(totals.pointsPending)} more are pending: they become yours when the hold period ends.</p>
        ) : null}
      </Section>
      <Section title="My ideas">
        {impact.ideas.length === 0 ? (
          <p>
            You have not submitted an idea yet. <Link to="/ideas/new">Submit an idea</Link>: when we take it
            up, you earn points.
          </p>
        ) : (
          <ul className="tally-list" aria-label="My ideas">
            {impact.ideas.map((idea) => (
              <MyIdeaItem key={idea.id} idea={idea} />
            ))}
          </ul>
        )}
      </Section>
      <Section title="What shipped">
        <h3>Your ideas</h3>
        <IdeaSummaryList
          ideas={shipped}
          label="Your ideas that shipped"
          empty="None of your ideas has shipped yet."
        />
        <h3>Ideas you voted for</h3>
        <IdeaSummaryList
          ideas={impact.shippedISupported}
          label="Ideas you voted for that shipped"
          empty="No idea you voted for has shipped yet."
        />
      </Section>
    </>
  );
}

export function MyImpactPage() {
  const impact = useMyImpact();
  return (
    <Page
      title="My impact"
      lead="Your ideas, the members who support them, the points they earned you and what shipped."
    >
      <IdeasNav />
      <QueryState query={impact} loading="Loading your impact…">
        {(data) => <Impact impact={data} />}
      </QueryState>
    </Page>
  );
}
