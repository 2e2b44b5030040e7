/**
 * @jest-environment @tally/ui/jest-environment
 */
import type { Campaign, CampaignDefinition } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { CAMPAIGN_ID, campaign, doubleCoffee, preview, programme, regulars } from '../../testing/fixtures';
import { CampaignEditorPage } from '../campaign-editor-page';

const NEW_ID = '2f304152-6374-4859-9a6b-7c8d9e0f1021';

/** The editor is a long form, and role queries over it are slow in jsdom on a busy machine. */
const SLOW = 30_000;

describe('CampaignEditorPage', () => {
  let server: TestServer;
  let stored: Campaign;
  let putProblem: { field: string; message: string }[] | null;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/programme': (_req, res) => sendJson(res, 200, programme),
      'POST /api/v1/campaigns/preview': (_req, res) => sendJson(res, 200, preview),
      'GET /api/v1/segments?limit=100': (_req, res) =>
        sendJson(res, 200, { items: [regulars], nextCursor: null }),
      'POST /api/v1/campaigns': (req, res) => {
        const body = JSON.parse(req.body) as CampaignDefinition;
        if (body.name === 'Spring coffee') {
          return sendProblem(res, 400, {
            code: 'VALIDATION_FAILED',
            title: 'The request is not valid',
            errors: [
              { field: 'name', message: 'is already used by another campaign' },
              { field: 'window.endsAt', message: 'must be after the start' },
            ],
          });
        }
        sendJson(res, 201, campaign({ id: NEW_ID, version: 1, definition: body }));
      },
      [`GET /api/v1/campaigns/${CAMPAIGN_ID}`]: (_req, res) => sendJson(res, 200, stored),
      [`PUT /api/v1/campaigns/${CAMPAIGN_ID}`]: (req, res) => {
        const body = JSON.parse(req.body) as { version: number; definition: CampaignDefinition };
        if (body.version !== stored.version) {
          return sendProblem(res, 409, {
            code: 'CAMPAIGN_VERSION_CONFLICT',
            title: 'Someone saved a newer version of this campaign',
          });
        }
        if (putProblem) {
          return sendProblem(res, 400, {
            code: 'VALIDATION_FAILED',
            title: 'The request is not valid',
            errors: putProblem,
          });
        }
        stored = { ...stored, version: stored.version + 1, definition: body.definition };
        sendJson(res, 200, stored);
      },
    });
  });

  beforeEach(() => {
    stored = campaign();
    putProblem = null;
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const renderEditor = (path: string) =>
    renderPage(
      <Routes>
        <Route path="/campaigns/new" element={<CampaignEditorPage />} />
        <Route path="/campaigns/:id/edit" element={<CampaignEditorPage />} />
        <Route path="/campaigns/:id" element={<p>Campaign page</p>} />
      </Routes>,
      { apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }), path },
    );
  const requests = (method: string, url: string) =>
    server.requests.filter((r) => r.method === method && r.url === url);
  const location = () => screen.getByRole('status', { name: 'Current path' }).textContent;

  async function openForm(path: string, name: string) {
    renderEditor(path);
    const form = await screen.findByRole('form', { name });
    const field = (label: string | RegExp) => within(form).getByLabelText(label);
    const type = (label: string | RegExp, value: string) =>
      fireEvent.change(field(label), { target: { value } });
    return { form, field, type };
  }

  it(
    'checks the campaign with the domain schema first, then shows the API’s field errors beside the fields',
    async () => {
      const { form, field, type } = await openForm('/campaigns/new', 'New campaign');

      fireEvent.click(within(form).getByRole('button', { name: 'Create campaign' }));
      const summary = await within(form).findByRole('alert');
      expect(summary.textContent).toContain('Campaign name must be at least 3 characters');
      expect(field('Campaign name').getAttribute('aria-invalid')).toBe('true');
      expect(field('Starts').getAttribute('aria-invalid')).toBe('true');
      expect(requests('POST', '/api/v1/campaigns')).toEqual([]);

      type('Campaign name', 'Spring coffee');
      type('Starts', '2099-03-01T09:00');
      fireEvent.click(within(form).getByRole('button', { name: 'Create campaign' }));

      await waitFor(() =>
        expect(within(form).getByRole('alert').textContent).toContain('The request is not valid'),
      );
      const ends = field(/^Ends/);
      expect(ends.getAttribute('aria-invalid')).toBe('true');
      const message = document.getElementById(`${ends.id}-error`);
      expect(message?.textContent).toBe('Error: Ends must be after the start');
      expect(ends.getAttribute('aria-describedby')).toContain(message?.id);
      expect(field('Campaign name').getAttribute('aria-invalid')).toBe('true');
      expect(within(form).getByRole('alert').textContent).toContain(
        'Campaign name is already used by another campaign',
      );
    },
    SLOW,
  );

  it(
    'sends the form as a definition in minor units and basis points, then opens the new campaign',
    async () => {
      const { form, field, type } = await openForm('/campaigns/new', 'New campaign');

      type('Campaign name', 'Double coffee points');
      type(/^Description/, 'Twice the points on coffee in March.');
      type('Starts', '2099-03-01T09:00');
      type(/^Ends/, '2099-03-31T18:00');
      fireEvent.click(field('Friday'));
      fireEvent.click(field('Monday'));
      type(/^From hour/, '7');
      type(/^Until hour/, '11');
      fireEvent.click(field('Silver'));
      fireEvent.click(await within(form).findByLabelText('Regulars'));
      type(/^Categories/, 'coffee, tea,, coffee');
      expect(within(form).getByRole('list', { name: 'Categories entered' }).textContent).toBe('coffeetea');
      type(/^Minimum spend/, '5.5');
      type('Multiplier (×)', '1.5');
      type(/^Total budget/, '10000');
      type(/^Allowance per member/, '200');
      fireEvent.change(field('Allowance period'), { target: { value: 'week' } });
      fireEvent.click(field('Exclusive'));
      fireEvent.click(within(form).getByRole('button', { name: 'Create campaign' }));

      await waitFor(() => expect(location()).toBe(`/campaigns/${NEW_ID}`));
      expect(JSON.parse(requests('POST', '/api/v1/campaigns')[0]?.body ?? '')).toEqual({
        name: 'Double coffee points',
        description: 'Twice the points on coffee in March.',
        window: {
          startsAt: new Date(2099, 2, 1, 9, 0).toISOString(),
          endsAt: new Date(2099, 2, 31, 18, 0).toISOString(),
          daysOfWeek: [1, 5],
          hours: { from: 7, to: 11 },
        },
        audience: {
          tierIds: ['silver'],
          segments: [regulars.id],
          newMembersWithinDays: null,
          birthdayMonth: false,
        },
        basket: { categories: ['coffee', 'tea'], skus: [], minSpend: 550 },
        effect: { type: 'multiplier', multiplierBp: 15_000 },
        limits: { budgetPoints: 10_000, perMember: { points: 200, period: 'week' } },
        stacking: 'exclusive',
      });
    },
    SLOW,
  );

  it(
    'previews a sample sale through the API once the campaign is complete, and again when the tier changes',
    async () => {
      const { type } = await openForm('/campaigns/new', 'New campaign');
      const preview = screen.getByRole('region', { name: 'Preview' });

      expect(within(preview).getByRole('status').textContent).toContain(
        'Preview waits for a complete campaign',
      );
      type('Campaign name', 'Double coffee points');
      type('Starts', '2099-03-01T09:00');

      await waitFor(() => expect(within(preview).getByRole('status').textContent).toContain('20 points'));
      const totals = within(preview).getByRole('status').textContent ?? '';
      expect(totals).toContain('Without the campaign10 points');
      expect(totals).toContain('This campaign adds +10 points');
      const lines = within(preview).getByRole('table', { name: 'Points with the campaign' });
      expect(lines.textContent).toContain('Double coffee points: ×2 on coffee');
      const [first] = requests('POST', '/api/v1/campaigns/preview');
      expect(JSON.parse(first?.body ?? '')).toMatchObject({
        definition: { name: 'Double coffee points', effect: { type: 'multiplier', multiplierBp: 20_000 } },
        receipt: { currency: 'GBP', lines: [{ sku: 'SAMPLE-1', quantity: 1, unitPrice: 1000 }] },
        member: {},
      });

      fireEvent.change(within(preview).getByLabelText('Member’s tier'), { target: { value: 'gold' } });
      fireEvent.change(within(preview).getByLabelText('Unit price (GBP)'), { target: { value: '12.34' } });
      await waitFor(() => expect(requests('POST', '/api/v1/campaigns/preview')).toHaveLength(2));
      expect(JSON.parse(requests('POST', '/api/v1/campaigns/preview')[1]?.body ?? '')).toMatchObject({
        receipt: { lines: [{ unitPrice: 1234 }] },
        member: { tierId: 'gold' },
      });
    },
    SLOW,
  );

  it(
    'sends the version it started from, and on a conflict offers to reload the newer one',
    async () => {
      const { form, field, type } = await openForm(
        `/campaigns/${CAMPAIGN_ID}/edit`,
        'Edit Double coffee points',
      );
      expect(field('Campaign name')).toHaveProperty('value', 'Double coffee points');
      expect(field(/^Minimum spend/)).toHaveProperty('value', '5.00');
      expect(field('Multiplier (×)')).toHaveProperty('value', '2');
      // Someone else saves meanwhile.
      stored = campaign({ version: 3, definition: { ...doubleCoffee, name: 'Triple coffee points' } });

      type('Campaign name', 'My coffee points');
      fireEvent.click(within(form).getByRole('button', { name: 'Save campaign' }));

      await waitFor(() =>
        expect(within(form).getByRole('alert').textContent).toContain(
          'Someone saved a newer version of this campaign',
        ),
      );
      expect(form.textContent).toContain('Someone else saved this campaign after you opened it.');
      expect(JSON.parse(requests('PUT', `/api/v1/campaigns/${CAMPAIGN_ID}`)[0]?.body ?? '')).toMatchObject({
        version: 2,
        definition: { name: 'My coffee points', window: { startsAt: doubleCoffee.window.startsAt } },
      });

      fireEvent.click(within(form).getByRole('button', { name: 'Reload the latest version' }));
      const loaded = await within(form).findByText('Loaded version 3. Make your changes again, then save.');
      await waitFor(() => expect(document.activeElement).toBe(loaded));
      expect(field('Campaign name')).toHaveProperty('value', 'Triple coffee points');
      expect(within(form).queryByRole('button', { name: 'Reload the latest version' })).toBeNull();

      fireEvent.click(within(form).getByRole('button', { name: 'Save campaign' }));
      await waitFor(() => expect(location()).toBe(`/campaigns/${CAMPAIGN_ID}`));
      expect(JSON.parse(requests('PUT', `/api/v1/campaigns/${CAMPAIGN_ID}`)[1]?.body ?? '')).toMatchObject({
        version: 3,
      });
    },
    SLOW,
  );

  it(
    'puts the API’s errors about the edited definition beside their fields',
    async () => {
      putProblem = [
        { field: 'definition.limits.budgetPoints', message: 'is below the points already issued' },
      ];
      const { form, field } = await openForm(`/campaigns/${CAMPAIGN_ID}/edit`, 'Edit Double coffee points');

      fireEvent.click(within(form).getByRole('button', { name: 'Save campaign' }));

      await waitFor(() => expect(field(/^Total budget/).getAttribute('aria-invalid')).toBe('true'));
      expect(within(form).getByRole('alert').textContent).toContain(
        'Total budget (points) is below the points already issued',
      );
    },
    SLOW,
  );
});
