import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describeJourneys, useJourneys } from '../src/journey.js';
import { DEMO_STAFF, mainNav, pageHeading, signInToConsole } from '../src/pages.js';

/** A `datetime-local` value `days` from now on the browser's own clock. */
function localInputInDays(page: Page, days: number): Promise<string> {
  return page.evaluate((n) => {
    const d = new Date(Date.now() + n * 86_400_000);
    const pad = (v: number) => String(v).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  }, days);
}

describeJourneys('Programme change with notice', () => {
  const journeys = useJourneys();

  it('refuses marketing a worse change with too little notice on the date field, announces it with enough, shows it on the portal and withdraws it', async () => {
    const staff = await journeys.newPage();
    await signInToConsole(staff, DEMO_STAFF.marketing.email);
    await mainNav(staff).getByRole('link', { name: 'Programme', exact: true }).click();
    await pageHeading(staff, 'Programme').waitFor();

    // A longer return window is worse for members: the form says so before sending.
    const form = staff.getByRole('form', { name: 'Announce a change' });
    const returnWindow = form.getByLabel('Return window (days)');
    const longer = Number(await returnWindow.inputValue()) + 16;
    await returnWindow.fill(String(longer));
    await form.getByText(`Worse for members: Points can be spent ${longer} days after a purchase`).waitFor();
    await form.getByText(/This change is worse for members: it needs 30 days’ notice/).waitFor();

    // Ten days ahead is too soon: the API's refusal lands on the date field, naming the notice period.
    const date = form.getByLabel('Takes effect on');
    await date.fill(await localInputInDays(staff, 10));
    await form.getByRole('button', { name: 'Announce the change' }).click();
    await form
      .getByRole('alert')
      .getByText(/needs 30 days' notice/)
      .waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await date.getAttribute('aria-describedby')) ?? '';
    const fieldError = staff.locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('-error'))}"]`);
    expect(await fieldError.innerText()).toMatch(
      /Takes effect on must be on or after .+: a change worse for members needs 30 days’ notice/,
    );

    // The page with the refusal showing has no serious or critical accessibility problem.
    const axe = await new AxeBuilder({ page: staff }).analyze();
    expect(axe.passes.length).toBeGreaterThan(10);
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.map(String).join(' ')) })),
    ).toEqual([]);

    // Thirty-one days ahead is enough: the change is listed as announced.
    await date.fill(await localInputInDays(staff, 31));
    await form.getByRole('button', { name: 'Announce the change' }).click();
    await staff.getByText(/^Change announced for /).waitFor();
    const changes = staff.getByRole('list', { name: 'Programme changes' });
    const announced = changes.getByRole('listitem').filter({ hasText: `${longer} days after a purchase` });
    await announced.getByText('Announced', { exact: true }).waitFor();

    // Members (and visitors) see it under Upcoming changes on the portal.
    const portal = await journeys.newPage();
    await portal.goto('/how-it-works');
    await pageHeading(portal, 'How the programme works').waitFor();
    const upcoming = portal.getByRole('list', { name: 'Upcoming changes' });
    await upcoming
      .getByText(`Points can be spent ${longer} days after a purchase`, { exact: false })
      .waitFor();

    // Withdrawn after a confirmation, so the demo data is left as found.
    await announced.getByRole('button', { name: 'Withdraw' }).click();
    await announced.getByRole('button', { name: 'Confirm withdrawal' }).click();
    await announced.getByText('Withdrawn', { exact: true }).waitFor();
    await portal.reload();
    await portal
      .getByRole('region', { name: 'Upcoming changes' })
      .getByText('No changes to the programme are announced', { exact: false })
      .waitFor();
  });
});
