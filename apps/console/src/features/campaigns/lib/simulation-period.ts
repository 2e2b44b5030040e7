import { localInputToIso } from '../../../lib/local-date-time';

/** The form's two calendar dates, on the browser's clock: the first and the last day of the period. */
export type SimulationPeriodValues = { from: string; to: string };

/** How many days back the form starts from. */
export const DEFAULT_SIMULATION_DAYS = 30;

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as a `type="date"` input holds it (`YYYY-MM-DD`), on the browser's calendar. */
export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last 30 days, today included. */
export function defaultSimulationPeriod(now = new Date()): SimulationPeriodValues {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - DEFAULT_SIMULATION_DAYS);
  return { from: localDate(from), to: localDate(now) };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date's midnight on the browser's clock, as an instant with its offset. */
const midnight = (date: string): string | undefined =>
  DATE.test(date) ? localInputToIso(`${date}T00:00`) : date.trim() || undefined;

/** `2025-03-31` → `2025-04-01`. */
function nextDay(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return localDate(new Date(year, month - 1, day + 1));
}

/**
 * The request for the days chosen: from midnight of the first day to midnight after the last, both on
 * the browser's clock, and never past now (so "to today" means "up to now"). An empty or unreadable
 * date is passed on as it is, for the schema to name.
 */
export function simulationRequest(
  values: SimulationPeriodValues,
  now = new Date(),
): { from: string | undefined; to: string | undefined } {
  const end = DATE.test(values.to) ? midnight(nextDay(values.to)) : midnight(values.to);
  return {
    from: midnight(values.from),
    to: end !== undefined && Date.parse(end) > now.getTime() ? now.toISOString() : end,
  };
}
