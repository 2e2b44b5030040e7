import { normalizeCardNumber } from '@tally/domain';
import type { APIResponse, BrowserContext, Locator, Page } from 'playwright-core';

/** The demo business every fresh server starts with (README, "Demo logins"). */
export const DEMO_PASSWORD = 'tally-demo-2026';
export const DEMO_STAFF = {
  admin: { email: 'admin@demo.tally', name: 'Ada Admin' },
  manager: { email: 'manager@demo.tally', name: 'Max Manager' },
  cashier: { email: 'cashier@demo.tally', name: 'Cass Cashier' },
  marketing: { email: 'marketing@demo.tally', name: 'Mia Marketing' },
} as const;
export const DEMO_MEMBERS = {
  alice: { email: 'alice@demo.tally', name: 'Alice Example' },
  bob: { email: 'bob@demo.tally', name: 'Bob Example' },
} as const;
export const LONDON_STORE = 'Tally Market London (LON-01)';
/** The POS key of till 1 in London (README, "Demo logins"). */
export const DEMO_POS_KEY = 'tpk_demotill01_DEMOonly-till-key-never-use-in-production01';

/** The page's `<h1>`. */
export function pageHeading(page: Page, name: string | RegExp): Locator {
  return page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' ? true : undefined });
}

/** Fills the shared sign-in form (portal or console) and submits it. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs a member in on the portal and waits for their home page. */
export async function signInToPortal(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await submitSignIn(page, email, password);
  await pageHeading(page, 'Your points').waitFor();
}

/** Signs a new member up on the portal and waits for their home page (signed in at once). */
export async function signUpToPortal(
  page: Page,
  member: { name: string; email: string; password: string },
): Promise<void> {
  await page.goto('/sign-up');
  await pageHeading(page, 'Join Tally').waitFor();
  const form = page.getByRole('form', { name: 'Join Tally' });
  await form.getByLabel('Name').fill(member.name);
  await form.getByLabel('Email').fill(member.email);
  await form.getByLabel('Password').fill(member.password);
  await form.getByRole('button', { name: 'Sign up' }).click();
  await pageHeading(page, 'Your points').waitFor();
}

/** The card number the page shows ("Card number: 1234 5678 9012"), checked as a real card number. */
export async function shownCardNumber(page: Page): Promise<string> {
  const line = page.getByText(/^Card number:/).first();
  const text = await line.innerText();
  const digits = /Card number:\s*([\d ]+)/.exec(text)?.[1]?.trim() ?? '';
  const card = normalizeCardNumber(digits);
  if (!card) throw new Error(`"${text}" does not show a valid card number`);
  return card;
}

/** A receipt id no other run on the same server has used: a receipt earns once per store. */
export function uniqueReceiptId(prefix = 'E2E'): string {
  return `${prefix}-${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1000)}`;
}

/** Fills line 1 of the console checkout's Sale form. */
export async function enterSaleLine(
  sale: Locator,
  line: { sku: string; category?: string; quantity: string; unitPrice: string },
): Promise<void> {
  const group = sale.getByRole('group', { name: 'Line 1' });
  await group.getByLabel('SKU', { exact: true }).fill(line.sku);
  if (line.category !== undefined) await group.getByLabel('Category', { exact: true }).fill(line.category);
  await group.getByLabel('Quantity', { exact: true }).fill(line.quantity);
  await group.getByLabel('Unit price', { exact: true }).fill(line.unitPrice);
}

/** Signs a staff user in on the console and waits for the console's home page. */
export async function signInToConsole(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/console/sign-in');
  await submitSignIn(page, email, password);
  await pageHeading(page, /^Hello, /).waitFor();
}

/** The console's or portal's main navigation. */
export function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Main' });
}

/** The names of the main navigation's links, in order (wait for the navigation first). */
export async function navLinkNames(page: Page): Promise<string[]> {
  await mainNav(page).waitFor();
  const names = await mainNav(page).getByRole('link').allInnerTexts();
  return names.map((name) => name.trim());
}

/** A `<dl>`'s terms and definitions, read through their roles (`term`, `definition`). */
export async function readTerms(scope: Locator): Promise<Record<string, string>> {
  const terms = await scope.getByRole('term').allInnerTexts();
  const definitions = await scope.getByRole('definition').allInnerTexts();
  if (terms.length !== definitions.length) {
    throw new Error(`${terms.length} terms but ${definitions.length} definitions`);
  }
  return Object.fromEntries(terms.map((term, i) => [term.trim(), (definitions[i] ?? '').trim()]));
}

/**
 * Reads a `<dl>` until it shows every term in `expected` with that definition (a page may show cached
 * figures first and refresh them a moment later), or `timeoutMs` passes; returns what it read last.
 */
export async function waitForTerms(
  scope: Locator,
  expected: Record<string, string>,
  timeoutMs = 15_000,
): Promise<Record<string, string>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await scope.getByRole('term').first().waitFor();
    const terms = await readTerms(scope);
    const shown = Object.entries(expected).every(([term, definition]) => terms[term] === definition);
    if (shown || Date.now() > deadline) return terms;
    await scope.page().waitForTimeout(100);
  }
}

/**
 * As an admin signed in to the console: opens the Outbox, finds the newest message to `to` with
 * `subject`, shows it, and returns the link in its body that contains `path`.
 */
export async function readLinkFromOutbox(
  page: Page,
  { to, subject, path }: { to: string; subject: string; path: string },
): Promise<URL> {
  await mainNav(page).getByRole('link', { name: 'Outbox', exact: true }).click();
  await pageHeading(page, 'Outbox').waitFor();
  const message = page
    .getByRole('list', { name: 'Outbox messages' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: subject, exact: true }) })
    .filter({ hasText: to })
    .first();
  await message.getByRole('button', { name: 'Show message' }).click();
  const link = message.getByRole('link').filter({ hasText: path });
  await link.waitFor();
  const href = await link.getAttribute('href');
  if (!href) throw new Error(`the ${subject} message to ${to} has no link to ${path}`);
  return new URL(href);
}

/** Headers of the console's API client: the staff session cookie is the one the API reads. */
export const CONSOLE_CLIENT = { 'x-tally-client': 'console' } as const;
export const PORTAL_CLIENT = { 'x-tally-client': 'portal' } as const;

/** A GET from the context's own cookie jar, as the console's API client sends it. */
export function consoleApiGet(context: BrowserContext, path: string): Promise<APIResponse> {
  return context.request.get(path, { headers: CONSOLE_CLIENT });
}
