import type { CampaignStats } from '@tally/domain';
import { QueryState, Section, formatPoints } from '@tally/ui';
import { campaignStatsCsvPath, useCampaignStats } from '../api/get-campaign-stats';
import { formatMinor } from '../../../lib/money';
import { BudgetProgress } from './budget-progress';
import { IssuedChart } from './issued-chart';

/** What the campaign has given and cost so far, and what its members did next. */
export function CampaignDashboard({ id, live }: { id: string; live: boolean }) {
  const stats = useCampaignStats(id, { live });
  return (
    <Section title="Results">
      <QueryState query={stats} loading="Loading the results…">
        {(data) => <Results stats={data} />}
      </QueryState>
      <p>
        <a href={campaignStatsCsvPath(id)} download>
          Download the results (CSV)
        </a>
      </p>
    </Section>
  );
}

function Results({ stats }: { stats: CampaignStats }) {
  return (
    <>
      <dl className="tally-stats campaign-figures">
        <div>
          <dt>Points issued</dt>
          <dd>{formatPoints(stats.issuedPoints)}</dd>
        </div>
        <div>
          <dt>Budget left</dt>
          <dd>{stats.budgetRemaining === null ? 'No budget' : formatPoints(stats.budgetRemaining)}</dd>
        </div>
        <div>
          <dt>Members taking part</dt>
          <dd>{formatPoints(stats.participatingMembers)}</dd>
        </div>
        <div>
          <dt>Receipts</dt>
          <dd>{formatPoints(stats.receipts)}</dd>
        </div>
        <div>
          <dt>Cost at point value</dt>
          <dd>{formatMinor(stats.cost, stats.currency)}</dd>
        </div>
        <div>
          <dt>Redemptions that followed</dt>
          <dd>
            {formatPoints(stats.redemptionsAfter.points)} points by{' '}
            {formatPoints(stats.redemptionsAfter.members)}{' '}
            {stats.redemptionsAfter.members === 1 ? 'member' : 'members'}
          </dd>
        </div>
      </dl>
      {stats.budgetPoints !== null ? (
        <BudgetProgress issued={stats.issuedPoints} budget={stats.budgetPoints} />
      ) : null}
      <IssuedChart stats={stats} />
    </>
  );
}
