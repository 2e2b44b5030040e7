import { describeSegment, type Segment, type Tier } from '@tally/domain';
import { DataTable, DateTime, Page, PagedList, Section } from '@tally/ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { useProgramme } from '../../../lib/programme';
import type { StoreList } from '../../../lib/stores';
import { useSegments, type SegmentStatusFilter } from '../api/get-segments';

const COLUMNS = ['Segment', 'Members who', 'Last changed'];

/** Saved segments, newest first, active or archived; only roles with `campaigns:manage` may create one. */
export function SegmentsPage({ canManage, stores }: { canManage: boolean; stores: StoreList }) {
  const [status, setStatus] = useState<SegmentStatusFilter>('active');
  const segments = useSegments(status);
  const programme = useProgramme();
  const newButton = canManage ? (
    <Link to="/segments/new" className="button-link">
      New segment
    </Link>
  ) : null;
  return (
    <Page
      title="Segments"
      lead="Groups of members by tier, spending, visits, stores, birthdays or when they joined, for campaigns to target."
    >
      {newButton ? <div className="tally-actions">{newButton}</div> : null}
      <div role="group" aria-label="Show segments" className="campaign-filter">
        {(['active', 'archived'] as const).map((value) => (
          <button
            key={value}
            type="button"
            className="tally-button--secondary"
            aria-pressed={status === value}
            onClick={() => setStatus(value)}
          >
            {value === 'active' ? 'Active' : 'Archived'}
          </button>
        ))}
      </div>
      <Section title={status === 'active' ? 'Active segments' : 'Archived segments'}>
        <PagedList
          query={segments}
          noun="segments"
          loading="Loading segments…"
          empty={
            <>
              <p>{status === 'active' ? 'No segments yet.' : 'No archived segments.'}</p>
              {status === 'active' ? newButton : null}
            </>
          }
        >
          {(items) => (
            <DataTable label="Segments" columns={COLUMNS}>
              {items.map((segment) => (
                <SegmentRow
                  key={segment.id}
                  segment={segment}
                  tiers={programme.data?.tiers ?? []}
                  currency={programme.data?.currency ?? 'GBP'}
                  stores={stores}
                />
              ))}
            </DataTable>
          )}
        </PagedList>
      </Section>
    </Page>
  );
}

function SegmentRow({
  segment,
  tiers,
  currency,
  stores,
}: {
  segment: Segment;
  tiers: readonly Tier[];
  currency: string;
  stores: StoreList;
}) {
  const { definition } = segment;
  return (
    <tr>
      <th scope="row">
        <Link to={`/segments/${segment.id}`}>{definition.name}</Link>
        {definition.description ? <div className="tally-muted">{definition.description}</div> : null}
      </th>
      <td>
        <ul className="segment-rule-list">
          {describeSegment(definition, { tiers, stores: stores ?? [], currency }).map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </td>
      <td>
        <DateTime value={segment.updatedAt} />
      </td>
    </tr>
  );
}
