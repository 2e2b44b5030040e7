import { PROBLEM_CONTENT_TYPE, ProblemSchema, StaffRoles, type StaffRole } from '@tally/domain';
import type { Page } from 'playwright-core';
import { CONSOLE_PAGES, pagesFor, pagesNotFor } from '../src/console-pages.js';
import { describeJourneys, useJourneys } from '../src/journey.js';
import {
  DEMO_STAFF,
  consoleApiGet,
  mainNav,
  navLinkNames,
  pageHeading,
  signInToConsole,
} from '../src/pages.js';

/** A request made by the page itself (`fetch`), so the browser attaches its own session cookie. */
async function browserGet(
  page: Page,
  path: string,
): Promise<{ status: number; contentType: string; body: unknown }> {
  return page.evaluate(async (url) => {
    const res = await fetch(url, { headers: { 'x-tally-client': 'console', accept: 'application/json' } });
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      body: (await res.json()) as unknown,
    };
  }, path);
}

describeJourneys('Staff console roles', () => {
  const journeys = useJourneys();

  it('reads from the permission matrix that the admin gets every console page and the cashier not Staff (so the role checks below are not vacuous)', () => {
    expect(pagesFor('admin')).toEqual(CONSOLE_PAGES);
    expect(pagesNotFor('cashier').map((page) => page.label)).toContain('Staff');
  });

  it.each(StaffRoles)(
    'shows the %s role exactly the console pages it allows: those in the navigation open, the others say not allowed',
    async (role: StaffRole) => {
      const page = await journeys.newPage();
      await signInToConsole(page, DEMO_STAFF[role].email);
      await pageHeading(page, `Hello, ${DEMO_STAFF[role].name}`).waitFor();

      expect(await navLinkNames(page)).toEqual(pagesFor(role).map((p) => p.label));

      for (const allowed of pagesFor(role)) {
        await mainNav(page).getByRole('link', { name: allowed.label, exact: true }).click();
        await pageHeading(page, allowed.heading).waitFor();
      }
      for (const hidden of pagesNotFor(role)) {
        await page.goto(`/console${hidden.path}`);
        await pageHeading(page, 'Not allowed').waitFor();
        const alert = page.getByRole('main').getByRole('alert');
        expect(await alert.innerText()).toContain(
          `Your role, ${role}, does not include this page (${hidden.permission})`,
        );
      }
    },
  );

  it.each(StaffRoles)(
    'serves the %s role the API reads behind the pages it allows and refuses the others with 403 FORBIDDEN',
    async (role: StaffRole) => {
      const context = await journeys.newContext();
      await signInToConsole(await context.newPage(), DEMO_STAFF[role].email);
      for (const consolePage of CONSOLE_PAGES) {
        if (consolePage.api === null) continue;
        const res = await consoleApiGet(context, consolePage.api);
        const allowed = pagesFor(role).includes(consolePage);
        expect({ api: consolePage.api, status: res.status() }).toEqual({
          api: consolePage.api,
          status: allowed ? 200 : 403,
        });
        if (!allowed) expect(ProblemSchema.parse(await res.json()).code).toBe('FORBIDDEN');
      }
    },
  );

  it('refuses a signed-in cashier the Staff page in the console and its API calls (GET /api/v1/staff, /api/v1/admin/ledger/verify) with a 403 FORBIDDEN problem', async () => {
    const context = await journeys.newContext();
    const page = await context.newPage();
    await signInToConsole(page, DEMO_STAFF.cashier.email);

    // The page says so clearly...
    await page.goto('/console/staff');
    await pageHeading(page, 'Not allowed').waitFor();
    const alert = page.getByRole('main').getByRole('alert');
    expect(await alert.innerText()).toContain('Your role, cashier, does not include this page (staff:read)');
    expect(await mainNav(page).getByRole('link', { name: 'Staff', exact: true }).count()).toBe(0);

    // ...and the API refuses the same browser session, not just the page: the cookie is the cashier's.
    const session = await browserGet(page, '/api/v1/auth/session');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ email: DEMO_STAFF.cashier.email, role: 'cashier' });

    for (const [path, permission] of [
      ['/api/v1/staff', 'staff:read'],
      ['/api/v1/admin/ledger/verify', 'ledger:verify'],
    ] as const) {
      for (const res of [
        await browserGet(page, path),
        await consoleApiGet(context, path).then(async (r) => ({
          status: r.status(),
          contentType: r.headers()['content-type'] ?? '',
          body: (await r.json()) as unknown,
        })),
      ]) {
        expect(res.status).toBe(403);
        expect(res.contentType).toContain(PROBLEM_CONTENT_TYPE);
        const problem = ProblemSchema.parse(res.body);
        expect(problem).toMatchObject({ status: 403, code: 'FORBIDDEN', instance: path });
        expect(problem.detail).toContain(permission);
      }
    }
  });
});
