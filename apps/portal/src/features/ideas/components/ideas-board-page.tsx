import { Page, PagedList, Section } from '@tally/ui';
import { Link, useSearchParams } from 'react-router';
import { useIdeasPages } from '../api/get-ideas';
import { IdeaCard } from './idea-card';
import { IdeasFiltersForm, SORT_LABELS, hasNarrowingFilter, readIdeaFilters } from './ideas-filters';
import { IdeasNav } from './ideas-nav';

export function IdeasBoardPage() {
  const [params] = useSearchParams();
  const filters = readIdeaFilters(params);
  const ideas = useIdeasPages(filters);

  return (
    <Page
      title="Ideas"
      lead="Tell us what would make our products better, vote for the ideas you want most, and follow what we do with them."
    >
      <IdeasNav />
      <p className="welcome-actions">
        <Link to="/ideas/new" className="welcome-actions__primary">
          Submit an idea
        </Link>
      </p>
      <IdeasFiltersForm />
      <Section title={`${SORT_LABELS[filters.sort]} ideas`}>
        <PagedList
          query={ideas}
          loading="Loading ideas…"
          empty={
            hasNarrowingFilter(filters) ? (
              <p>No ideas match. Try other words or filters, or submit your idea.</p>
            ) : (
              <p>
                No ideas yet. Be the first: <Link to="/ideas/new">submit an idea</Link>.
              </p>
            )
          }
          noun="ideas"
          loadOnScroll
        >
          {(items) => (
            <ul className="tally-list idea-list" aria-label="Ideas" aria-busy={ideas.isPlaceholderData}>
              {items.map((idea) => (
                <IdeaCard key={idea.id} idea={idea} />
              ))}
            </ul>
          )}
        </PagedList>
      </Section>
    </Page>
  );
}
