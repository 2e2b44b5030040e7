import { IDEA_STATES, IdeaTagSchema, type Idea, type IdeaSort, type IdeaState } from '@tally/domain';
import { DataTable, DateTime, Page, PagedList, fieldMessage, formatPoints } from '@tally/ui';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useIdeas, type IdeaFilters } from '../api/get-ideas';
import { categoryName, ideaStateName } from '../lib/idea-labels';
import { IdeaStateBadge } from './idea-state-badge';
import { IdeasSubnav } from './ideas-subnav';

const SORTS: readonly { value: IdeaSort; label: string }[] = [
  { value: 'new', label: 'Newest first' },
  { value: 'top', label: 'Most votes' },
  { value: 'trending', label: 'Trending (votes this week)' },
];

const COLUMNS = [
  'Idea',
  'State',
  { label: 'Votes', className: 'tally-num' },
  { label: 'Followers', className: 'tally-num' },
  { label: 'Comments', className: 'tally-num' },
  'Author',
  'Tags',
  'Last change',
];

/** `/ideas`: every idea in every state, searchable and filtered by state and tag, keyset-paginated. */
export function IdeasPage() {
  const [filters, setFilters] = useState<IdeaFilters>({ sort: 'new' });
  const ideas = useIdeas(filters);
  return (
    <Page
      title="Ideas"
      lead="Members’ ideas in every state, including those waiting for review, declined or merged."
    >
      <IdeasSubnav />
      <IdeaFiltersForm filters={filters} onChange={setFilters} />
      <PagedList
        query={ideas}
        noun="ideas"
        loading="Loading ideas…"
        empty={<p>{filters.q || filters.state || filters.tag ? 'No idea matches.' : 'No ideas yet.'}</p>}
      >
        {(items) => (
          <DataTable label="Ideas" columns={COLUMNS}>
            {items.map((idea) => (
              <IdeaRow key={idea.id} idea={idea} />
            ))}
          </DataTable>
        )}
      </PagedList>
    </Page>
  );
}

/** Selects apply at once; the search words and the tag apply when the form is sent. */
function IdeaFiltersForm({
  filters,
  onChange,
}: {
  filters: IdeaFilters;
  onChange: (filters: IdeaFilters) => void;
}) {
  const ids = { q: useId(), state: useId(), tag: useId(), sort: useId() };
  const [q, setQ] = useState(filters.q ?? '');
  const [tag, setTag] = useState(filters.tag ?? '');
  const [tagError, setTagError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsedTag = tag.trim() === '' ? undefined : IdeaTagSchema.safeParse(tag);
    if (parsedTag && !parsedTag.success) {
      setTagError(fieldMessage('Tag', parsedTag.error.issues[0]?.message ?? 'is not a tag'));
      document.getElementById(ids.tag)?.focus();
      return;
    }
    setTagError(null);
    onChange({ ...filters, q: q.trim() || undefined, tag: parsedTag?.data });
  };

  return (
    <form role="search" aria-label="Find ideas" className="ideas-filters" noValidate onSubmit={submit}>
      <div className="tally-field filter-field ideas-filters__words">
        <label htmlFor={ids.q} className="tally-field__label">
          Search
        </label>
        <input
          id={ids.q}
          type="search"
          maxLength={200}
          value={q}
          onChange={(event) => setQ(event.target.value)}
        />
      </div>
      <div className="tally-field filter-field">
        <label htmlFor={ids.state} className="tally-field__label">
          State
        </label>
        <select
          id={ids.state}
          value={typeof filters.state === 'string' ? filters.state : ''}
          onChange={(event) =>
            onChange({ ...filters, state: (event.target.value || undefined) as IdeaState | undefined })
          }
        >
          <option value="">All states</option>
          {IDEA_STATES.map((state) => (
            <option key={state} value={state}>
              {ideaStateName(state)}
            </option>
          ))}
        </select>
      </div>
      <div
        className={tagError ? 'tally-field filter-field tally-field--invalid' : 'tally-field filter-field'}
      >
        <label htmlFor={ids.tag} className="tally-field__label">
          Tag
        </label>
        {tagError ? (
          <p id={`${ids.tag}-error`} className="tally-field__error">
            <span className="tally-visually-hidden">Error: </span>
            {tagError}
          </p>
        ) : null}
        <input
          id={ids.tag}
          value={tag}
          autoComplete="off"
          onChange={(event) => {
            setTag(event.target.value);
            setTagError(null);
          }}
          aria-invalid={tagError ? true : undefined}
          aria-describedby={tagError ? `${ids.tag}-error` : undefined}
        />
      </div>
      <div className="tally-field filter-field">
        <label htmlFor={ids.sort} className="tally-field__label">
          Sort
        </label>
        <select
          id={ids.sort}
          value={filters.sort ?? 'new'}
          onChange={(event) => onChange({ ...filters, sort: event.target.value as IdeaSort })}
        >
          {SORTS.map((sort) => (
            <option key={sort.value} value={sort.value}>
              {sort.label}
            </option>
          ))}
        </select>
      </div>
      <div className="tally-actions ideas-filters__go">
        <button type="submit">Search</button>
      </div>
    </form>
  );
}

function IdeaRow({ idea }: { idea: Idea }) {
  return (
    <tr>
      <th scope="row">
        <Link to={`/ideas/${idea.id}`}>
          #{idea.number} {idea.title}
        </Link>
        <div className="tally-muted">{categoryName(idea.category)}</div>
      </th>
      <td>
        <IdeaStateBadge state={idea.state} />
        {idea.duplicateOf ? <div className="tally-muted">of #{idea.duplicateOf.number}</div> : null}
      </td>
      <td className="tally-num">{formatPoints(idea.votes)}</td>
      <td className="tally-num">{formatPoints(idea.followers)}</td>
      <td className="tally-num">{formatPoints(idea.commentCount)}</td>
      <td>{idea.authorName}</td>
      <td>{idea.tags.length > 0 ? idea.tags.join(', ') : '—'}</td>
      <td>
        <DateTime value={idea.lastStatusChangeAt} />
      </td>
    </tr>
  );
}
