/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { IdeaComment, IdeaDetail } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ServerResponse } from 'node:http';
import { Route, Routes } from 'react-router';
import { ideaDetail, member } from '../../../../test/fixtures';
import { IdeaDetailPage } from '../idea-detail-page';

const MARKUP = '<img src=x onerror="alert(1)"><b>bold</b><script>alert(2)</script>';
const target = { id: '3d4e5f6a-7b8c-4d9e-8f0a-b1c2d3e4f5a6', number: 4, title: 'Oat milk everywhere' };
const later: IdeaComment = {
  id: 'a06c2b7d-4f8e-4d1a-9b6c-7d8e9fa0b1c2',
  body: 'A later comment',
  authorName: 'Dee',
  staffAnswer: false,
  createdAt: '2025-02-05T09:00:00.000Z',
};

type Problem = { code: string; title: string; detail?: string };
type Answer = [number, unknown];

describe('idea page', () => {
  let server: TestServer;
  let idea: IdeaDetail;
  let signedIn: boolean;
  /** How long the vote and follow answers take, so a test can look at the page before they arrive. */
  let delayMs: number;
  let voteAnswer: (() => Answer) | null;
  let commentAnswer: (body: { body: string }) => Answer;
  let flagAnswer: () => Answer;

  beforeAll(async () => {
    const send = (res: ServerResponse, [status, body]: Answer) =>
      status >= 400 ? sendProblem(res, status, body as Problem) : sendJson(res, status, body);
    const toggle = (change: (on: boolean) => void, on: boolean) => (_req: unknown, res: ServerResponse) =>
      setTimeout(() => {
        const refused = voteAnswer?.();
        if (refused) return send(res, refused);
        change(on);
        const { statusHistory: _h, comments: _c, ...plain } = idea;
        send(res, [200, plain]);
      }, delayMs);
    const vote = (on: boolean) => {
      if (idea.viewerVoted === on) return;
      idea = { ...idea, viewerVoted: on, votes: idea.votes + (on ? 1 : -1) };
      if (on && !idea.viewerFollows) idea = { ...idea, viewerFollows: true, followers: idea.followers + 1 };
    };
    const follow = (on: boolean) => {
      if (idea.viewerFollows === on) return;
      idea = { ...idea, viewerFollows: on, followers: idea.followers + (on ? 1 : -1) };
    };
    const path = `/api/v1/ideas/${ideaDetail.id}`;
    server = await startTestServer({
      'GET /api/v1/auth/session': (_req, res) =>
        signedIn
          ? sendJson(res, 200, member)
          : sendProblem(res, 401, { code: 'UNAUTHENTICATED', title: 'x' }),
      [`GET ${path}`]: (_req, res) => sendJson(res, 200, idea),
      [`GET /api/v1/ideas/${target.id}`]: (_req, res) => sendJson(res, 200, { ...ideaDetail, ...target }),
      'GET /api/v1/ideas/no-such-idea': (_req, res) =>
        sendProblem(res, 404, { code: 'IDEA_NOT_FOUND', title: 'Idea not found' }),
      [`GET ${path}/comments`]: (_req, res) => sendJson(res, 200, { items: [later], nextCursor: null }),
      [`PUT ${path}/vote`]: toggle(vote, true),
      [`DELETE ${path}/vote`]: toggle(vote, false),
      [`PUT ${path}/follow`]: toggle(follow, true),
      [`DELETE ${path}/follow`]: toggle(follow, false),
      [`POST ${path}/comments`]: (req, res) => {
        const [status, body] = commentAnswer(JSON.parse(req.body) as { body: string });
        if (status < 400) {
          const comment = body as IdeaComment;
          idea = {
            ...idea,
            commentCount: idea.commentCount + 1,
            comments: { ...idea.comments, items: [...idea.comments.items, comment] },
          };
        }
        send(res, [status, body]);
      },
      [`POST ${path}/flags`]: (_req, res) => send(res, flagAnswer()),
    });
  });
  beforeEach(() => {
    idea = { ...ideaDetail };
    signedIn = true;
    delayMs = 0;
    voteAnswer = null;
    commentAnswer = ({ body }) => [
      201,
      { ...later, id: 'b17d3c8e-5a9f-4e2b-8c7d-8e9fa0b1c2d3', body, authorName: 'Ada' },
    ];
    flagAnswer = () => [201, { flags: 1, returnedToReview: false }];
    server.requests.length = 0;
  });
  afterAll(() => server.close());

  const renderIdea = (id = ideaDetail.id) =>
    renderPage(
      <Routes>
        <Route path="/ideas/:id" element={<IdeaDetailPage />} />
      </Routes>,
      { apiClient: createTallyApiClient('portal', { baseUrl: server.baseUrl }), path: `/ideas/${id}` },
    );
  const voteButton = () => screen.findByRole('button', { name: 'Vote for this idea' });
  const followButton = () => screen.findByRole('button', { name: 'Follow this idea' });
  const requests = (method: string, suffix: string) =>
    server.requests.filter((r) => r.method === method && r.url.endsWith(suffix));
  const describedBy = (element: HTMLElement) =>
    document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent;

  it('shows the idea with its state, tags, status history with staff responses, and comments', async () => {
    renderIdea();
    expect(await screen.findByRole('heading', { level: 1, name: 'Oat milk in every store' })).toBeTruthy();
    expect(screen.getByText(/Please stock oat milk in every store/).textContent).toBe(ideaDetail.description);
    expect(within(screen.getByRole('list', { name: 'Tags' })).getAllByRole('link')).toHaveLength(2);

    const history = screen.getByRole('list', { name: 'Status history' });
    const [submittedLine, opened] = within(history).getAllByRole('listitem');
    expect(submittedLine?.textContent).toContain('Waiting for review');
    expect(submittedLine?.textContent).toContain('submitted');
    expect(opened?.textContent).toContain('Open');
    expect(opened?.textContent).toContain('by Sam');
    expect(opened?.textContent).toContain('Thanks! Your idea is now open for votes.');

    expect(screen.getByRole('heading', { name: 'Comments (2)' })).toBeTruthy();
    const [memberComment, staffComment] = within(screen.getByRole('list', { name: 'Comments' })).getAllByRole(
      'listitem',
    );
    expect(memberComment?.textContent).toContain('Yes please, and soy too.');
    expect(memberComment?.textContent).not.toContain('Staff answer');
    expect(staffComment?.textContent).toContain('Staff answer');
    expect(staffComment?.textContent).toContain('We are talking to our suppliers about it.');
  });

  it('renders markup members typed as text, never as HTML', async () => {
    idea = {
      ...idea,
      title: `Title ${MARKUP}`,
      description: `Description ${MARKUP}`,
      comments: {
        items: [{ ...ideaDetail.comments.items[0]!, body: `Comment ${MARKUP}` }],
        nextCursor: null,
      },
      statusHistory: [{ ...ideaDetail.statusHistory[1]!, response: `Response ${MARKUP}` }],
    };
    const { container } = renderIdea();
    expect(await screen.findByRole('heading', { level: 1, name: `Title ${MARKUP}` })).toBeTruthy();
    for (const text of [`Description ${MARKUP}`, `Comment ${MARKUP}`, `Response ${MARKUP}`]) {
      expect(screen.getByText(text).textContent).toBe(text);
    }
    expect(container.querySelector('img, b, script')).toBeNull();
  });

  it('shows a vote at once, pressed, and withdraws it again', async () => {
    delayMs = 150;
    renderIdea();
    const button = await voteButton();
    expect(button.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByText('41')).toBeTruthy();

    fireEvent.click(button);
    // Before the API has answered: the count and the pressed state already changed.
    expect(await screen.findByText('42')).toBeTruthy();
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(describedBy(button)).toBe('Saving…');
    await waitFor(() => expect(describedBy(button)).toContain('You voted for this idea'));
    expect(requests('PUT', '/vote')).toHaveLength(1);
    // Voting follows the idea too, as the API's answer says.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Follow this idea' }).getAttribute('aria-pressed')).toBe(
        'true',
      ),
    );
    expect(describedBy(button)).toContain('Press the button again to withdraw your vote');

    fireEvent.click(button);
    expect(await screen.findByText('41')).toBeTruthy();
    expect(button.getAttribute('aria-pressed')).toBe('false');
    await waitFor(() => expect(requests('DELETE', '/vote')).toHaveLength(1));
  });

  it('puts the count back and says why when the API refuses a vote', async () => {
    delayMs = 100;
    voteAnswer = () => [
      409,
      { code: 'IDEA_NOT_VOTABLE', title: 'Votes are open only while the idea is open' },
    ];
    renderIdea();
    const button = await voteButton();
    fireEvent.click(button);
    expect(await screen.findByText('42')).toBeTruthy();
    expect((await screen.findByRole('alert')).textContent).toContain('Voting on this idea has closed');
    expect(screen.getByText('41')).toBeTruthy();
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });

  it.each([
    ['shipped', 'This idea has shipped, so voting has closed.'],
    ['declined', 'This idea was declined, so voting has closed.'],
    ['pending_review', 'Voting opens once a moderator has reviewed this idea.'],
  ] as const)('does not take votes on a %s idea and says why', async (state, reason) => {
    idea = { ...idea, state };
    renderIdea();
    const button = await voteButton();
    expect(button).toHaveProperty('disabled', true);
    expect(describedBy(button)).toBe(reason);
  });

  it('links a duplicate to the idea it was merged into', async () => {
    idea = { ...idea, state: 'duplicate', duplicateOf: target };
    renderIdea();
    const link = await screen.findByRole('link', { name: '#4 Oat milk everywhere' });
    expect(link.getAttribute('href')).toBe(`/ideas/${target.id}`);
    expect(link.closest('p')?.textContent).toContain('merged into');
    expect((await voteButton()).hasAttribute('disabled')).toBe(true);
  });

  it('follows and unfollows the idea', async () => {
    renderIdea();
    const button = await followButton();
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    expect(await screen.findByText('13')).toBeTruthy();
    await waitFor(() => expect(describedBy(button)).toContain('You follow this idea'));
    expect(requests('PUT', '/follow')).toHaveLength(1);
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
    await waitFor(() => expect(requests('DELETE', '/follow')).toHaveLength(1));
  });

  it('posts a comment and shows it', async () => {
    renderIdea();
    fireEvent.change(await screen.findByLabelText('Your comment'), { target: { value: 'Count me in' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(await screen.findByText('Your comment is posted.')).toBeTruthy();
    expect(await screen.findByText('Count me in')).toBeTruthy();
    expect(JSON.parse(requests('POST', '/comments')[0]?.body ?? '')).toEqual({ body: 'Count me in' });
    expect(screen.getByLabelText<HTMLTextAreaElement>('Your comment').value).toBe('');
  });

  it('says clearly when the member posted too many comments this hour', async () => {
    commentAnswer = () => [429, { code: 'RATE_LIMITED', title: 'Too many requests' }];
    renderIdea();
    fireEvent.change(await screen.findByLabelText('Your comment'), { target: { value: 'One more' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post comment' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('You have posted a lot of comments in the last hour');
    expect(summary.textContent).toContain('20 comments an hour');
    expect(screen.getByLabelText<HTMLTextAreaElement>('Your comment').value).toBe('One more');
  });

  it('reads later comments a page at a time', async () => {
    idea = { ...idea, comments: { ...idea.comments, nextCursor: 'after-2' } };
    renderIdea();
    fireEvent.click(await screen.findByRole('button', { name: 'Show more comments' }));
    expect(await screen.findByText('A later comment')).toBeTruthy();
    expect(requests('GET', '/comments?cursor=after-2&limit=20')).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Show more comments' })).toBeNull());
  });

  it('reports the idea only after a reason and a confirmation', async () => {
    renderIdea();
    fireEvent.click(await screen.findByRole('button', { name: 'Report' }));
    const form = screen.getByRole('form', { name: 'Report this idea' });
    expect(form.textContent).toContain('Report this idea to the moderators?');
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form', { name: 'Report this idea' })).toBeNull();
    expect(requests('POST', '/flags')).toHaveLength(0);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Report' })));

    fireEvent.click(screen.getByRole('button', { name: 'Report' }));
    fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Choose why you are reporting it');
    expect(requests('POST', '/flags')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Why are you reporting it?'), { target: { value: 'spam' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    expect(await screen.findByText(/Thank you for your report/)).toBeTruthy();
    expect(JSON.parse(requests('POST', '/flags')[0]?.body ?? '')).toEqual({ reason: 'spam' });
  });

  it('says so when the member already reported the idea', async () => {
    flagAnswer = () => [409, { code: 'IDEA_ALREADY_FLAGGED', title: 'You already flagged this idea' }];
    renderIdea();
    fireEvent.click(await screen.findByRole('button', { name: 'Report' }));
    fireEvent.change(screen.getByLabelText('Why are you reporting it?'), { target: { value: 'off_topic' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send report' }));
    expect((await screen.findByRole('alert')).textContent).toContain('You have already reported this idea');
  });

  it('offers no report on the member’s own idea, and says their idea waits for review', async () => {
    idea = { ...idea, state: 'pending_review', authorId: member.id };
    renderIdea();
    expect(await screen.findByText(/Your idea is waiting for review/)).toBeTruthy();
    await voteButton();
    expect(screen.queryByRole('button', { name: 'Report' })).toBeNull();
  });

  it('asks a visitor to sign in instead of offering votes, follows, comments and reports', async () => {
    signedIn = false;
    renderIdea();
    const link = await screen.findByRole('link', { name: 'Sign in to vote, follow and comment' });
    expect(link.getAttribute('href')).toBe('/sign-in');
    expect(screen.queryByRole('button', { name: 'Vote for this idea' })).toBeNull();
    expect(screen.queryByLabelText('Your comment')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Report' })).toBeNull();
    expect(screen.getByText('We are talking to our suppliers about it.')).toBeTruthy();
  });

  it('says when the idea does not exist', async () => {
    renderIdea('no-such-idea');
    expect((await screen.findByRole('alert')).textContent).toContain('Idea not found');
  });
});
