import { pagesFor } from '../src/console-pages.js';
import { describeJourneys, uniqueEmail, useJourneys } from '../src/journey.js';
import {
  DEMO_STAFF,
  LONDON_STORE,
  mainNav,
  navLinkNames,
  pageHeading,
  readLinkFromOutbox,
  readTerms,
  signInToConsole,
} from '../src/pages.js';

describeJourneys('Staff invitation', () => {
  const journeys = useJourneys();

  it('lets the admin invite a cashier for London; the emailed link signs the new cashier in with the cashier navigation, and the audit log shows staff.invited', async () => {
    const email = uniqueEmail('new.cashier');
    const name = 'Cora Newhire';

    // The admin invites a cashier, choosing the London store.
    const admin = await journeys.newPage();
    await signInToConsole(admin, DEMO_STAFF.admin.email);
    await mainNav(admin).getByRole('link', { name: 'Staff', exact: true }).click();
    await pageHeading(admin, 'Staff').waitFor();
    const invite = admin.getByRole('form', { name: 'Invite a staff member' });
    await invite.getByLabel('Email').fill(email);
    await invite.getByLabel('Name').fill(name);
    await invite.getByLabel('Role').selectOption({ label: 'Cashier' });
    await invite.getByRole('group', { name: 'Stores' }).getByLabel(LONDON_STORE).check();
    await invite.getByRole('button', { name: 'Invite' }).click();
    await invite
      .getByRole('status')
      .filter({ hasText: `Invitation sent to ${email}` })
      .waitFor();
    const row = admin.getByRole('table', { name: 'Staff' }).getByRole('row').filter({ hasText: email });
    await row.getByRole('cell', { name: 'Invited', exact: true }).waitFor();

    // The invitation link from the outbox, accepted in a fresh browser.
    const link = await readLinkFromOutbox(admin, {
      to: email,
      subject: 'You are invited to the Tally console',
      path: '/console/accept-invitation?token=',
    });
    expect(link.origin).toBe(journeys.server.origin);

    const cashier = await journeys.newPage();
    await cashier.goto(link.href);
    await pageHeading(cashier, 'Join the Tally console').waitFor();
    await cashier.getByLabel('Choose a password').fill('cora-chooses-a-password-7');
    await cashier.getByRole('button', { name: 'Accept invitation' }).click();

    // Signed in as a cashier of London, with the cashier's navigation.
    await pageHeading(cashier, `Hello, ${name}`).waitFor();
    expect(await navLinkNames(cashier)).toEqual(pagesFor('cashier').map((page) => page.label));
    const signedIn = cashier.getByRole('region', { name: 'Signed in' });
    await signedIn.getByText(LONDON_STORE).waitFor();
    expect(await readTerms(signedIn)).toMatchObject({ Email: email, Role: 'cashier', Stores: LONDON_STORE });

    // The audit log, read by the admin, records the invitation: who, what, for which store.
    await mainNav(admin).getByRole('link', { name: 'Audit log', exact: true }).click();
    await pageHeading(admin, 'Audit log').waitFor();
    const entry = admin
      .getByRole('table', { name: 'Audit entries' })
      .getByRole('row')
      .filter({ has: admin.getByRole('cell', { name: 'staff.invited', exact: true }) })
      .filter({ hasText: email });
    await entry.waitFor();
    const entryText = (await entry.innerText()).replace(/\s+/g, ' ');
    expect(entryText).toContain(DEMO_STAFF.admin.name);
    expect(entryText).toContain('role: cashier');
    expect(entryText).toContain(`storeIds: ${LONDON_STORE}`);

    // And the staff list, loaded afresh, shows the new cashier as active.
    await admin.goto('/console/staff');
    await pageHeading(admin, 'Staff').waitFor();
    await row.getByRole('cell', { name: 'Active', exact: true }).waitFor();
  });
});
