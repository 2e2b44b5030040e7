import { describeJourneys, uniqueEmail, useJourneys } from '../src/journey.js';
import { DEMO_STAFF, mainNav, pageHeading, signInToConsole, signUpToPortal } from '../src/pages.js';

describeJourneys('Missing points', () => {
  const journeys = useJourneys();

  it('lets a member claim a receipt that earned nothing; the London manager approves it and the member sees the points on the statement with the reason', async () => {
    const member = await journeys.newPage();
    const receiptRef = `LON-01-9${String(Date.now()).slice(-5)}`;

    // A new member signs up and claims a receipt from today.
    await signUpToPortal(member, {
      name: 'Clara Claimant',
      email: uniqueEmail('claimant'),
      password: 'a-long-e2e-password-2',
    });

    await mainNav(member).getByRole('link', { name: 'Missing points' }).click();
    await pageHeading(member, 'Missing points').waitFor();
    await member.getByText('You have not claimed any missing points.').waitFor();
    const form = member.getByRole('form', { name: 'Claim missing points' });
    await form.getByLabel('Store').selectOption({ label: 'Tally Market London' });
    await form.getByLabel('Receipt number').fill(receiptRef);
    const today = await member.evaluate(() => new Date().toLocaleDateString('en-CA'));
    await form.getByLabel('Date of purchase').fill(today);
    await form.getByLabel('Receipt total').fill('24.99');
    await form.getByRole('button', { name: 'Send claim' }).click();
    await member.getByText(`Your claim for receipt ${receiptRef} is sent.`, { exact: false }).waitFor();
    const claims = member.getByRole('list', { name: 'Your claims' }).getByRole('listitem');
    await claims.first().getByText('Waiting for review').waitFor();

    // The manager of the London store finds it in the queue, with the suggestion at the base rate.
    const manager = await journeys.newPage();
    await signInToConsole(manager, DEMO_STAFF.manager.email);
    await mainNav(manager).getByRole('link', { name: 'Claims', exact: true }).click();
    await pageHeading(manager, 'Claims').waitFor();
    const card = manager.getByRole('article', { name: `Clara Claimant: receipt ${receiptRef}` });
    await card.getByText('No till record of this receipt in this store.').waitFor();
    expect(await card.getByLabel('Points').inputValue()).toBe('24');
    await card.getByLabel('Reason').fill('Receipt seen at the customer desk');
    await card.getByRole('button', { name: 'Approve' }).click();
    await manager
      .getByText(`Approved: 24 points credited to Clara Claimant (receipt ${receiptRef}).`)
      .waitFor();

    // The member sees the answer, and the statement explains the points.
    await member.reload();
    await claims.first().getByText('Approved: 24 points added').waitFor();
    await claims.first().getByText('Our answer: Receipt seen at the customer desk').waitFor();
    await mainNav(member).getByRole('link', { name: 'Statement' }).click();
    await pageHeading(member, 'Statement').waitFor();
    const line = member.getByRole('list', { name: 'Statement lines' }).getByRole('listitem').first();
    await line.getByText('Missing points claim approved').waitFor();
    const text = (await line.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(`receipt ${receiptRef}`);
    expect(text).toContain('Note: Receipt seen at the customer desk');
    expect(text).toMatch(/\+24 points/);
  });
});
