import { Page, PagedList, Section } from '@tally/ui';
import { useEffect, useRef, useState } from 'react';
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
        >
          {(items) => (
            <>
              <ul className="tally-list" aria-label="Statement lines">
                {items.map((line) => (
                  <StatementLineItem key={line.journalId} line={line} />
                ))}
              </ul>
              {statement.hasNextPage ? (
                <LoadMoreSentinel
                  onVisible={() => {
                    if (!statement.isFetchingNextPage && !statement.isFetchNextPageError) {
                      void statement.fetchNextPage();
                    }
                  }}
                />
              ) : null}
            </>
          )}
        </PagedList>
      </Section>
    </Page>
  );
}

/** Asks for the next page when the end of the list scrolls into view; "Load more" stays as the fallback. */
function LoadMoreSentinel({ onVisible }: { onVisible: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const latest = useRef(onVisible);
  useEffect(() => {
    latest.current = onVisible;
  });
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) latest.current();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return <div ref={ref} aria-hidden="true" data-testid="statement-sentinel" />;
}
