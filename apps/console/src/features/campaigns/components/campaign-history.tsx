import type { CampaignVersion } from '@tally/domain';
import { DateTime, QueryState, Section } from '@tally/ui';
import { useCampaignVersions } from '../api/get-campaign-versions';
import { CAMPAIGN_STATUS_LABELS } from '../lib/campaign-status';

/** Every saved edit and status change, newest first, with who made it, when and why. */
export function CampaignHistory({ id }: { id: string }) {
  const versions = useCampaignVersions(id);
  return (
    <Section title="History">
      <QueryState
        query={versions}
        loading="Loading the history…"
        isEmpty={(list) => list.length === 0}
        empty={<p>No history recorded yet.</p>}
      >
        {(list) => (
          <ol className="tally-list campaign-history" aria-label="Campaign history">
            {[...list]
              .sort((a, b) => Date.parse(b.changedAt) - Date.parse(a.changedAt) || b.version - a.version)
              .map((entry) => (
                <HistoryEntry key={`${entry.version}-${entry.changedAt}`} entry={entry} />
              ))}
          </ol>
        )}
      </QueryState>
    </Section>
  );
}

function HistoryEntry({ entry }: { entry: CampaignVersion }) {
  return (
    <li>
      <p>
        <strong>{entry.change.charAt(0).toUpperCase() + entry.change.slice(1)}</strong> — version{' '}
        {entry.version}, {CAMPAIGN_STATUS_LABELS[entry.status].toLowerCase()}
      </p>
      <p className="tally-muted">
        {changedByLabel(entry)}, <DateTime value={entry.changedAt} />
      </p>
      {entry.reason ? <p>Reason: {entry.reason}</p> : null}
    </li>
  );
}

/** Who made the change: a staff member's name, or what stands in for one when there is none to show. */
function changedByLabel(entry: CampaignVersion): string {
  if (entry.changedByName) return entry.changedByName;
  return entry.changedBy === null ? 'Automatic (schedule)' : 'A staff member no longer on record';
}
