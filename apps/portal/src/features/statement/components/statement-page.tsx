import { Page, PagedList, Section } from '@tally/ui';
import { useState } from 'react';
import { useStatementPages, type StatementFilters } from '../api/get-statement-pages';
import { StatementFiltersForm, toQuery, type FilterValues } from './statement-filters';
import { StatementLineItem } from './statement-line';

export const STATEMENT_CSV_PATH = '/api/v1/me/statement.csv';

export function StatementPage() {
  const [values, setValues] = useState<FilterValues>({ type: '', from: '', to: '' });
  const filters: StatementFilters = toQuery(values);
  const statement = useStatementPages(filters);

  return (
    <Page title="Statement" lead="Every change to your points, newest first, with your balance after each.">
      <p>
        <a href={STATEMENT_CSV_PATH} download>
          Download CSV
        </a>
      </p>
      <StatementFiltersForm values={values} onChange={setValues} />
      <Section title="Lines">
        <PagedList
          query={statement}
          loading="Loading your statement…"
          empty={<p>No lines match these filters.</p>}
          noun="lines"
          loadOnScroll
        >
          {(items) => (
            <ul className="tally-list" aria-label="Statement lines">
              {items.map((line) => (
                <StatementLineItem key={line.journalId} line={line} />
              ))}
            </ul>
          )}
        </PagedList>
      </Section>
    </Page>
  );
}
