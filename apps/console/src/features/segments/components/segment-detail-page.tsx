import { describeSegment, type SegmentDetail } from '@tally/domain';
import { DateTime, Page, QueryState, Section } from '@tally/ui';
import { Link, useLocation, useParams } from 'react-router';
import { ConfirmAction } from '../../../components/confirm-action';
import { useProgramme } from '../../../lib/programme';
import type { StoreList } from '../../../lib/stores';
import { useArchiveSegment } from '../api/archive-segment';
import { useSegment } from '../api/get-segment';
import { membersMatch } from './live-count';
import type { SavedSegmentState } from './segment-editor-page';

/** `/segments/:id`: who is in the segment, how many match now, and which campaigns target it. */
export function SegmentDetailPage({ canManage, stores }: { canManage: boolean; stores: StoreList }) {
  const { id = '' } = useParams();
  const segment = useSegment(id);
  return (
    <Page title={segment.data?.definition.name ?? 'Segment'}>
      <p>
        <Link to="/segments">Back to segments</Link>
      </p>
      <QueryState query={segment} loading="Loading the segment and counting its members…">
        {(data) => <Detail segment={data} canManage={canManage} stores={stores} />}
      </QueryState>
    </Page>
  );
}

function Detail({
  segment,
  canManage,
  stores,
}: {
  segment: SegmentDetail;
  canManage: boolean;
  stores: StoreList;
}) {
  const programme = useProgramme();
  const saved = (useLocation().state as SavedSegmentState | null)?.saved;
  const rules = describeSegment(segment.definition, {
    tiers: programme.data?.tiers ?? [],
    stores: stores ?? [],
    currency: programme.data?.currency ?? 'GBP',
  });
  return (
    <>
      {saved ? (
        <p role="status" className="tally-notice">
          {saved}
        </p>
      ) : null}
      {segment.archived ? <p className="tally-warning">This segment is archived.</p> : null}
      <Section title="Members now">
        <p className="segment-live-count__value">{membersMatch(segment.memberCount)}</p>
        <p className="tally-muted">
          Active members, counted <DateTime value={segment.countedAt} />. Version {segment.version}.
        </p>
        {segment.definition.description ? <p>{segment.definition.description}</p> : null}
      </Section>
      <Section title="Members who">
        <ul className="segment-rule-list">
          {rules.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        <p className="tally-muted">A member is in the segment when all of these hold.</p>
      </Section>
      <Section title="Campaigns that target it">
        {segment.campaigns.length === 0 ? (
          <p>No campaign targets this segment.</p>
        ) : (
          <ul>
            {segment.campaigns.map((c) => (
              <li key={c.id}>
                <Link to={`/campaigns/${c.id}`}>{c.name}</Link> ({c.status})
              </li>
            ))}
          </ul>
        )}
      </Section>
      {canManage ? <Manage segment={segment} /> : null}
    </>
  );
}

/** Edit, or archive after a confirmation (the API refuses while a campaign that is not a draft targets it). */
function Manage({ segment }: { segment: SegmentDetail }) {
  const archive = useArchiveSegment();
  return (
    <Section title="Change">
      {segment.archived ? null : (
        <p>
          <Link to={`/segments/${segment.id}/edit`}>Edit the segment</Link>
        </p>
      )}
      <ConfirmAction
        offered={!segment.archived}
        mutation={archive}
        run={(done) => archive.mutate(segment.id, { onSuccess: done })}
        label="Archive the segment"
        question={`Archive “${segment.definition.name}”? It can no longer be picked for a campaign or changed, and its name is free for another segment.`}
        confirmLabel="Confirm archive"
        pendingText="Archiving…"
        doneText="Segment archived."
      />
    </Section>
  );
}
