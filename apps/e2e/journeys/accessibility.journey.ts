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

const SCREENS: Screen[] = [
  {
    name: 'portal sign-in page',
    open: async (page) => {
      await page.goto('/sign-in');
      await page.getByRole('form', { name: 'Sign in' }).waitFor();
    },
  },
  {
    name: 'portal sign-up page',
    open: async (page) => {
      await page.goto('/sign-up');
      await page.getByRole('form', { name: 'Join Tally' }).waitFor();
    },
  },
  {
    name: 'portal home page, signed in',
    open: async (page) => {
      await signInToPortal(page, DEMO_MEMBERS.alice.email, DEMO_PASSWORD);
      await page.getByRole('region', { name: 'Balance' }).waitFor();
      await page.getByRole('region', { name: 'Latest activity' }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'portal profile page',
    open: async (page) => {
      await signInToPortal(page, DEMO_MEMBERS.alice.email, DEMO_PASSWORD);
      await mainNav(page).getByRole('link', { name: 'Profile' }).click();
      await pageHeading(page, 'Profile').waitFor();
      await page.getByRole('form', { name: 'Your details' }).waitFor();
      await page.getByRole('form', { name: 'Close your account' }).waitFor();
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
];

describeJourneys('Accessibility (axe)', () => {
  const journeys = useJourneys();

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
