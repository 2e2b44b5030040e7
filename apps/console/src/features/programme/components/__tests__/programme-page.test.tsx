/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { Programme, ProgrammeChange } from '@tally/domain';
import { createTallyApiClient, formatDateTime } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { CHANGE_ID, change, coffee, programme } from '../../testing/fixtures';
import { ProgrammePage } from '../programme-page';

describe('ProgrammePage', () => {
  let server: TestServer;
  let changes: ProgrammeChange[];
  /** What the next announcement answers: the stored change, or the API's refusal. */
  let refuse: boolean;
  /** The programme the API holds (PUT replaces it); `refusePut` answers the next PUT with a field error. */
  let stored: Programme;
  let refusePut: boolean;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/programme': (_req, res) => sendJson(res, 200, stored),
      'PUT /api/v1/programme': (req, res) => {
        if (refusePut)
          return sendProblem(res, 400, {
            code: 'VALIDATION_FAILED',
            title: 'The request is not valid',
            errors: [{ field: 'ideas.holdDays', message: 'must be at most 365' }],
          });
        stored = JSON.parse(req.body) as Programme;
        sendJson(res, 200, stored);
      },
      'GET /api/v1/programme/changes': (_req, res) => sendJson(res, 200, changes),
      'GET /api/v1/rewards/all': (_req, res) => sendJson(res, 200, [coffee]),
      'POST /api/v1/programme/changes': (req, res) => {
        const body = JSON.parse(req.body) as { effectiveAt: string };
        if (refuse)
          return sendProblem(res, 422, {
            code: 'PROGRAMME_NOTICE_TOO_SHORT',
            title: 'Not enough notice for a change worse for members',
            detail: "This change is worse for members (longer return window), so it needs 30 days' notice.",
            errors: [{ field: 'effectiveAt', message: 'must be on or after 2099-03-31T09:00:00.000Z' }],
          });
        const created = change({ effectiveAt: new Date(body.effectiveAt).toISOString() });
        changes = [created];
        sendJson(res, 201, created);
      },
      [`POST /api/v1/programme/changes/${CHANGE_ID}/withdraw`]: (_req, res) => {
        changes = changes.map((c) =>
          c.id === CHANGE_ID ? { ...c, status: 'withdrawn', withdrawnAt: '2099-02-21T10:00:00.000Z' } : c,
        );
        sendJson(
          res,
          200,
          changes.find((c) => c.id === CHANGE_ID),
        );
      },
    });
  });

  beforeEach(() => {
    changes = [];
    refuse = false;
    stored = programme;
    refusePut = false;
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const renderProgramme = (canManage = true) =>
    renderPage(<ProgrammePage canManage={canManage} />, {
      apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
      path: '/programme',
    });
  const announceForm = () => screen.findByRole('form', { name: 'Announce a change' }, { timeout: 5000 });
  /** The "Ideas bonuses" part's list of current values. */
  const currentBonuses = () => screen.getByRole('region', { name: 'Ideas bonuses' }).querySelector('dl')!;
  const setField = (form: HTMLElement, label: string, value: string) =>
    fireEvent.change(within(form).getByLabelText(label, { exact: false }), { target: { value } });

  it('lists a longer return window and a higher reward price as worse, with the notice period and earliest date', async () => {
    renderProgramme();
    const form = await announceForm();
    expect(screen.getByText('Nothing members would notice changes yet.')).toBeTruthy();

    setField(form, 'Return window (days)', '30');
    setField(form, 'Free coffee (points)', '350');
    setField(form, 'Gold multiplier', '2');

    const preview = within(form).getByRole('list', { name: 'Differences' });
    const items = within(preview)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Worse for members: Points can be spent 30 days after a purchase (was 14)',
      'Gold earns ×2 instead of ×1.5',
      'Worse for members: Free coffee costs 350 points instead of 300',
    ]);
    const warning = within(form).getByText(/This change is worse for members: it needs 30 days’ notice/);
    const earliest = warning.querySelector('time')?.getAttribute('dateTime') ?? '';
    const days = (Date.parse(earliest) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThanOrEqual(30);
  }, 15_000);

  it('lists bringing in expiry after inactivity as worse, and leaving the field empty as no rule', async () => {
    renderProgramme();
    const form = await announceForm();
    setField(form, 'All points expire after inactivity (months)', '12');
    const preview = within(form).getByRole('list', { name: 'Differences' });
    expect(
      within(preview)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Worse for members: All your points expire after 12 months without earning or spending (was: no such rule)',
    ]);
    setField(form, 'All points expire after inactivity (months)', '');
    expect(await screen.findByText('Nothing members would notice changes yet.')).toBeTruthy();
  }, 15_000);

  it('shows the API’s refusal on the effective date with its detail, then announces with a later date', async () => {
    refuse = true;
    renderProgramme();
    const form = await announceForm();
    setField(form, 'Return window (days)', '30');
    setField(form, 'Free coffee (points)', '350');
    setField(form, 'Takes effect on', '2099-03-10T09:00');
    fireEvent.click(within(form).getByRole('button', { name: 'Announce the change' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain("so it needs 30 days' notice");
    const date = within(form).getByLabelText('Takes effect on', { exact: false });
    await waitFor(() => expect(date.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(`${date.id}-error`);
    expect(message?.textContent).toContain(
      `Takes effect on must be on or after ${formatDateTime('2099-03-31T09:00:00.000Z')}: a change worse for members needs 30 days’ notice`,
    );

    const sent = JSON.parse(server.requests.find((r) => r.method === 'POST')?.body ?? '') as {
      effectiveAt: string;
      programme: { pendingDays: number; cashierLimits: unknown };
      rewardPrices: unknown;
    };
    expect(Date.parse(sent.effectiveAt)).toBe(new Date(2099, 2, 10, 9, 0).getTime());
    expect(sent.effectiveAt).toMatch(/[+-]\d{2}:\d{2}$/);
    expect(sent.programme.pendingDays).toBe(30);
    expect(sent.programme.cashierLimits).toEqual(programme.cashierLimits);
    expect(sent.rewardPrices).toEqual([{ rewardId: coffee.id, costPoints: 350 }]);

    refuse = false;
    setField(form, 'Takes effect on', '2099-04-01T09:00');
    fireEvent.click(within(form).getByRole('button', { name: 'Announce the change' }));
    expect(await screen.findByText(/Change announced for/)).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Programme changes' });
    expect(within(list).getByText('Announced', { selector: '.tally-badge' })).toBeTruthy();
  });

  it('announces the edited member-facing settings on top of the programme as saved now, so idea bonuses saved meanwhile are not sent back', async () => {
    renderProgramme();
    const form = await announceForm();
    // Someone saves new idea bonuses after this page read the programme.
    stored = { ...stored, ideas: { ...stored.ideas, shippedPoints: stored.ideas.shippedPoints + 1 } };
    setField(form, 'Return window (days)', '10');
    setField(form, 'Takes effect on', '2099-04-01T09:00');
    fireEvent.click(within(form).getByRole('button', { name: 'Announce the change' }));
    expect(await screen.findByText(/Change announced for/)).toBeTruthy();

    const sent = JSON.parse(server.requests.find((r) => r.method === 'POST')?.body ?? '') as {
      programme: Programme;
    };
    expect(sent.programme.pendingDays).toBe(10);
    expect(sent.programme.ideas).toEqual(stored.ideas);
  });

  it('lists changes with their differences and withdraws an announced one after confirmation', async () => {
    changes = [
      change(),
      change({
        id: '1e6d5c4b-3a29-4817-a605-f4e3d2c1b0a9',
        status: 'applied',
        worse: false,
        effectiveAt: '2099-01-01T00:00:00.000Z',
        appliedAt: '2099-01-01T00:00:00.000Z',
        differences: [
          {
            setting: 'earnRate',
            summary: 'You earn 2 points per £1.00 instead of 1 point per £1.00',
            worse: false,
          },
        ],
      }),
    ];
    renderProgramme();
    await announceForm();
    const list = await screen.findByRole('list', { name: 'Programme changes' });
    const [announced, applied] = within(list)
      .getAllByRole('listitem', { name: '' })
      .filter((li) => li.parentElement === list);
    expect(within(announced!).getByText('Announced', { selector: '.tally-badge' })).toBeTruthy();
    expect(within(announced!).getByText(/Points can be spent 30 days after a purchase/)).toBeTruthy();
    expect(within(applied!).getByText('Applied', { selector: '.tally-badge' })).toBeTruthy();
    expect(within(applied!).queryByRole('button', { name: 'Withdraw' })).toBeNull();

    fireEvent.click(within(announced!).getByRole('button', { name: 'Withdraw' }));
    expect(server.requests.filter((r) => r.method === 'POST')).toEqual([]);
    fireEvent.click(within(announced!).getByRole('button', { name: 'Confirm withdrawal' }));

    expect(await screen.findByText('Change withdrawn.')).toBeTruthy();
    expect(server.requests.find((r) => r.method === 'POST')?.url).toBe(
      `/api/v1/programme/changes/${CHANGE_ID}/withdraw`,
    );
    await waitFor(() =>
      expect(within(list).getByText('Withdrawn', { selector: '.tally-badge' })).toBeTruthy(),
    );
    expect(within(list).queryByRole('button', { name: 'Withdraw' })).toBeNull();
  });

  it('shows a read-only role the settings and changes but no form and no withdraw button', async () => {
    changes = [change()];
    renderProgramme(false);
    expect(await screen.findByText('Current settings', {}, { timeout: 5000 })).toBeTruthy();
    await screen.findByRole('list', { name: 'Programme changes' });
    expect(screen.queryByRole('form', { name: 'Announce a change' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Withdraw' })).toBeNull();
    expect(currentBonuses().textContent).toContain('250 points, pending for 30 days');
    expect(screen.queryByRole('form', { name: 'Change ideas bonuses' })).toBeNull();
    expect(server.requests.map((r) => r.url)).not.toContain('/api/v1/rewards/all');
  });

  it('says so when no change has been announced', async () => {
    renderProgramme(false);
    expect(await screen.findByText('No change has been announced.', {}, { timeout: 5000 })).toBeTruthy();
  });

  describe('ideas bonuses', () => {
    const bonusForm = () => screen.findByRole('form', { name: 'Change ideas bonuses' }, { timeout: 5000 });
    const puts = () => server.requests.filter((r) => r.method === 'PUT');
    const inputFor = (form: HTMLElement, label: string) =>
      within(form).getByLabelText(label, { exact: false });

    it('shows the current bonuses and saves new ones at once, re-reading the programme so nothing else changes', async () => {
      renderProgramme();
      const form = await bonusForm();
      const current = currentBonuses();
      expect(current.textContent).toContain('250 points, pending for 30 days');
      expect(current.textContent).toContain('1,000 points at once');
      expect(current.textContent).toContain('At most 3,000 bonus points per member');
      expect((inputFor(form, 'Accepted bonus (points)') as HTMLInputElement).value).toBe('250');

      // An announced change applied since the page loaded: the save must not put the old value back.
      stored = { ...programme, pendingDays: 21 };
      setField(form, 'Accepted bonus (points)', '400');
      setField(form, 'Shipped bonus (points)', '1500');
      setField(form, 'Accepted bonus held for (days)', '10');
      setField(form, 'Most bonus points per member per quarter', '5000');
      fireEvent.click(within(form).getByRole('button', { name: 'Save ideas bonuses' }));

      expect(await screen.findByText(/Ideas bonuses saved/)).toBeTruthy();
      const sent = JSON.parse(puts()[0]?.body ?? '') as Programme;
      expect(sent).toEqual({
        ...programme,
        pendingDays: 21,
        ideas: { acceptedPoints: 400, shippedPoints: 1500, holdDays: 10, quarterlyCapPerMember: 5000 },
      });
      await waitFor(() => expect(currentBonuses().textContent).toContain('400 points, pending for 10 days'));
    }, 15_000);

    it('names a field that is empty or out of range beside it and sends nothing', async () => {
      renderProgramme();
      const form = await bonusForm();
      setField(form, 'Shipped bonus (points)', '');
      setField(form, 'Accepted bonus held for (days)', '400');
      fireEvent.click(within(form).getByRole('button', { name: 'Save ideas bonuses' }));

      const holdDays = inputFor(form, 'Accepted bonus held for (days)');
      await waitFor(() => expect(holdDays.getAttribute('aria-invalid')).toBe('true'));
      expect(document.getElementById(`${holdDays.id}-error`)?.textContent).toMatch(/365/);
      expect(inputFor(form, 'Shipped bonus (points)').getAttribute('aria-invalid')).toBe('true');
      expect(inputFor(form, 'Accepted bonus (points)').getAttribute('aria-invalid')).not.toBe('true');
      expect(puts()).toEqual([]);
    }, 15_000);

    it('shows the API’s field error beside the input it names', async () => {
      refusePut = true;
      renderProgramme();
      const form = await bonusForm();
      setField(form, 'Accepted bonus held for (days)', '45');
      fireEvent.click(within(form).getByRole('button', { name: 'Save ideas bonuses' }));

      const holdDays = inputFor(form, 'Accepted bonus held for (days)');
      await waitFor(() => expect(holdDays.getAttribute('aria-invalid')).toBe('true'));
      expect(document.getElementById(`${holdDays.id}-error`)?.textContent).toContain('must be at most 365');
      expect(screen.queryByText(/Ideas bonuses saved/)).toBeNull();
      expect(currentBonuses().textContent).toContain('pending for 30 days');
    }, 15_000);
  });
});
