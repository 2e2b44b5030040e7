import {
  IDEA_CATEGORY_LABELS,
  IDEA_STATES,
  IdeaCategories,
  IdeaCategory,
  IdeaSort,
  IdeaState,
  IdeaTagSchema,
  isPublicState,
} from '@tally/domain';
import { useSettled, type Option } from '@tally/ui';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { IdeaFilters } from '../api/get-ideas';
import { ideaStateText } from './idea-state-badge';

export const SORT_LABELS: Record<IdeaSort, string> = {
  top: 'Top',
  new: 'New',
  trending: 'Trending',
};

/** Typing pauses this long before the board asks again. */
const TYPING_PAUSE_MS = 300;

/** The board's filters live in the address (`/ideas?sort=new&tag=app`), so a filtered board can be shared. */
export function readIdeaFilters(params: URLSearchParams): IdeaFilters {
  const sort = IdeaSort.safeParse(params.get('sort'));
  const state = IdeaState.safeParse(params.get('state'));
  const category = IdeaCategory.safeParse(params.get('category'));
  const tag = IdeaTagSchema.safeParse(params.get('tag') ?? '');
  const q = params.get('q')?.trim();
  return {
    sort: sort.success ? sort.data : 'top',
    ...(q ? { q } : {}),
    ...(state.success ? { state: state.data } : {}),
    ...(tag.success ? { tag: tag.data } : {}),
    ...(category.success ? { category: category.data } : {}),
  };
}

export function hasNarrowingFilter(filters: IdeaFilters): boolean {
  return Boolean(filters.q ?? filters.state ?? filters.tag ?? filters.category);
}

/**
 * A text filter kept in the address: what is typed shows at once and reaches the address (and the
 * API) after a pause; a change of the address from elsewhere (a tag link) is taken into the box.
 */
function useAddressText(name: string): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const inAddress = params.get(name) ?? '';
  const [text, setText] = useState(inAddress);
  const settled = useSettled(text, TYPING_PAUSE_MS);
  const written = useRef(inAddress);

  useEffect(() => {
    if (settled === written.current) return;
    written.current = settled;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (settled.trim() === '') next.delete(name);
        else next.set(name, settled);
        return next;
      },
      { replace: true },
    );
  }, [settled, name, setParams]);

  useEffect(() => {
    if (inAddress === written.current) return;
    written.current = inAddress;
    setText(inAddress);
  }, [inAddress]);

  return [text, setText];
}

export function IdeasFiltersForm() {
  const [params, setParams] = useSearchParams();
  const filters = readIdeaFilters(params);
  const [q, setQ] = useAddressText('q');
  const [tag, setTag] = useAddressText('tag');
  const tagProblem =
    tag.trim() !== '' && !IdeaTagSchema.safeParse(tag).success
      ? 'A tag is lower-case letters, digits and dashes, e.g. click-and-collect.'
      : null;

  const choose = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === '') next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );

  return (
    <form
      role="search"
      aria-label="Find ideas"
      className="ideas-filters"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="tally-field ideas-filters__search">
        <label htmlFor="ideas-q" className="tally-field__label">
          Search ideas
        </label>
        <input
          id="ideas-q"
          type="search"
          value={q}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => setQ(event.target.value)}
        />
      </div>
      <AddressSelect
        name="sort"
        label="Sort by"
        value={filters.sort}
        options={IdeaSort.options.map((sort) => ({ value: sort, label: SORT_LABELS[sort] }))}
        onChange={choose}
      />
      <AddressSelect
        name="state"
        label="State"
        value={filters.state ?? ''}
        options={[
          { value: '', label: 'Any state' },
          ...IDEA_STATES.filter(isPublicState).map((state) => ({
            value: state,
            label: ideaStateText(state),
          })),
        ]}
        onChange={choose}
      />
      <AddressSelect
        name="category"
        label="Category"
        value={filters.category ?? ''}
        options={[
          { value: '', label: 'Any category' },
          ...IdeaCategories.map((category) => ({ value: category, label: IDEA_CATEGORY_LABELS[category] })),
        ]}
        onChange={choose}
      />
      <div className={tagProblem ? 'tally-field tally-field--invalid' : 'tally-field'}>
        <label htmlFor="ideas-tag" className="tally-field__label">
          Tag
        </label>
        {tagProblem ? (
          <p id="ideas-tag-error" className="tally-field__error">
            {tagProblem}
          </p>
        ) : null}
        <input
          id="ideas-tag"
          type="text"
          value={tag}
          maxLength={30}
          autoComplete="off"
          aria-invalid={tagProblem ? true : undefined}
          aria-describedby={tagProblem ? 'ideas-tag-error' : undefined}
          onChange={(event) => setTag(event.target.value)}
        />
      </div>
    </form>
  );
}

/** A choice kept in the address under `name`; `''` is "any". */
function AddressSelect({
  name,
  label,
  value,
  options,
  onChange,
}: {
  name: string;
  label: string;
  value: string;
  options: readonly Option[];
  onChange: (name: string, value: string) => void;
}) {
  const id = `ideas-${name}`;
  return (
    <div className="tally-field">
      <label htmlFor={id} className="tally-field__label">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(name, event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
