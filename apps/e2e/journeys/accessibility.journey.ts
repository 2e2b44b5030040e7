import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describeJourneys, useJourneys } from '../src/journey.js';
import {
  DEMO_MEMBERS,
  DEMO_PASSWORD,
  DEMO_STAFF,
  mainNav,
  pageHeading,
  signInToConsole,
  signInToPortal,
} from '../src/pages.js';

/** Impacts that fail the journey; minor and moderate findings are left to review. */
const BLOCKING = new Set(['serious', 'critical']);

interface Screen {
  name: string;
  /** Opens the page and waits until its content (not a loading state) is shown. */
  open: (page: Page) => Promise<void>;
}

/** Waits until no loading state is left on the page (lists, QR codes and lazy pages all load). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.tally-state--loading') === null);
}

interface PortalPage {
  path: string;
  /** The page's `<h1>`. */
  heading: string;
  /** Something shown only once the page's data arrived (beyond "no loading state"). */
  ready?: (page: Page) => Promise<void>;
}

const howItWorks: PortalPage = {
  path: '/how-it-works',
  heading: 'How the programme works',
  ready: (page) => page.getByRole('region', { name: 'Tiers' }).getByRole('listitem').first().waitFor(),
};
const notFound: PortalPage = { path: '/no-such-page', heading: 'Page not found' };

/** The ideas board's public pages (the demo has ideas in every column). */
const ideasBoard: PortalPage = {
  path: '/ideas',
  heading: 'Ideas',
  ready: (page) =>
    page.getByRole('list', { name: 'Ideas', exact: true }).getByRole('listitem').first().waitFor(),
};
const roadmap: PortalPage = {
  path: '/ideas/roadmap',
  heading: 'Roadmap',
  ready: (page) => page.getByRole('region', { name: 'Planned' }).getByRole('link').first().waitFor(),
};
const shippedWall: PortalPage = {
  path: '/ideas/shipped',
  heading: 'Shipped thanks to you',
  ready: (page) => page.getByRole('list', { name: 'Shipped ideas' }).getByRole('listitem').first().waitFor(),
};
/** A demo idea with a status history, opened from the board (its address holds an id). */
const DEMO_IDEA = 'Click and collect lockers at the station';

/** Every portal page a visitor can open. */
const PORTAL_SIGNED_OUT: PortalPage[] = [
  { path: '/', heading: 'Welcome to Tally' },
  { path: '/sign-in', heading: 'Sign in' },
  { path: '/sign-up', heading: 'Join Tally' },
  { path: '/forgot-password', heading: 'Reset your password' },
  { path: '/reset-password?token=not-a-real-token', heading: 'Choose a new password' },
  howItWorks,
  ideasBoard,
  roadmap,
  shippedWall,
  notFound,
];

/** Every portal page a signed-in member can open (the test below checks the navigation adds none). */
const PORTAL_SIGNED_IN: PortalPage[] = [
  {
    path: '/',
    heading: 'Your points',
    ready: (page) =>
      page.getByRole('region', { name: 'Latest activity' }).getByRole('listitem').first().waitFor(),
  },
  {
    path: '/statement',
    heading: 'Statement',
    ready: (page) =>
      page
        .getByRole('list', { name: /statement/i })
        .getByRole('listitem')
        .first()
        .waitFor(),
  },
  { path: '/rewards', heading: 'Rewards' },
  { path: '/vouchers', heading: 'My vouchers' },
  {
    path: '/claims',
    heading: 'Missing points',
    ready: async (page) => {
      await page.getByRole('form', { name: 'Claim missing points' }).waitFor();
      await page.getByText('You have not claimed any missing points.').waitFor();
    },
  },
  {
    path: '/referrals',
    heading: 'Refer a friend',
    ready: (page) => page.getByLabel('Your referral code').waitFor(),
  },
  {
    path: '/notifications',
    heading: 'Notifications',
    ready: (page) =>
      page
        .getByText(/No notifications yet|notifications? shown/)
        .first()
        .waitFor(),
  },
  {
    path: '/card',
    heading: 'My card',
    ready: (page) => page.getByRole('img', { name: /^QR code for card/ }).waitFor(),
  },
  howItWorks,
  ideasBoard,
  {
    path: '/ideas/new',
    heading: 'Submit an idea',
    ready: (page) => page.getByRole('form', { name: 'Submit an idea' }).waitFor(),
  },
  roadmap,
  shippedWall,
  {
    path: '/ideas/impact',
    heading: 'My impact',
    ready: (page) => page.getByRole('list', { name: 'My ideas' }).getByRole('listitem').first().waitFor(),
  },
  {
    path: '/profile',
    heading: 'Profile',
    ready: (page) => page.getByRole('form', { name: 'Close your account' }).waitFor(),
  },
  notFound,
];

async function openPortalPage(page: Page, { path, heading, ready }: PortalPage): Promise<void> {
  await page.goto(path);
  await pageHeading(page, heading).waitFor();
  await ready?.(page);
  await settled(page);
}

/** Opens the demo idea from the board, as a member or a visitor would. */
async function openIdeaPage(page: Page, signedIn: boolean): Promise<void> {
  await openPortalPage(page, ideasBoard);
  await page.getByRole('link', { name: DEMO_IDEA }).click();
  await pageHeading(page, DEMO_IDEA).waitFor();
  await (
    signedIn
      ? page.getByRole('button', { name: 'Vote for this idea' })
      : page.getByRole('link', { name: 'Sign in to vote, follow and comment' })
  ).waitFor();
  await settled(page);
}

const SCREENS: Screen[] = [
  ...PORTAL_SIGNED_OUT.map((portalPage): Screen => ({
    name: `portal ${portalPage.path} signed out`,
    open: (page) => openPortalPage(page, portalPage),
  })),
  ...PORTAL_SIGNED_IN.map((portalPage): Screen => ({
    name: `portal ${portalPage.path} signed in`,
    open: async (page) => {
      await signInToPortal(page, DEMO_MEMBERS.alice.email, DEMO_PASSWORD);
      await openPortalPage(page, portalPage);
    },
  })),
  {
    name: 'portal idea page signed out',
    open: (page) => openIdeaPage(page, false),
  },
  {
    name: 'portal idea page signed in',
    open: async (page) => {
      await signInToPortal(page, DEMO_MEMBERS.alice.email, DEMO_PASSWORD);
      await openIdeaPage(page, true);
    },
  },
  {
    name: 'console sign-in page',
    open: async (page) => {
      await page.goto('/console/sign-in');
      await page.getByRole('form', { name: 'Sign in' }).waitFor();
    },
  },
  {
    name: 'console home page, signed in',
    open: async (page) => {
      await signInToConsole(page, DEMO_STAFF.admin.email);
      await page
        .getByRole('region', { name: 'Service status' })
        .getByText('All systems are working.')
        .waitFor();
    },
  },
  {
    name: 'console claims page',
    open: async (page) => {
      await signInToConsole(page, DEMO_STAFF.manager.email);
      await mainNav(page).getByRole('link', { name: 'Claims', exact: true }).click();
      await page.getByText('No claim is waiting for a decision.').waitFor();
    },
  },
  {
    name: 'console ideas list',
    open: async (page) => {
      await signInToConsole(page, DEMO_STAFF.marketing.email);
      await mainNav(page).getByRole('link', { name: 'Ideas', exact: true }).click();
      await page.getByRole('table', { name: 'Ideas' }).getByRole('link').first().waitFor();
      await settled(page);
    },
  },
  {
    name: 'console ideas review queue, with the approve form open',
    open: async (page) => {
      await signInToConsole(page, DEMO_STAFF.manager.email);
      await page.goto('/console/ideas/review');
      const queue = page.getByRole('list', { name: 'Ideas to moderate' });
      await queue.getByRole('button', { name: 'Approve…' }).first().click();
      await page.getByRole('form', { name: /^Approve: / }).waitFor();
    },
  },
  {
    name: 'console idea page, with the status form open',
    open: async (page) => {
      await signInToConsole(page, DEMO_STAFF.marketing.email);
      await page.goto('/console/ideas');
      await page.getByRole('link', { name: /Click and collect lockers at the station/ }).click();
      await page.getByRole('list', { name: 'Status history' }).waitFor();
      await page.getByRole('button', { name: 'Start work' }).click();
      await page.getByRole('form', { name: /^Start work: / }).waitFor();
      await settled(page);
    },
  },
  {
    name: 'console segment editor, with a rule and its live count',
    open: async (page) => {
      await signInToConsole(page, DEMO_STAFF.marketing.email);
      await mainNav(page).getByRole('link', { name: 'Segments', exact: true }).click();
      await page.getByRole('link', { name: 'New segment' }).first().click();
      await page.getByLabel('Kind of rule to add').selectOption('visits');
      await page.getByRole('button', { name: 'Add rule' }).click();
      await page.getByLabel(/^Rule 1: Minimum/).fill('1');
      await page.getByText(/members? match/).waitFor();
    },
  },
];

describeJourneys('Accessibility (axe)', () => {
  const journeys = useJourneys();

  it('covers every page of the portal navigation, signed in and signed out', async () => {
    const page = await journeys.newPage();
    await openPortalPage(page, PORTAL_SIGNED_OUT[0]!);
    const visitorLinks = await mainNav(page)
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(PORTAL_SIGNED_OUT.map((p) => p.path)).toEqual(expect.arrayContaining(visitorLinks));

    await signInToPortal(page, DEMO_MEMBERS.alice.email, DEMO_PASSWORD);
    const memberLinks = await mainNav(page)
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(memberLinks.length).toBeGreaterThan(5);
    expect(PORTAL_SIGNED_IN.map((p) => p.path)).toEqual(expect.arrayContaining(memberLinks));
  });

  it.each(SCREENS)('finds no serious or critical axe violations on the $name', async ({ open }: Screen) => {
    const page = await journeys.newPage();
    await open(page);
    const results = await new AxeBuilder({ page }).analyze();
    // axe really looked at the page (a blank or half-loaded page would pass vacuously).
    expect(results.passes.length).toBeGreaterThan(10);
    const blocking = results.violations
      .filter((violation) => BLOCKING.has(violation.impact ?? ''))
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
      }));
    expect(blocking).toEqual([]);
  });
});
