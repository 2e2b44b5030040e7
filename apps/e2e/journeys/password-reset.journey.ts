import { errorCodeInfo } from '@tally/domain';
import { describeJourneys, useJourneys } from '../src/journey.js';
import {
  DEMO_MEMBERS,
  DEMO_PASSWORD,
  DEMO_STAFF,
  pageHeading,
  readLinkFromOutbox,
  signInToConsole,
  submitSignIn,
} from '../src/pages.js';

describeJourneys('Password reset', () => {
  const journeys = useJourneys();

  it('resets a member password through the emailed link the admin reads in the console outbox: the new password signs in, the old one and a second use of the link are refused', async () => {
    const member = DEMO_MEMBERS.bob;
    const newPassword = 'bobs-brand-new-password-42';

    // The member asks for a reset.
    const memberPage = await journeys.newPage();
    await memberPage.goto('/sign-in');
    await memberPage.getByRole('link', { name: 'Forgot your password?' }).click();
    await pageHeading(memberPage, 'Reset your password').waitFor();
    await memberPage.getByLabel('Email').fill(member.email);
    await memberPage.getByRole('button', { name: 'Send reset link' }).click();
    await memberPage.getByRole('status').filter({ hasText: 'The link works once' }).waitFor();

    // The admin finds the email in the console's outbox and reads the link.
    const adminPage = await journeys.newPage();
    await signInToConsole(adminPage, DEMO_STAFF.admin.email);
    const link = await readLinkFromOutbox(adminPage, {
      to: member.email,
      subject: 'Reset your Tally password',
      path: '/reset-password?token=',
    });
    expect(link.origin).toBe(journeys.server.origin);
    expect(link.pathname).toBe('/reset-password');

    // The member opens it and chooses a new password.
    await memberPage.goto(link.href);
    await pageHeading(memberPage, 'Choose a new password').waitFor();
    await memberPage.getByLabel('New password', { exact: true }).fill(newPassword);
    await memberPage.getByRole('button', { name: 'Set new password' }).click();
    await memberPage.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();
    await memberPage.getByRole('link', { name: 'Sign in with your new password' }).click();
    await pageHeading(memberPage, 'Sign in').waitFor();
    await submitSignIn(memberPage, member.email, newPassword);
    await pageHeading(memberPage, 'Your points').waitFor();
    await memberPage.getByText(`Hello, ${member.name}.`).waitFor();

    // The old password no longer works.
    const oldPage = await journeys.newPage();
    await oldPage.goto('/sign-in');
    await submitSignIn(oldPage, member.email, DEMO_PASSWORD);
    const refused = oldPage.getByRole('form', { name: 'Sign in' }).getByRole('alert');
    await refused.getByText(errorCodeInfo.INVALID_CREDENTIALS.title).waitFor();
    expect(await pageHeading(oldPage, 'Sign in').isVisible()).toBe(true);

    // The link worked once.
    await oldPage.goto(link.href);
    await pageHeading(oldPage, 'Choose a new password').waitFor();
    await oldPage.getByLabel('New password', { exact: true }).fill('yet-another-password-43');
    await oldPage.getByRole('button', { name: 'Set new password' }).click();
    await oldPage
      .getByRole('form', { name: 'Choose a new password' })
      .getByRole('alert')
      .getByText(errorCodeInfo.INVALID_TOKEN.title)
      .waitFor();
  });
});
