/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { AuthUser, Idea, ModerationQueueItem } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import {
  renderPage,
  sendJson,
  sendProblem,
  startTestServer,
  type Route,
  type TestServer,
} from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AppRoutes } from '../../../../app/routes';
import { staffUser } from '../../../../test/fixtures';
import { IDEA_ID, SPAM_ID, flaggedItem, pendingItem } from '../../testing/fixtures';

describe('ideas review queue', () => {
  let server: TestServer;
  let user: AuthUser;
  let queue: ModerationQueueItem[];
  let refusal: { status: number; code: string; title: string; detail?: string } | null;

  function decide(id: string, to: (item: ModerationQueueItem) => Idea['state']): Route {
    return (_req, res) => {
      if (refusal) return sendProblem(res, refusal.status, refusal);
      const item = queue.find((i) => i.idea.id === id)!;
      queue = queue.filter((i) => i.idea.id !== id);
      sendJson(res, 200, { ...item.idea, state: to(item) });
    };
  }

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/auth/session': (_req, res) => sendJson(res, 200, user),
      'GET /api/v1/stores': (_req, res) => sendJson(res, 200, []),
      'GET /api/v1/admin/ideas/queue': (req, res) => {
        const reason = new URLSearchParams(req.url.split('?')[1]).get('reason');
        sendJson(res, 200, { items: queue.filter((i) => !reason || i.reason === reason), nextCursor: null });
      },
      [`POST /api/v1/admin/ideas/${IDEA_ID}/approve`]: decide(IDEA_ID, () => 'open'),
      [`POST /api/v1/admin/ideas/${SPAM_ID}/approve`]: decide(SPAM_ID, (item) => item.idea.state),
      [`POST /api/v1/admin/ideas/${IDEA_ID}/decline-spam`]: decide(IDEA_ID, () => 'declined'),
      [`POST /api/v1/admin/ideas/${SPAM_ID}/decline-spam`]: decide(SPAM_ID, () => 'declined'),
    });
  });

  beforeEach(() => {
    user = staffUser('marketing');
    queue = [pendingItem, flaggedItem];
    refusal = null;
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const renderQueue = () =>
    renderPage(<AppRoutes />, {
      apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
      path: '/ideas/review',
    });
  const card = (number: number) => screen.getByRole('article', { name: new RegExp(`^#${number} `) });
  const posts = () => server.requests.filter((r) => r.method === 'POST');
  const loaded = () => screen.findByRole('list', { name: 'Ideas to moderate' }, { timeout: 5000 });

  it('lists ideas waiting for review and flagged ideas with the author, whether trusted, and the flags', async () => {
    renderQueue();
    const list = await loaded();
    expect(
      within(list)
        .getAllByRole('article')
        .map((a) => within(a).getByRole('heading').textContent),
    ).toEqual(['#42 Paper bags at every till', '#43 Cheap watches at my website']);

    const pending = card(42);
    expect(pending.textContent).toContain('Waiting for review before members see it.');
    const fact = (article: HTMLElement, term: string) =>
      within(article).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(fact(pending, 'Author')).toBe('Ann Not trusted yet');
    // Members' text is shown as text: the markup is not rendered.
    expect(within(pending).getByText(/not<\/b> bold/)).toBeTruthy();

    const flagged = card(43);
    expect(flagged.textContent).toContain('Flagged by members while public.');
    expect(fact(flagged, 'Author')).toBe('Sam Trusted author');
    const flags = within(flagged).getByRole('list', { name: 'Flags on #43' });
    expect(
      within(flags)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.split(' (')[0]),
    ).toEqual(['Spam: An advert', 'Off topic']);
    expect(fact(flagged, 'Flags')).toBe('2');
    expect(within(flagged).getByRole('link', { name: 'Open #43' }).getAttribute('href')).toBe(
      `/ideas/${SPAM_ID}`,
    );
    expect(server.requests.find((r) => r.url.startsWith('/api/v1/admin/ideas/queue'))?.url).toBe(
      '/api/v1/admin/ideas/queue?limit=25',
    );
    // The first render of a suite loads the lazy page: slow on a busy machine.
  }, 15_000);

  it('approves after a confirmation, trusting the author when ticked, and says so', async () => {
    renderQueue();
    await loaded();
    fireEvent.click(within(card(42)).getByRole('button', { name: 'Approve…' }));
    const form = screen.getByRole('form', { name: 'Approve: #42 Paper bags at every till' });
    expect(posts()).toHaveLength(0);
    expect(within(form).getByLabelText<HTMLTextAreaElement>('Public response').value).toBe(
      'Thanks! Your idea is now open for votes.',
    );
    fireEvent.click(within(form).getByLabelText('Mark Ann trusted'));
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm approval' }));
    expect(within(form).getByRole('button', { name: 'Confirm approval' }).hasAttribute('disabled')).toBe(
      true,
    );

    expect(
      await screen.findByText('Approved #42 Paper bags at every till; Ann is trusted from now on.'),
    ).toBeTruthy();
    expect(posts().map((r) => [r.url, JSON.parse(r.body)])).toEqual([
      [
        `/api/v1/admin/ideas/${IDEA_ID}/approve`,
        { markAuthorTrusted: true, response: 'Thanks! Your idea is now open for votes.' },
      ],
    ]);
    await waitFor(() => expect(screen.queryByRole('article', { name: /^#42 / })).toBeNull());
  });

  it('asks a reason to approve a flagged public idea, which keeps its state and has no trust box for a trusted author', async () => {
    renderQueue();
    await loaded();
    fireEvent.click(within(card(43)).getByRole('button', { name: 'Approve…' }));
    const form = screen.getByRole('form', { name: 'Approve: #43 Cheap watches at my website' });
    expect(form.textContent).toContain('It stays open; its 2 flags are cleared.');
    expect(form.textContent).toContain('Sam is already trusted.');
    expect(within(form).queryByRole('checkbox')).toBeNull();

    fireEvent.click(within(form).getByRole('button', { name: 'Confirm approval' }));
    expect(within(form).getByLabelText('Reason').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByRole('alert').textContent).toContain('Reason must be at least 3 characters');
    expect(posts()).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'Flags checked: fine' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm approval' }));
    expect(await screen.findByText('Approved #43 Cheap watches at my website.')).toBeTruthy();
    expect(JSON.parse(posts()[0]?.body ?? '')).toEqual({
      markAuthorTrusted: false,
      response: 'Flags checked: fine',
    });
  });

  it('declines as spam with the author blocked by default and the reason given', async () => {
    renderQueue();
    await loaded();
    fireEvent.click(within(card(43)).getByRole('button', { name: 'Decline as spam…' }));
    const form = screen.getByRole('form', { name: 'Decline as spam: #43 Cheap watches at my website' });
    expect(within(form).getByLabelText<HTMLInputElement>('Block Sam from the ideas board').checked).toBe(
      true,
    );
    const reason = within(form).getByLabelText('Reason (the author reads it)');
    fireEvent.change(reason, { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm: decline as spam' }));
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(posts()).toHaveLength(0);

    fireEvent.change(reason, { target: { value: 'Advertising is not an idea.' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm: decline as spam' }));
    expect(
      await screen.findByText(
        'Declined #43 Cheap watches at my website as spam; Sam is blocked from the board.',
      ),
    ).toBeTruthy();
    expect(posts().map((r) => [r.url, JSON.parse(r.body)])).toEqual([
      [
        `/api/v1/admin/ideas/${SPAM_ID}/decline-spam`,
        { blockAuthor: true, response: 'Advertising is not an idea.' },
      ],
    ]);
  });

  it('leaves the author unblocked when the box is unticked, and Cancel sends nothing', async () => {
    renderQueue();
    await loaded();
    fireEvent.click(within(card(42)).getByRole('button', { name: 'Decline as spam…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form')).toBeNull();
    expect(posts()).toHaveLength(0);

    fireEvent.click(within(card(42)).getByRole('button', { name: 'Decline as spam…' }));
    const form = screen.getByRole('form', { name: 'Decline as spam: #42 Paper bags at every till' });
    fireEvent.click(within(form).getByLabelText('Block Ann from the ideas board'));
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm: decline as spam' }));
    expect(await screen.findByText('Declined #42 Paper bags at every till as spam.')).toBeTruthy();
    expect(JSON.parse(posts()[0]?.body ?? '').blockAuthor).toBe(false);
  });

  it('says so above the queue when another moderator decided first', async () => {
    refusal = {
      status: 409,
      code: 'IDEA_TRANSITION_REFUSED',
      title: 'The idea cannot make that change from its state',
    };
    renderQueue();
    await loaded();
    fireEvent.click(within(card(42)).getByRole('button', { name: 'Approve…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm approval' }));
    const notice = await screen.findByText(
      '#42 Paper bags at every till was already decided by someone else; the queue is up to date again.',
    );
    expect(notice.getAttribute('role')).toBe('status');
  });

  it('shows any other refusal in the form, with the problem’s title', async () => {
    refusal = { status: 503, code: 'DATABASE_UNAVAILABLE', title: 'The database is not available' };
    renderQueue();
    await loaded();
    fireEvent.click(within(card(42)).getByRole('button', { name: 'Approve…' }));
    const form = screen.getByRole('form', { name: /^Approve: #42/ });
    fireEvent.click(within(form).getByRole('button', { name: 'Confirm approval' }));
    expect(await within(form).findByText('The database is not available')).toBeTruthy();
    expect(screen.getByRole('article', { name: /^#42 / })).toBeTruthy();
  });

  it('filters to flagged ideas and shows an empty queue plainly', async () => {
    queue = [pendingItem];
    renderQueue();
    await loaded();
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'flagged' } });
    expect(await screen.findByText('No idea is flagged.')).toBeTruthy();
    expect(server.requests.some((r) => r.url === '/api/v1/admin/ideas/queue?reason=flagged&limit=25')).toBe(
      true,
    );
  });

  it('tells a cashier the page is not theirs and has no Ideas entry in the navigation', async () => {
    user = staffUser('cashier');
    renderQueue();
    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('ideas:moderate');
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Ideas' }),
    ).toBeNull();
    expect(server.requests.some((r) => r.url.startsWith('/api/v1/admin/ideas'))).toBe(false);
  });

  it('shows the Ideas entry to a manager', async () => {
    user = staffUser('manager');
    renderQueue();
    await loaded();
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Ideas' }),
    ).toBeTruthy();
  });
});
