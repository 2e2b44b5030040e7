import type { Campaign, CampaignStatus } from '@tally/domain';
import { DataTable, DateTime, Page, PagedList, Section, formatPoints } from '@tally/ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCampaigns } from '../api/get-campaigns';
import { CAMPAIGN_STATUSES, CAMPAIGN_STATUS_LABELS } from '../lib/campaign-status';
import { BudgetProgress } from './budget-progress';
import { StatusBadge } from './status-badge';

const COLUMNS = ['Campaign', 'Status', 'Window', 'Issued against budget', 'Not contributing because'];

/** Every campaign, newest first, filtered by status; only roles with `campaigns:manage` may create one. */
export function CampaignsPage({ canManage }: { canManage: boolean }) {
  const [status, setStatus] = useState<CampaignStatus | undefined>(undefined);
  const campaigns = useCampaigns({ status });
  const newButton = canManage ? (
    <Link to="/campaigns/new" className="button-link">
      New campaign
    </Link>
  ) : null;
  return (
    <Page title="Campaigns" lead="Bonus points for a time, a basket or a group of members, within a budget.">
      {newButton ? <div className="tally-actions">{newButton}</div> : null}
      <div role="group" aria-label="Show campaigns" className="campaign-filter">
        {[undefined, ...CAMPAIGN_STATUSES].map((value) => (
          <button
            key={value ?? 'all'}
            type="button"
            className="tally-button--secondary"
            aria-pressed={status === value}
            onClick={() => setStatus(value)}
          >
            {value ? CAMPAIGN_STATUS_LABELS[value] : 'All'}
          </button>
        ))}
      </div>
      <Section title={status ? `${CAMPAIGN_STATUS_LABELS[status]} campaigns` : 'All campaigns'}>
        <PagedList
          query={campaigns}
          noun="campaigns"
          loading="Loading campaigns…"
          empty={
            <>
              <p>
                {status
                  ? `No ${CAMPAIGN_STATUS_LABELS[status].toLowerCase()} campaigns.`
                  : 'No campaigns yet.'}
              </p>
              {newButton}
            </>
          }
        >
          {(items) => (
            <DataTable label="Campaigns" columns={COLUMNS}>
              {items.map((campaign) => (
                <CampaignRow key={campaign.id} campaign={campaign} />
              ))}
            </DataTable>
          )}
        </PagedList>
      </Section>
    </Page>
  );
}

function CampaignRow({ campaign }: { campaign: Campaign }) {
  const { definition } = campaign;
  return (
    <tr>
      <th scope="row">
        <Link to={`/campaigns/${campaign.id}`}>{definition.name}</Link>
        {definition.description ? <div className="tally-muted">{definition.description}</div> : null}
      </th>
      <td>
        <StatusBadge status={campaign.status} />
      </td>
      <td>
        <DateTime value={definition.window.startsAt} /> –{' '}
        {definition.window.endsAt ? <DateTime value={definition.window.endsAt} /> : 'no end date'}
      </td>
      <td>
        {definition.limits.budgetPoints === null ? (
          `${formatPoints(campaign.issuedPoints)} points, no budget`
        ) : (
          <BudgetProgress issued={campaign.issuedPoints} budget={definition.limits.budgetPoints} />
        )}
      </td>
      <td>
        {campaign.haltedReason ? <strong className="campaign-halted">{campaign.haltedReason}</strong> : '—'}
      </td>
    </tr>
  );
}
