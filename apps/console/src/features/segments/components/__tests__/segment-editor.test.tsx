/**
 * @jest-environment @tally/ui/jest-environment
 */
import { DEFAULT_PROGRAMME, type SegmentDefinition, type SegmentDetail } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, sendProblem, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { london } from '../../../../test/fixtures';
import { SegmentEditorPage } from '../segment-editor-page';

const SEGMENT_ID = '3a4b5c6d-7e8f-4091-a2b3-c4d5e6f70819';
const NEW_ID = '3a4b5c6d-7e8f-4091-a2b3-c4d5e6f7081a';
/** The editor is a long form; role queries over it are slow in jsdom on a busy machine. */
const SLOW = 30_000;

const bigSpenders: SegmentDefinition = {
  name: 'Big spenders',
  description: '',
  rules: [
    { kind: 'spend', days: 30, min: 10_000, max: null },
    { kind: 'tier', tierIds: ['gold'] },
  ],
};

function detail(overrides: Partial<SegmentDetail> = {}): SegmentDetail {
  return {
    id: SEGMENT_ID,
    version: 2,
    definition: bigSpenders,
    archived: false,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-02T10:00:00.000Z',
    memberCount: 12,
    countedAt: '2026-01-03T10:00:00.000Z',
    campaigns: [],
    ...overrides,
  };
}

describe('SegmentEditorPage', () => {
  let server: TestServer;
  let stored: SegmentDetail;
  let putProblem: { field: string; message: string }[] | null;

  beforeAll(async () => {
    server = await startTestServer({
      'GET /api/v1/programme': (_req, res) => sendJson(res, 200, DEFAULT_PROGRAMME),
      // The count depends on the rules, so a test can tell which answer it is showing.
      'POST /api/v1/segments/count': (req, res) => {
        const { definition } = JSON.parse(req.body) as { definition: SegmentDefinition };
        sendJson(res, 200, {
          members: 1000 + definition.rules.length * 100 + JSON.stringify(definition).length,
          countedAt: '2026-01-03T10:00:00.000Z',
        });
      },
      'POST /api/v1/segments': (req, res) => {
        const body = JSON.parse(req.body) as SegmentDefinition;
        if (body.name === 'Regulars')
          return sendProblem(res, 409, {
            code: 'SEGMENT_NAME_TAKEN',
            title: 'Another segment already has this name',
            errors: [{ field: 'name', message: 'is already the name of another segment' }],
          });
        sendJson(res, 201, { ...detail({ id: NEW_ID, version: 1, definition: body }) });
      },
      [`GET /api/v1/segments/${SEGMENT_ID}`]: (_req, res) => sendJson(res, 200, stored),
      [`PUT /api/v1/segments/${SEGMENT_ID}`]: (req, res) => {
        const body = JSON.parse(req.body) as { version: number; definition: SegmentDefinition };
        if (body.version !== stored.version)
          return sendProblem(res, 409, {
            code: 'SEGMENT_VERSION_CONFLICT',
            title: 'Someone saved a newer version of this segment',
          });
        if (putProblem)
          return sendProblem(res, 400, {
            code: 'VALIDATION_FAILED',
            title: 'The request is not valid',
            errors: putProblem,
          });
        stored = { ...stored, version: stored.version + 1, definition: body.definition };
        sendJson(res, 200, stored);
      },
    });
  });

  beforeEach(() => {
    stored = detail();
    putProblem = null;
    server.requests.length = 0;
  });

  afterAll(() => server.close());

  const renderEditor = (path: string) =>
    renderPage(
      <Routes>
        <Route path="/segments/new" element={<SegmentEditorPage stores={[london]} />} />
        <Route path="/segments/:id/edit" element={<SegmentEditorPage stores={[london]} />} />
        <Route path="/segments/:id" element={<p>Segment page</p>} />
      </Routes>,
      { apiClient: createTallyApiClient('console', { baseUrl: server.baseUrl }), path },
    );
  const requests = (method: string, url: string) =>
    server.requests.filter((r) => r.method === method && r.url === url);
  const countBodies = () =>
    requests('POST', '/api/v1/segments/count').map(
      (r) => (JSON.parse(r.body) as { definition: { rules: unknown[] } }).definition.rules,
    );
  const location = () => screen.getByRole('status', { name: 'Current path' }).textContent;

  async function openForm(path: string, name: string) {
    renderEditor(path);
    const form = await screen.findByRole('form', { name });
    const field = (label: string | RegExp) => within(form).getByLabelText(label);
    const type = (label: string | RegExp, value: string) =>
      fireEvent.change(field(label), { target: { value } });
    const addRule = (kind: string) => {
      fireEvent.change(field('Kind of rule to add'), { target: { value: kind } });
      fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    };
    const count = () => within(screen.getByRole('region', { name: 'Members now' })).getByRole('status');
    return { form, field, type, addRule, count };
  }

  it(
    'adds and removes rules, and counts the members they match a moment after each change',
    async () => {
      const { form, field, type, addRule, count } = await openForm('/segments/new', 'New segment');
      expect(count().textContent).toBe('Finish the rules to see how many members match.');

      addRule('visits');
      expect(within(form).getByRole('group', { name: 'Rule 1: Visits in a period' })).toBeTruthy();
      expect(field(/^Rule 1: Days/)).toHaveProperty('value', '30');
      expect(count().textContent).toBe('Finish the rules to see how many members match.');

      // Quick typing: one count, for the value typing settled on.
      type(/^Rule 1: Minimum/, '1');
      type(/^Rule 1: Minimum/, '12');
      type(/^Rule 1: Minimum/, '2');
      expect(count().textContent).toBe('Counting…');
      await waitFor(() => expect(count().textContent).toMatch(/^[\d,]+ members match$/));
      expect(countBodies()).toEqual([[{ kind: 'visits', days: 30, min: 2, max: null }]]);
      const first = count().textContent;

      addRule('tier');
      fireEvent.click(field('Gold'));
      expect(count().textContent).toBe('Counting…');
      await waitFor(() => expect(count().textContent).not.toBe('Counting…'));
      expect(count().textContent).not.toBe(first);
      expect(countBodies().at(-1)).toEqual([
        { kind: 'visits', days: 30, min: 2, max: null },
        { kind: 'tier', tierIds: ['gold'] },
      ]);

      // Removing the first rule moves the tier rule up, with its tick.
      fireEvent.click(within(form).getByRole('button', { name: 'Remove rule 1 (visits in a period)' }));
      const tier = within(form).getByRole('group', { name: 'Rule 1: Tier' });
      expect(within(tier).getByLabelText('Gold')).toHaveProperty('checked', true);
      expect(within(form).queryByRole('group', { name: /^Rule 2/ })).toBeNull();
      await waitFor(() => expect(countBodies().at(-1)).toEqual([{ kind: 'tier', tierIds: ['gold'] }]));
      await waitFor(() => expect(count().textContent).toMatch(/members match$/));
    },
    SLOW,
  );

  it(
    'checks the rules with the domain schema, then saves the segment with money in minor units',
    async () => {
      const { form, field, type, addRule } = await openForm('/segments/new', 'New segment');
      fireEvent.click(within(form).getByRole('button', { name: 'Create segment' }));
      const summary = await within(form).findByRole('alert');
      expect(summary.textContent).toContain('Segment name must be at least 3 characters');
      expect(summary.textContent).toContain('Rules: add at least one rule');

      type('Segment name', 'Regulars');
      addRule('spend');
      type(/^Rule 1: Minimum/, '100.00');
      type(/^Rule 1: Maximum/, '50');
      fireEvent.click(within(form).getByRole('button', { name: 'Create segment' }));
      await waitFor(() => expect(field(/^Rule 1: Maximum/).getAttribute('aria-invalid')).toBe('true'));
      const max = field(/^Rule 1: Maximum/);
      expect(document.getElementById(`${max.id}-error`)?.textContent).toBe(
        'Error: Rule 1: Maximum must not be less than the minimum',
      );
      expect(requests('POST', '/api/v1/segments')).toEqual([]);

      type(/^Rule 1: Maximum/, '');
      addRule('birthdayMonth');
      fireEvent.change(field(/^Rule 2: Birthday month/), { target: { value: '3' } });
      addRule('signUp');
      fireEvent.change(field(/^Rule 3: Joined$/), { target: { value: 'dates' } });
      type(/^Rule 3: Joined on or after/, '2025-01-01');
      fireEvent.click(within(form).getByRole('button', { name: 'Create segment' }));
      await waitFor(() => expect(field('Segment name').getAttribute('aria-invalid')).toBe('true'));
      expect(within(form).getByRole('alert').textContent).toContain(
        'Segment name is already the name of another segment',
      );

      type('Segment name', 'March birthdays who spend');
      fireEvent.click(within(form).getByRole('button', { name: 'Create segment' }));
      await waitFor(() => expect(location()).toBe(`/segments/${NEW_ID}`));
      expect(JSON.parse(requests('POST', '/api/v1/segments').at(-1)?.body ?? '')).toEqual({
        name: 'March birthdays who spend',
        description: '',
        rules: [
          { kind: 'spend', days: 30, min: 10_000, max: null },
          { kind: 'birthdayMonth', month: 3 },
          { kind: 'signUp', from: '2025-01-01', to: null, withinDays: null },
        ],
      });
    },
    SLOW,
  );

  it(
    'edits from the stored version, puts the API’s errors beside the rule, and offers a reload on a conflict',
    async () => {
      const { form, field, type } = await openForm(`/segments/${SEGMENT_ID}/edit`, 'Edit Big spenders');
      expect(field(/^Rule 1: Minimum/)).toHaveProperty('value', '100.00');
      expect(
        within(within(form).getByRole('group', { name: 'Rule 2: Tier' })).getByLabelText('Gold'),
      ).toHaveProperty('checked', true);

      putProblem = [
        { field: 'definition.rules.1.tierIds', message: 'names a tier the programme does not have' },
      ];
      fireEvent.click(within(form).getByRole('button', { name: 'Save segment' }));
      await waitFor(() =>
        expect(within(form).getByRole('alert').textContent).toContain(
          'Rule 2: Tiers names a tier the programme does not have',
        ),
      );
      expect(JSON.parse(requests('PUT', `/api/v1/segments/${SEGMENT_ID}`)[0]?.body ?? '')).toMatchObject({
        version: 2,
        definition: { name: 'Big spenders' },
      });

      putProblem = null;
      stored = detail({ version: 3, definition: { ...bigSpenders, name: 'Biggest spenders' } });
      type('Segment name', 'My spenders');
      fireEvent.click(within(form).getByRole('button', { name: 'Save segment' }));
      await waitFor(() =>
        expect(within(form).getByRole('alert').textContent).toContain(
          'Someone saved a newer version of this segment',
        ),
      );
      fireEvent.click(within(form).getByRole('button', { name: 'Reload the latest version' }));
      await within(form).findByText('Loaded version 3. Make your changes again, then save.');
      expect(field('Segment name')).toHaveProperty('value', 'Biggest spenders');
      fireEvent.click(within(form).getByRole('button', { name: 'Save segment' }));
      await waitFor(() => expect(location()).toBe(`/segments/${SEGMENT_ID}`));
      expect(JSON.parse(requests('PUT', `/api/v1/segments/${SEGMENT_ID}`).at(-1)?.body ?? '')).toMatchObject({
        version: 3,
      });
    },
    SLOW,
  );
});
