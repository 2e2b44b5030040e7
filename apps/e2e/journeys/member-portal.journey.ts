import { describeJourneys, uniqueEmail, useJourneys } from '../src/journey.js';
import {
  DEMO_MEMBERS,
  DEMO_PASSWORD,
  PORTAL_CLIENT,
  mainNav,
  pageHeading,
  readTerms,
  shownCardNumber,
  signInToPortal,
  submitSignIn,
} from '../src/pages.js';

/** The signed change that ends a statement line: "+420 points", "-250 points" or "−250 points". */
function parsePoints(line: string): number {
  const match = /([+\-−]?)([\d,]+) points$/.exec(line);
  if (!match) throw new Error(`no points at the end of "${line}"`);
  const value = Number((match[2] ?? '').replaceAll(',', ''));
  return match[1] === '' || match[1] === '+' ? value : -value;
}

describeJourneys('Member portal', () => {
  const journeys = useJourneys();

  it('signs up a new member who lands signed in with a valid card number and zero points, signs out, signs back in and saves a new profile name', async () => {
    const context = await journeys.newContext();
    const page = await context.newPage();
    const email = uniqueEmail('new.member');
    const password = 'a-long-e2e-password-1';

    // Sign up.
    await page.goto('/');
    await page.getByRole('link', { name: 'Sign up' }).click();
    await pageHeading(page, 'Join Tally').waitFor();
    const form = page.getByRole('form', { name: 'Join Tally' });
    await form.getByLabel('Name').fill('Nina Newcomer');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill(password);
    await form.getByRole('button', { name: 'Sign up' }).click();

    // Signed in at once: home shows the card number and a zero balance.
    await pageHeading(page, 'Your points').waitFor();
    await page.getByText('Hello, Nina Newcomer.').waitFor();
    const balance = page.getByRole('region', { name: 'Balance' });
    await balance.waitFor();
    expect(await readTerms(balance)).toEqual({ Available: '0', Pending: '0', Reserved: '0', Owed: '0' });
    const cardNumber = await shownCardNumber(page);
    await page.getByText('No activity yet.').waitFor();
    expect(await mainNav(page).getByRole('link').allInnerTexts()).toEqual([
      'Home',
      'Statement',
      'Rewards',
      'My vouchers',
      'Missing points',
      'My card',
      'Refer a friend',
      'Ideas',
      'How it works',
      'Profile',
    ]);

    // Sign out: the welcome page, and the session is over on the server too.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await pageHeading(page, 'Welcome to Tally').waitFor();
    expect(await mainNav(page).getByRole('link').allInnerTexts()).toEqual(['Home', 'Ideas', 'How it works']);
    const afterSignOut = await context.request.get('/api/v1/me', { headers: PORTAL_CLIENT });
    expect(afterSignOut.status()).toBe(401);

    // Sign in again with the same credentials: the same card.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await pageHeading(page, 'Sign in').waitFor();
    await submitSignIn(page, email, password);
    await pageHeading(page, 'Your points').waitFor();
    await page.getByRole('region', { name: 'Balance' }).waitFor();
    expect(await shownCardNumber(page)).toBe(cardNumber);

    // Edit the profile name; it is saved (still there after a reload, and in the header).
    await mainNav(page).getByRole('link', { name: 'Profile' }).click();
    await pageHeading(page, 'Profile').waitFor();
    const details = page.getByRole('form', { name: 'Your details' });
    expect(await details.getByLabel('Name').inputValue()).toBe('Nina Newcomer');
    await details.getByLabel('Name').fill('Nina Renamed');
    await details.getByRole('button', { name: 'Save profile' }).click();
    await details.getByRole('status').filter({ hasText: 'Your profile is saved.' }).waitFor();

    await page.reload();
    await pageHeading(page, 'Profile').waitFor();
    expect(await page.getByRole('form', { name: 'Your details' }).getByLabel('Name').inputValue()).toBe(
      'Nina Renamed',
    );
    await page.getByRole('banner').getByText('Nina Renamed').waitFor();
    await mainNav(page).getByRole('link', { name: 'Home' }).click();
    await page.getByText('Hello, Nina Renamed.').waitFor();
  });

  it('shows the demo member alice her balance (350 available, 95 pending) and her latest activity with its reasons', async () => {
    const page = await journeys.newPage();
    await signInToPortal(page, DEMO_MEMBERS.alice.email, DEMO_PASSWORD);
    await page.getByText(`Hello, ${DEMO_MEMBERS.alice.name}.`).waitFor();

    const balance = page.getByRole('region', { name: 'Balance' });
    await balance.waitFor();
    const terms = await readTerms(balance);
    expect(terms).toMatchObject({ Available: '350', Pending: '95' });
    await shownCardNumber(page);

    // Latest activity: every line says what happened; the spend names its reward, earns their receipts.
    const activity = page.getByRole('region', { name: 'Latest activity' }).getByRole('listitem');
    await activity.first().waitFor();
    const lines = (await activity.allInnerTexts()).map((line) => line.replace(/\s+/g, ' ').trim());
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Points earned .*receipt LON-01-000188 \+95 points$/);
    expect(lines[1]).toMatch(/^Points spent Free coffee reward .*[-−]250 points$/);
    expect(lines[2]).toMatch(/^Points earned .*receipt LON-01-000145 \+180 points$/);
    expect(lines[3]).toMatch(/^Points earned .*receipt LON-01-000101 \+420 points$/);
    // Every point is explained: the lines add up to what she has (available and pending).
    const total = lines.map(parsePoints).reduce((sum, points) => sum + points, 0);
    expect(total).toBe(350 + 95);
  });
});
