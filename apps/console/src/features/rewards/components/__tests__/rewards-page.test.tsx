/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { Reward } from '@tally/domain';
import { createTallyApiClient, formatDateTime } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { isoToLocalInput, localInputToIso } from '../../../../lib/local-date-time';
import { RewardsPage } from '../rewards-page';

const coffee: Reward = {
  id: '2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091',
  name: 'Free coffee',
  description: 'Any size, any store.',
  imageUrl: null,
  costPoints: 500,
  stock: null,
  perMemberLimit: 2,
  activeFrom: '2025-01-01T09:00:37.123Z',
  activeUntil: null,
  voucherValidDays: 14,
  archived: false,
};
const umbrella: Reward = {
  ...coffee,
  id: '4d5e6f70-8192-4a34-9c5d-6e7f80910213',
  name: 'Umbrella',
  description: '',
  costPoints: 4000,
  stock: 25,
  perMemberLimit: null,
  activeFrom: '2099-03-01T09:00:00.000Z',
};
const calendar: Reward = {
  ...coffee,
  id: '5e6f7081-92a3-4b45-8d6e-7f8091021324',
  name: 'Desk calendar 2024',
  costPoints: 800,
  stock: 0,
  activeFrom: '2023-11-01T09:00:00.000Z',
  activeUntil: '2024-01-31T23:00:00.000Z',
};
const mug: Reward = { ...coffee, id: '6f708192-a3b4-4c56-9e7f-809102132435', name: 'Mug', archived: true };

const NEW_ID = '708192a3-b4c5-4d67-8f80-910213243546';

describe('RewardsPage', () => {
  let server: TestServer;
  let rewards: Reward[];
  let listFails: boolean;
  /** While set, PATCH answers wait for it: the page can be seen mid-save. */
  let patchGate: Promise<void> | null;

  const patch = (reward: Reward) => (req: { body: string }, res: Parameters<typeof sendJson>[0]) => {
    const changed = { ...reward, ...(JSON.parse(req.body) as Partial<Reward>) };
    void (patchGate ?? Promise.resolve()).then(() => {
      rewards = rewards.map((r) => (r.id === reward.id ? changed : r));
      sendJson(res, 200, changed);
    });
  };

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/rewards/all': (_req, res) =>
        listFails
          ? sendProblem(res, 403, { code: 'FORBIDDEN', title: 'You may not do this' }, 'req-rewards')
          : sendJson(res, 200, rewards),
      'POST /api/v1/rewards': (req, res) => {
        const body = JSON.parse(req.body) as Partial<Reward>;
        if (rewards.some((r) => r.name === body.name)) {
          return sendProblem(res, 400, {
            code: 'VALIDATION_FAILED',
            title: 'The request is not valid',
            errors: [{ field: 'name', message: 'is already in the catalogue' }],
          });
        }
        // As the API does: defaults for what was left out, instants answered in UTC.
        const created: Reward = {
          id: NEW_ID,
          description: '',
          imageUrl: null,
          stock: null,
          perMemberLimit: null,
          activeUntil: null,
          voucherValidDays: 30,
          archived: false,
          name: '',
          costPoints: 0,
          ...body,
          activeFrom: new Date(body.activeFrom ?? Date.now()).toISOString(),
        };
        rewards = [...rewards, created];
        sendJson(res, 201, created);
      },
      [`PATCH /api/v1/rewards/${coffee.id}`]: patch(coffee),
      [`PATCH /api/v1/rewards/${mug.id}`]: patch(mug),
    });
  });

  beforeEach(() => {
    rewards = [coffee, umbrella, calendar, mug];
    listFails = false;
    patchGate = null;
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const renderRewards = () =>
    renderPage(<RewardsPage />, {
      apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }),
      path: '/rewards',
    });
  const row = (name: string) => screen.findByRole('row', { name: new RegExp(`^${name}`) });
  const cells = (tr: HTMLElement) =>
    within(tr)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
  const requestsTo = (method: string) => server.requests.filter((r) => r.method === method);

  it('lists every reward with cost, stock, limit, dates on the reader’s clock and its status', async () => {
    renderRewards();
    expect(screen.getByText('Loading rewards…').getAttribute('role')).toBe('status');

    const coffeeRow = await row('Free coffee');
    expect(cells(coffeeRow).slice(0, 6)).toEqual([
      '500',
      'Unlimited',
      '2',
      formatDateTime(coffee.activeFrom),
      'No end date',
      'Active',
    ]);
    expect(within(coffeeRow).getByText(formatDateTime(coffee.activeFrom)).getAttribute('datetime')).toBe(
      coffee.activeFrom,
    );
    expect(cells(await row('Umbrella')).slice(0, 6)).toEqual([
      '4,000',
      '25',
      'No limit',
      formatDateTime(umbrella.activeFrom),
      'No end date',
      'Scheduled',
    ]);
    expect(cells(await row('Desk calendar 2024')).slice(1, 6)).toEqual([
      '0',
      '2',
      formatDateTime(calendar.activeFrom),
      formatDateTime(calendar.activeUntil ?? ''),
      'Ended',
    ]);
    const mugRow = await row('Mug');
    expect(cells(mugRow)[5]).toBe('Archived');
    expect(within(mugRow).getByRole('button', { name: 'Restore' })).toBeTruthy();
  });

  it('says so when the catalogue is empty', async () => {
    rewards = [];
    renderRewards();

    expect(await screen.findByText('No rewards yet. Add the first one above.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Rewards' })).toBeNull();
  });

  it('shows why the catalogue could not be read, with the request id and a retry', async () => {
    listFails = true;
    renderRewards();

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You may not do this');
    expect(alert.textContent).toContain('req-rewards');

    listFails = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await row('Free coffee')).toBeTruthy();
  });

  it('checks a new reward with the domain schema first, shows the API’s field errors, then adds it', async () => {
    renderRewards();
    await row('Free coffee');
    const form = screen.getByRole('form', { name: 'Add reward' });
    const field = (label: string) => within(form).getByLabelText(label, { exact: false });

    fireEvent.change(field('Reward name'), { target: { value: 'T' } });
    fireEvent.change(field('On offer from'), { target: { value: '2030-07-01T09:00' } });
    fireEvent.change(field('On offer until'), { target: { value: '2030-06-01T09:00' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add reward' }));

    const summary = await within(form).findByRole('alert');
    expect(summary.textContent).toContain('Reward name must be at least 2 characters');
    expect(field('Reward name').getAttribute('aria-invalid')).toBe('true');
    expect(field('Cost in points').getAttribute('aria-invalid')).toBe('true');
    expect(requestsTo('POST')).toEqual([]);

    // The schema's cross-field rule speaks once the fields themselves are right.
    fireEvent.change(field('Reward name'), { target: { value: 'Free coffee' } });
    fireEvent.change(field('Cost in points'), { target: { value: '1200' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add reward' }));
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toContain('On offer until must be after the start'),
    );
    expect(requestsTo('POST')).toEqual([]);

    fireEvent.change(field('On offer until'), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add reward' }));
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toContain('The request is not valid'),
    );
    expect(within(form).getByRole('alert').textContent).toContain('Reward name is already in the catalogue');
    expect(field('Reward name').getAttribute('aria-invalid')).toBe('true');
    expect(requestsTo('POST')).toHaveLength(1);

    fireEvent.change(field('Reward name'), { target: { value: 'Tote bag' } });
    fireEvent.change(field('Description'), { target: { value: 'Canvas, printed in Leeds.' } });
    fireEvent.change(field('Stock'), { target: { value: '50' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add reward' }));
    expect(within(form).getByRole('button', { name: 'Add reward' })).toHaveProperty('disabled', true);

    expect((await within(form).findByText('Reward Tote bag added.')).getAttribute('role')).toBe('status');
    expect(JSON.parse(requestsTo('POST')[1]?.body ?? '')).toEqual({
      name: 'Tote bag',
      description: 'Canvas, printed in Leeds.',
      costPoints: 1200,
      stock: 50,
      activeFrom: localInputToIso('2030-07-01T09:00'),
      voucherValidDays: 30,
    });
    expect(cells(await row('Tote bag'))[5]).toBe('Scheduled');
    expect(field('Reward name')).toHaveProperty('value', '');
    expect(field('Voucher valid for (days)')).toHaveProperty('value', '30');
  });

  it('edits a reward in its row, sending every field and keeping the exact start', async () => {
    renderRewards();
    const coffeeRow = await row('Free coffee');
    const editButton = within(coffeeRow).getByRole('button', { name: 'Edit' });

    fireEvent.click(editButton);
    const form = screen.getByRole('form', { name: 'Edit Free coffee' });
    const field = (label: string) => within(form).getByLabelText(label, { exact: false });
    expect(field('Reward name')).toHaveProperty('value', 'Free coffee');
    expect(field('On offer from')).toHaveProperty('value', isoToLocalInput(coffee.activeFrom));
    expect(field('Limit per member')).toHaveProperty('value', '2');

    fireEvent.change(field('Cost in points'), { target: { value: '450' } });
    fireEvent.change(field('Limit per member'), { target: { value: '' } });
    fireEvent.change(field('Stock'), { target: { value: '100' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save reward' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit Free coffee' })).toBeNull());
    expect(JSON.parse(requestsTo('PATCH')[0]?.body ?? '')).toEqual({
      name: 'Free coffee',
      description: 'Any size, any store.',
      imageUrl: null,
      costPoints: 450,
      stock: 100,
      perMemberLimit: null,
      activeFrom: coffee.activeFrom,
      activeUntil: null,
      voucherValidDays: 14,
    });
    await waitFor(async () =>
      expect(cells(await row('Free coffee')).slice(0, 3)).toEqual(['450', '100', 'No limit']),
    );
    expect(document.activeElement).toBe(editButton);
  });

  it('archives a reward, with the button disabled while it saves, and restores it', async () => {
    let releasePatch: () => void = () => undefined;
    patchGate = new Promise<void>((resolve) => {
      releasePatch = resolve;
    });
    renderRewards();
    const coffeeRow = await row('Free coffee');

    fireEvent.click(within(coffeeRow).getByRole('button', { name: 'Archive' }));

    await waitFor(() => expect(requestsTo('PATCH')).toHaveLength(1));
    expect(within(coffeeRow).getByRole('button', { name: 'Archive' })).toHaveProperty('disabled', true);
    expect(within(coffeeRow).getByRole('status').textContent).toBe('Archiving…');
    expect(JSON.parse(requestsTo('PATCH')[0]?.body ?? '')).toEqual({
      archived: true,
      description: coffee.description,
      voucherValidDays: coffee.voucherValidDays,
    });

    releasePatch();
    const restore = await within(coffeeRow).findByRole('button', { name: 'Restore' });
    expect(restore).toHaveProperty('disabled', false);
    expect(cells(coffeeRow)[5]).toBe('Archived');

    patchGate = null;
    fireEvent.click(restore);
    expect(await within(coffeeRow).findByRole('button', { name: 'Archive' })).toBeTruthy();
    expect(cells(coffeeRow)[5]).toBe('Active');
    expect(JSON.parse(requestsTo('PATCH')[1]?.body ?? '')).toMatchObject({ archived: false });
  });

  it('keeps a failed archive in view with the problem', async () => {
    rewards = [{ ...coffee, id: umbrella.id, name: 'Gone' }];
    renderRewards();
    const goneRow = await row('Gone');

    fireEvent.click(within(goneRow).getByRole('button', { name: 'Archive' }));

    expect((await screen.findByRole('alert')).textContent).toContain('The server answered 404');
    expect(within(goneRow).getByRole('button', { name: 'Archive' })).toHaveProperty('disabled', false);
  });
});
