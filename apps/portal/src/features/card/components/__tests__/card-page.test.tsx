/**
 * @jest-environment @tally/ui/jest-environment
 */
import { formatCardNumber } from '@tally/domain';
import { createTallyApiClient } from '@tally/ui';
import { renderPage, sendJson, startTestServer, type TestServer } from '@tally/ui/testing';
import { fireEvent, screen } from '@testing-library/react';
import { me } from '../../../../test/fixtures';
import { CardPage } from '../card-page';

describe(CardPage.name, () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ 'GET /api/v1/me': (_req, res) => sendJson(res, 200, me) });
  });

  afterAll(() => server.close());

  it('shows the card number as text and as a QR code, and falls back to an overlay for full screen', async () => {
    renderPage(<CardPage />, { apiClient: createTallyApiClient('portal', { baseUrl: server.baseUrl }) });
    const number = formatCardNumber(me.cardNumber);

    expect(await screen.findByText(number)).toBeTruthy();
    expect(await screen.findByRole('img', { name: `QR code for card ${number}` })).toBeTruthy();

    // jsdom has no Fullscreen API: the page shows its own overlay instead.
    fireEvent.click(screen.getByRole('button', { name: 'Full screen' }));
    expect(screen.getByRole('dialog', { name: 'Membership card' })).toBeTruthy();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Full screen' })).toBeTruthy();
  });
});
