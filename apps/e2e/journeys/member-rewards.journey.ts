import { formatCardNumber } from '@tally/domain';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describeJourneys, uniqueEmail, useJourneys } from '../src/journey.js';
import {
  DEMO_MEMBERS,
  DEMO_PASSWORD,
  DEMO_POS_KEY,
  DEMO_STAFF,
  mainNav,
  pageHeading,
  shownCardNumber,
  signInToConsole,
  signInToPortal,
  signUpToPortal,
  uniqueReceiptId,
  waitForTerms,
} from '../src/pages.js';

/** Alice's balance in the demo data (see member-portal.journey.ts). */
const ALICE_AVAILABLE = 350;
const REWARD = { name: 'E2E flat white', cost: 150 };

/** What POST /api/v1/checkout/earn answers (the parts this journey reads). */
interface EarnAnswer {
  status: string;
  points: number;
  availableAt: string | null;
  lines: { source: string; description: string; points: number }[];
}

/** A statement line's text on one line. */
async function statementLines(page: Page): Promise<string[]> {
  const lines = page.getByRole('list', { name: 'Statement lines' }).getByRole('listitem');
  await lines.first().waitFor();
  return (await lines.allInnerTexts()).map((line) => line.replace(/\s+/g, ' ').trim());
}

async function openStatement(page: Page): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Statement', exact: true }).click();
  await pageHeading(page, 'Statement').waitFor();
}

describeJourneys('Member rewards', () => {
  const journeys = useJourneys();

  it('signs up, sees the card, a till earn arrives and the statement and the bell explain it; alice redeems a reward with confirmation, sees the voucher, cancels it and gets her points back', async () => {
    // A visitor signs up and sees the membership card's number.
    const member = await journeys.newPage();
    await signUpToPortal(member, {
      name: 'Rhea Rewards',
      email: uniqueEmail('rewards'),
      password: 'a-long-e2e-password-3',
    });
    const cardNumber = await shownCardNumber(member);
    await mainNav(member).getByRole('link', { name: 'My card' }).click();
    await pageHeading(member, 'My card').waitFor();
    await member.getByText(formatCardNumber(cardNumber), { exact: true }).waitFor();
    await member.getByRole('img', { name: `QR code for card ${formatCardNumber(cardNumber)}` }).waitFor();

    // A sale at the London till, by card number, as a POS sends it.
    const receiptId = uniqueReceiptId('LON-01-E2E');
    const response = await fetch(`${journeys.server.origin}/api/v1/checkout/earn`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${DEMO_POS_KEY}`,
        'idempotency-key': randomUUID(),
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        member: { cardNumber },
        receipt: {
          id: receiptId,
          currency: 'GBP',
          lines: [{ sku: 'latte', category: 'coffee', quantity: 2, unitPrice: 350 }],
        },
      }),
    });
    expect(response.status).toBe(201);
    const earned = (await response.json()) as EarnAnswer;
    expect(earned.status).toBe('awarded');
    expect(earned.points).toBeGreaterThan(0);
    // The demo programme keeps points pending for its 14-day return window.
    expect(earned.availableAt).not.toBeNull();
    const base = earned.lines.find((line) => line.source === 'base');
    expect(base?.description).toContain('£7.00');

    // The bell counts the earn notice, and the notice names the receipt.
    await member.goto('/');
    await pageHeading(member, 'Your points').waitFor();
    const bell = member.getByRole('link', { name: '1 unread notification' });
    await bell.click();
    await pageHeading(member, 'Notifications').waitFor();
    const notice = member.getByRole('listitem').filter({ hasText: `You earned ${earned.points} points` });
    await notice.getByText(`For receipt ${receiptId}.`, { exact: false }).waitFor();
    await notice.getByText(/^Available to spend from /).waitFor();

    // Home shows the points pending; the statement line explains them: receipt, store and base rate.
    await mainNav(member).getByRole('link', { name: 'Home', exact: true }).click();
    const balance = member.getByRole('region', { name: 'Balance' });
    const pending = { Available: '0', Pending: String(earned.points) };
    expect(await waitForTerms(balance, pending)).toMatchObject(pending);
    await openStatement(member);
    const [line] = await statementLines(member);
    expect(line).toMatch(new RegExp(`^Points earned · receipt ${receiptId} .*\\+${earned.points} points`));
    await member.getByRole('button', { name: 'View receipt' }).click();
    const receipt = member.getByRole('region', { name: `Receipt ${receiptId}` });
    await receipt.getByText('Tally Market London', { exact: false }).waitFor();
    const how = receipt.getByRole('list', { name: 'How the points were earned' });
    await how.getByText(`${base?.description ?? '?'}: +${base?.points ?? '?'} points`).waitFor();
    await receipt.getByText(`Points for this receipt: ${earned.points}`).waitFor();

    // Marketing puts a reward in the catalogue.
    const marketing = await journeys.newPage();
    await signInToConsole(marketing, DEMO_STAFF.marketing.email);
    await mainNav(marketing).getByRole('link', { name: 'Rewards', exact: true }).click();
    await pageHeading(marketing, 'Rewards').waitFor();
    const add = marketing.getByRole('form', { name: 'Add reward' });
    await add.getByLabel('Reward name').fill(REWARD.name);
    await add.getByLabel('Cost in points').fill(String(REWARD.cost));
    await add.getByRole('button', { name: 'Add reward' }).click();
    await add.getByText(`Reward ${REWARD.name} added.`).waitFor();

    // The new member's points are pending, so the reward is out of reach for now.
    await mainNav(member).getByRole('link', { name: 'Rewards', exact: true }).click();
    await pageHeading(member, 'Rewards').waitFor();
    const memberCard = member
      .getByRole('listitem')
      .filter({ has: member.getByRole('heading', { name: REWARD.name }) });
    await memberCard.getByText(`${REWARD.cost} more points needed`, { exact: false }).waitFor();
    expect(await memberCard.getByRole('button', { name: 'Redeem' }).isDisabled()).toBe(true);

    // Alice has available points: she redeems the reward, confirming first.
    const alice = await journeys.newPage();
    await signInToPortal(alice, DEMO_MEMBERS.alice.email, DEMO_PASSWORD);
    await mainNav(alice).getByRole('link', { name: 'Rewards', exact: true }).click();
    await pageHeading(alice, 'Rewards').waitFor();
    const card = alice
      .getByRole('listitem')
      .filter({ has: alice.getByRole('heading', { name: REWARD.name }) });
    await card.getByText('You can have this', { exact: false }).waitFor();
    await card.getByRole('button', { name: 'Redeem' }).click();
    const confirmation = card.getByRole('group', { name: `Redeem ${REWARD.name}` });
    await confirmation.getByText(`Spend ${REWARD.cost} points on ${REWARD.name}?`).waitFor();
    await confirmation.getByRole('button', { name: 'Confirm' }).click();
    const redeemed = alice.getByRole('status').filter({ hasText: `Your voucher for ${REWARD.name} is` });
    await redeemed.waitFor();
    const code = /is (\S+)\. You now have/.exec(await redeemed.innerText())?.[1] ?? '';
    expect(code).not.toBe('');
    expect(await redeemed.innerText()).toContain(
      `You now have ${ALICE_AVAILABLE - REWARD.cost} points available.`,
    );

    // The voucher appears under My vouchers with its code.
    await redeemed.getByRole('link', { name: 'See my vouchers' }).click();
    await pageHeading(alice, 'My vouchers').waitFor();
    const voucher = alice
      .getByRole('list', { name: 'Active vouchers' })
      .getByRole('listitem')
      .filter({ has: alice.getByRole('heading', { name: REWARD.name }) });
    await voucher.getByText(`Code: ${code}`).waitFor();
    await voucher.getByRole('img', { name: `QR code for ${code}` }).waitFor();

    // She cancels it, confirming first; the points come back.
    await voucher.getByRole('button', { name: 'Cancel voucher' }).click();
    const cancel = voucher.getByRole('group', { name: `Cancel voucher ${code}` });
    await cancel.getByRole('button', { name: 'Yes, cancel voucher' }).click();
    await alice
      .getByRole('status')
      .getByText(`Voucher ${code} is cancelled. ${REWARD.cost} points are back in your balance`, {
        exact: false,
      })
      .waitFor();
    await alice
      .getByRole('list', { name: 'Expired and cancelled vouchers' })
      .getByRole('listitem')
      .filter({ hasText: code })
      .getByText(/Cancelled/)
      .waitFor();
    await alice.getByText('You have no vouchers to use.', { exact: false }).waitFor();

    // The balance is whole again and the statement says why.
    await mainNav(alice).getByRole('link', { name: 'Home', exact: true }).click();
    const aliceBalance = alice.getByRole('region', { name: 'Balance' });
    const whole = { Available: String(ALICE_AVAILABLE) };
    expect(await waitForTerms(aliceBalance, whole)).toMatchObject(whole);
    await openStatement(alice);
    const [returned, spent] = await statementLines(alice);
    expect(returned).toMatch(
      new RegExp(`^Points returned .*\\+${REWARD.cost} points Balance ${ALICE_AVAILABLE}$`),
    );
    expect(spent).toMatch(
      new RegExp(`^Points spent .*[−-]${REWARD.cost} points Balance ${ALICE_AVAILABLE - REWARD.cost}$`),
    );
  });
});
