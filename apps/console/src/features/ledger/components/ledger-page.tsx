import { DataTable, DateTime, ErrorState, LoadingState, Page, Section } from '@tally/ui';
import { useLedgerVerification } from '../api/verify-ledger';

export function LedgerPage() {
  const report = useLedgerVerification();
  const failed = report.data?.checks.filter((check) => !check.ok).length ?? 0;
  return (
    <Page
      title="Ledger check"
      lead="Checks that the points ledger's books balance: every journal sums to zero, balances match their postings, no account is below its floor, and more."
    >
      <div className="tally-actions">
        <button type="button" onClick={() => void report.refetch()} disabled={report.isFetching}>
          Run the check again
        </button>
        <span role="status" className="tally-muted">
          {report.isFetching ? 'Checking the ledger…' : ''}
        </span>
      </div>
      {report.isPending ? <LoadingState>Checking the ledger…</LoadingState> : null}
      {report.isError ? <ErrorState error={report.error} /> : null}
      {report.data ? (
        <Section title="Result">
          <p className={report.data.ok ? 'tally-notice' : 'tally-state tally-state--error'}>
            <strong>
              {report.data.ok
                ? 'All checks passed.'
                : `${failed} of ${report.data.checks.length} checks failed.`}
            </strong>{' '}
            Checked <DateTime value={report.data.checkedAt} />.
          </p>
          <DataTable label="Ledger checks" columns={['Check', 'Result', 'Detail']}>
            {report.data.checks.map((check) => (
              <tr key={check.name}>
                <th scope="row">{check.name}</th>
                <td>
                  <span className={check.ok ? 'tally-badge tally-badge--ok' : 'tally-badge tally-badge--bad'}>
                    {check.ok ? 'passed' : 'failed'}
                  </span>
                </td>
                <td>{check.detail}</td>
              </tr>
            ))}
          </DataTable>
        </Section>
      ) : null}
    </Page>
  );
}
