import { campaignEditable, type Campaign } from '@tally/domain';
import { Page, QueryState, Section } from '@tally/ui';
import { Link, useLocation, useParams } from 'react-router';
import { useProgramme } from '../../../lib/programme';
import { segmentName, useSegmentChoices } from '../../../lib/segments';
import { useCampaign } from '../api/get-campaign';
import { describeCampaign } from '../lib/describe-campaign';
import { CampaignActions } from './campaign-actions';
import { CampaignDashboard } from './campaign-dashboard';
import type { SavedState } from './campaign-editor-page';
import { CampaignHistory } from './campaign-history';
import { CampaignSimulations } from './campaign-simulations';
import { StatusBadge } from './status-badge';

/** `/campaigns/:id`: what the campaign does, where it stands, what it has cost and how it got here. */
export function CampaignDetailPage({ canManage }: { canManage: boolean }) {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  return (
    <Page title={campaign.data?.definition.name ?? 'Campaign'}>
      <p>
        <Link to="/campaigns">Back to campaigns</Link>
      </p>
      <QueryState query={campaign} loading="Loading the campaign…">
        {(data) => <CampaignDetail campaign={data} canManage={canManage} />}
      </QueryState>
    </Page>
  );
}

/**
 * After a save the editor navigates here: the page's heading takes focus (as after any navigation) and
 * this line is announced.
 */
function SavedNotice() {
  const state = useLocation().state as SavedState | null;
  return state?.saved ? (
    <p role="status" className="tally-notice">
      {state.saved}
    </p>
  ) : null;
}

function CampaignDetail({ campaign, canManage }: { campaign: Campaign; canManage: boolean }) {
  const programme = useProgramme();
  const segments = useSegmentChoices({ enabled: campaign.definition.audience.segments.length > 0 });
  const summary = describeCampaign(campaign.definition, {
    tiers: programme.data?.tiers ?? [],
    currency: programme.data?.currency ?? 'GBP',
    segmentName: (id) => (segments.data ? segmentName(segments.data, id) : 'a segment'),
  });
  return (
    <>
      <SavedNotice />
      {campaign.haltedReason ? (
        <div className="tally-warning campaign-halted" role="note" aria-label="Not contributing">
          <p>
            <strong>Not contributing: {campaign.haltedReason}</strong>
          </p>
          <p>The campaign is {campaign.status}, but sales earn nothing from it until this changes.</p>
        </div>
      ) : null}
      <Section title="Status">
        <p>
          <StatusBadge status={campaign.status} />{' '}
          <span className="tally-muted">Version {campaign.version}</span>
        </p>
        {campaign.definition.description ? <p>{campaign.definition.description}</p> : null}
        {canManage ? <CampaignActions campaign={campaign} /> : null}
        {canManage && campaignEditable(campaign.status) ? (
          <p>
            <Link to={`/campaigns/${campaign.id}/edit`}>Edit the campaign</Link>
          </p>
        ) : null}
      </Section>
      <Section title="What it does">
        <dl className="campaign-summary">
          {summary.map(([term, description]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{description}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <CampaignSimulations campaignId={campaign.id} canManage={canManage} />
      <CampaignDashboard id={campaign.id} live={campaign.status === 'live'} />
      <CampaignHistory id={campaign.id} />
    </>
  );
}
