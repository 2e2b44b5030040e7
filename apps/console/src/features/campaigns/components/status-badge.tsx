import type { CampaignStatus } from '@tally/domain';
import { CAMPAIGN_STATUS_LABELS, statusBadgeClass } from '../lib/campaign-status';

export function StatusBadge({ status }: { status: CampaignStatus }) {
  return <span className={statusBadgeClass(status)}>{CAMPAIGN_STATUS_LABELS[status]}</span>;
}
