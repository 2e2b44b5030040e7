import type { CampaignAction, CampaignStatus } from '@tally/domain';

export const CAMPAIGN_STATUSES: readonly CampaignStatus[] = ['draft', 'scheduled', 'live', 'paused', 'ended'];

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  live: 'Live',
  paused: 'Paused',
  ended: 'Ended',
};

export const CAMPAIGN_ACTION_LABELS: Record<CampaignAction, string> = {
  schedule: 'Schedule',
  unschedule: 'Back to draft',
  pause: 'Pause',
  resume: 'Resume',
  end: 'End campaign',
};

/** What a finished action did, announced after it: "Campaign paused." */
export const CAMPAIGN_ACTION_DONE: Record<CampaignAction, string> = {
  schedule: 'Campaign scheduled.',
  unschedule: 'Campaign back to draft.',
  pause: 'Campaign paused.',
  resume: 'Campaign resumed.',
  end: 'Campaign ended.',
};

export function statusBadgeClass(status: CampaignStatus): string {
  if (status === 'live') return 'tally-badge tally-badge--ok';
  if (status === 'paused') return 'tally-badge tally-badge--bad';
  return 'tally-badge';
}
