import type { Page } from 'playwright-core';
import { describeJourneys, uniqueEmail, useJourneys } from '../src/journey.js';
import {
  DEMO_MEMBERS,
  DEMO_PASSWORD,
  DEMO_STAFF,
  mainNav,
  pageHeading,
  signInToConsole,
  signInToPortal,
  signUpToPortal,
} from '../src/pages.js';

/** The demo programme's idea bonuses (`DEFAULT_PROGRAMME.ideas`). */
const ACCEPTED_POINTS = 250;
const SHIPPED_POINTS = 1_000;

/** Moves an idea one step on its console page: the button, a public response, the confirmation. */
async function move(staff: Page, idea: string, button: string, response: string, state: string) {
  await staff.getByRole('group', { name: 'Status actions' }).getByRole('button', { name: button }).click();
  const form = staff.getByRole('form', { name: `${button}: ${idea}` });
  await form.getByLabel('Public response').fill(response);
  await form.getByRole('button', { name: `Confirm: ${state}` }).click();
  await staff.getByText(`${idea} is now ${state}.`).waitFor();
}

describeJourneys('Ideas board', () => {
  const journeys = useJourneys();

  it('a new member submits an idea, a moderator opens it, another member votes, staff plan and ship it, and the author sees the credit and the points', async () => {
    const title = `Refill station for oat milk ${Date.now().toString(36)}`;

    // A new member submits an idea; as a new author it waits for review.
    const author = await journeys.newPage();
    await signUpToPortal(author, {
      name: 'Iris Ideas',
      email: uniqueEmail('ideas'),
      password: 'a-long-e2e-password-3',
    });
    await mainNav(author).getByRole('link', { name: 'Ideas', exact: true }).click();
    await author
      .getByRole('navigation', { name: 'Ideas board' })
      .getByRole('link', { name: 'Submit an idea' })
      .click();
    const form = author.getByRole('form', { name: 'Submit an idea' });
    await form.getByLabel('Title').fill(title);
    await form
      .getByLabel('Description')
      .fill('Bring your own bottle and fill it with <b>oat milk</b> at the till.');
    await form.getByLabel('Category').selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Submit idea' }).click();
    await pageHeading(author, title).waitFor();
    await author.getByText('Your idea is waiting for review.', { exact: false }).waitFor();
    // Markup is shown as typed, never run.
    await author.getByText('<b>oat milk</b>', { exact: false }).waitFor();
    const ideaPath = new URL(author.url()).pathname;

    // The London manager approves it from the review queue.
    const manager = await journeys.newPage();
    await signInToConsole(manager, DEMO_STAFF.manager.email);
    await mainNav(manager).getByRole('link', { name: 'Ideas', exact: true }).click();
    await manager
      .getByRole('navigation', { name: 'Ideas pages' })
      .getByRole('link', { name: 'Review queue' })
      .click();
    const card = manager.getByRole('article').filter({ hasText: title });
    const ideaName = (await card.getByRole('heading').innerText()).trim();
    await card.getByRole('button', { name: 'Approve…' }).click();
    await manager
      .getByRole('form', { name: `Approve: ${ideaName}` })
      .getByRole('button', { name: 'Confirm approval' })
      .click();
    await manager.getByText(`Approved ${ideaName}`, { exact: false }).waitFor();

    // Bob votes for it (and so follows it).
    const voter = await journeys.newPage();
    await signInToPortal(voter, DEMO_MEMBERS.bob.email, DEMO_PASSWORD);
    await voter.goto(ideaPath);
    await pageHeading(voter, title).waitFor();
    const vote = voter.getByRole('button', { name: 'Vote for this idea' });
    await vote.click();
    await voter.locator('.idea-toggle[aria-pressed="true"]', { hasText: 'Vote for this idea' }).waitFor();
    await voter.getByText('You follow this idea', { exact: false }).waitFor();

    // Marketing takes it along the road to shipped, each step with a public response.
    const marketing = await journeys.newPage();
    await signInToConsole(marketing, DEMO_STAFF.marketing.email);
    await marketing.goto(`/console${ideaPath}`);
    await pageHeading(marketing, ideaName).waitFor();
    await move(
      marketing,
      ideaName,
      'Start reviewing',
      'We are looking into refill stations.',
      'under review',
    );
    await move(marketing, ideaName, 'Plan it', 'Planned for the London store this spring.', 'planned');
    await move(marketing, ideaName, 'Start work', 'The station is being built.', 'in progress');
    await move(marketing, ideaName, 'Mark shipped', 'Now in London. Thank you, Iris!', 'shipped');

    // The author sees the credit: the wall names them, My impact counts the supporter and the points,
    // and the statement names the idea.
    await author
      .getByRole('navigation', { name: 'Ideas board' })
      .getByRole('link', { name: 'Shipped thanks to you' })
      .click();
    const wall = author
      .getByRole('list', { name: 'Shipped ideas' })
      .getByRole('listitem')
      .filter({ hasText: title });
    await wall.getByText('Suggested by Iris', { exact: false }).waitFor();

    await author
      .getByRole('navigation', { name: 'Ideas board' })
      .getByRole('link', { name: 'My impact' })
      .click();
    await pageHeading(author, 'My impact').waitFor();
    const rewards = author.getByRole('list', { name: `Points for ${title}` });
    await rewards.getByText(`Shipped bonus: ${SHIPPED_POINTS.toLocaleString('en')} points earned`).waitFor();
    await rewards.getByText(`Accepted bonus: ${ACCEPTED_POINTS} points, pending`, { exact: false }).waitFor();
    const mine = author
      .getByRole('list', { name: 'My ideas' })
      .getByRole('listitem')
      .filter({ hasText: title });
    await mine.getByText('1 supporter', { exact: false }).waitFor();

    await mainNav(author).getByRole('link', { name: 'Statement', exact: true }).click();
    await pageHeading(author, 'Statement').waitFor();
    const lines = author.getByRole('list', { name: 'Statement lines' }).getByRole('listitem');
    await lines
      .filter({ hasText: `Idea bonus: “${title}”` })
      .filter({ hasText: 'shipped' })
      .first()
      .waitFor();
    await lines
      .filter({ hasText: `Idea bonus: “${title}”` })
      .filter({ hasText: 'is planned' })
      .first()
      .waitFor();

    // Bob, who follows it, was told it shipped.
    await voter.goto('/notifications');
    await pageHeading(voter, 'Notifications').waitFor();
    await voter.getByText(title, { exact: false }).first().waitFor();
  });
});
