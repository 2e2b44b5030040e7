import { formatMoney, type MemberSummary, type Programme } from '@tally/domain';
import { EmptyState, ErrorState, LoadingState, Section, formatPoints } from '@tally/ui';
import type { UseQueryResult } from '@tanstack/react-query';
import { previewSale, type SaleDraft } from '../lib/sale-draft';

export interface EarnPreviewProps {
  draft: SaleDraft;
  member: MemberSummary;
  programme: UseQueryResult<Programme, Error>;
  completed: boolean;
}

/**
 * The points this receipt will earn, worked out in the browser by the same engine the API awards with,
 * line by line, before anything is sent.
 */
export function EarnPreview({ draft, member, programme, completed }: EarnPreviewProps) {
  return (
    <Section title="Points preview">
      <PreviewBody draft={draft} member={member} programme={programme} completed={completed} />
    </Section>
  );
}

function PreviewBody({ draft, member, programme, completed }: EarnPreviewProps) {
  if (completed) return <EmptyState>This sale is finished: what it earned is in the result.</EmptyState>;
  if (programme.isPending) return <LoadingState>Loading the programme’s earn rules…</LoadingState>;
  if (programme.isError) {
    return (
      <>
        <ErrorState
          error={programme.error}
          onRetry={() => void programme.refetch()}
          retrying={programme.isFetching}
        />
        <p className="tally-muted">Points can still be awarded: the server works them out.</p>
      </>
    );
  }
  const preview = previewSale(draft, member, programme.data);
  if (!preview) return <EmptyState>Enter a line with its quantity and price to see the points.</EmptyState>;
  const { result, skipped } = preview;
  const currency = programme.data.currency;
  return (
    <>
      <p className="checkout-preview__total">
        <strong>
          {formatPoints(result.points)} {result.points === 1 ? 'point' : 'points'}
        </strong>{' '}
        for {member.name}
      </p>
      <div className="tally-table-wrap">
        <table className="tally-table" aria-label="Points preview">
          <thead>
            <tr>
              <th scope="col">How</th>
              <th scope="col" className="tally-num">
                Points
              </th>
            </tr>
          </thead>
          <tbody>
            {result.lines.map((line, index) => (
              <tr key={`${line.source}-${line.campaignId ?? index}`}>
                <td>{line.description}</td>
                <td className="tally-num">{formatPoints(line.points)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td className="tally-num">
                <strong>{formatPoints(result.points)}</strong>
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="tally-muted">
        Receipt total {formatMoney(result.eligibleAmount + result.excludedAmount, currency)}; spend that earns{' '}
        {formatMoney(result.eligibleAmount, currency)}.
        {skipped > 0
          ? ` ${skipped} ${skipped === 1 ? 'line is' : 'lines are'} left out until the quantity and price can be read.`
          : ''}
      </p>
    </>
  );
}
