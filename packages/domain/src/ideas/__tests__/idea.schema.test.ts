import { DEFAULT_PROGRAMME, ProgrammeSchema } from '../../programme/programme.schema.js';
import {
  ChangeIdeaStatusSchema,
  CreateIdeaCommentSchema,
  IdeaListQuerySchema,
  SimilarIdeasQuerySchema,
  SubmitIdeaSchema,
} from '../idea.schema.js';

const valid = {
  title: 'Paper bags at every till',
  description: 'Offer paper bags instead of plastic.',
  category: 'sustainability',
};

const issuePaths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join('.')) ?? [];

describe('SubmitIdeaSchema', () => {
  it('accepts a valid idea, trims the text and defaults the tags', () => {
    const parsed = SubmitIdeaSchema.parse({ ...valid, title: `  ${valid.title}  ` });
    expect(parsed.title).toBe(valid.title);
    expect(parsed.tags).toEqual([]);
  });

  it.each([
    ['an empty title', { title: '' }, 'title'],
    ['a title of 9 characters after trimming', { title: '   123456789   ' }, 'title'],
    ['a title over 120 characters', { title: 'x'.repeat(121) }, 'title'],
    ['a title over two lines', { title: 'first line\nsecond line' }, 'title'],
    ['an empty description', { description: '   ' }, 'description'],
    ['a description over 5000 characters', { description: 'x'.repeat(5001) }, 'description'],
    ['a description with control characters', { description: 'bell \u0007 here' }, 'description'],
    ['an unknown category', { category: 'weather' }, 'category'],
    ['six tags', { tags: ['a1', 'b2', 'c3', 'd4', 'e5', 'f6'] }, 'tags'],
    ['a tag that is not a slug', { tags: ['no spaces'] }, 'tags.0'],
    ['an unknown field', { extra: 1 }, ''],
  ])('refuses %s', (_name, change, path) => {
    const result = SubmitIdeaSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(issuePaths(result)).toContain(path);
  });

  it('accepts exactly 10 and exactly 120 characters', () => {
    expect(SubmitIdeaSchema.safeParse({ ...valid, title: 'x'.repeat(10) }).success).toBe(true);
    expect(SubmitIdeaSchema.safeParse({ ...valid, title: 'x'.repeat(120) }).success).toBe(true);
  });

  it('keeps markup verbatim as text (it is rendered as text, never as HTML)', () => {
    const title = '<script>alert(1)</script> idea';
    expect(SubmitIdeaSchema.parse({ ...valid, title }).title).toBe(title);
  });

  it('lower-cases and de-duplicates tags', () => {
    expect(SubmitIdeaSchema.parse({ ...valid, tags: ['Bags', 'bags', 'eco-friendly'] }).tags).toEqual([
      'bags',
      'eco-friendly',
    ]);
  });
});

describe('IdeaListQuerySchema', () => {
  it('defaults to the top sort and 20 ideas', () => {
    expect(IdeaListQuerySchema.parse({})).toMatchObject({ sort: 'top', limit: 20 });
  });

  it('reads states given once, repeated or comma-separated', () => {
    expect(IdeaListQuerySchema.parse({ state: 'open' }).state).toEqual(['open']);
    expect(IdeaListQuerySchema.parse({ state: ['open', 'planned'] }).state).toEqual(['open', 'planned']);
    expect(IdeaListQuerySchema.parse({ state: 'open,shipped' }).state).toEqual(['open', 'shipped']);
  });

  it.each([
    [{ state: 'finished' }, 'state.0'],
    [{ sort: 'best' }, 'sort'],
    [{ limit: '0' }, 'limit'],
    [{ q: 'x'.repeat(201) }, 'q'],
  ])('refuses %j', (query, path) => {
    expect(issuePaths(IdeaListQuerySchema.safeParse(query))).toContain(path);
  });
});

describe('other idea requests', () => {
  it('needs three characters before suggesting similar ideas', () => {
    expect(SimilarIdeasQuerySchema.safeParse({ q: 'ab' }).success).toBe(false);
    expect(SimilarIdeasQuerySchema.safeParse({ q: 'bag' }).success).toBe(true);
  });

  it('refuses an empty or overlong comment', () => {
    expect(issuePaths(CreateIdeaCommentSchema.safeParse({ body: '  ' }))).toEqual(['body']);
    expect(issuePaths(CreateIdeaCommentSchema.safeParse({ body: 'x'.repeat(2001) }))).toEqual(['body']);
  });

  it('needs a public response with a status change and refuses staff-only targets', () => {
    expect(issuePaths(ChangeIdeaStatusSchema.safeParse({ to: 'planned' }))).toEqual(['response']);
    expect(
      issuePaths(ChangeIdeaStatusSchema.safeParse({ to: 'pending_review', response: 'ok then' })),
    ).toEqual(['to']);
    expect(issuePaths(ChangeIdeaStatusSchema.safeParse({ to: 'duplicate', response: 'ok then' }))).toEqual([
      'to',
    ]);
  });
});

describe('ProgrammeSchema ideas settings', () => {
  it('defaults the idea rewards so a programme stored before them still parses', () => {
    const { ideas: _ideas, ...older } = DEFAULT_PROGRAMME;
    expect(ProgrammeSchema.parse(older).ideas).toEqual(DEFAULT_PROGRAMME.ideas);
  });
});
