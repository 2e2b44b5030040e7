import { evaluateEarn } from '../earn/earn.rules.js';
import type { EarnMember, EarnResult, Receipt } from '../earn/earn.schema.js';
import type { Programme } from '../programme/programme.schema.js';
import { allowancePeriodStart, toCampaignRule } from './campaign.rules.js';
import type { CampaignDefinition } from './campaign.schema.js';
import type { CampaignSimulationRequest } from './campaign-simulation.schema.js';

/**
 * How far past the API's clock a period may end: a browser that asks for "up to now" with a clock a
 * little fast is not refused; the period then ends at the API's now.
 */
export const SIMULATION_CLOCK_SKEW_MS = 60_000;

/** Why a period cannot be simulated at `now` (it must lie in the past), as field problems. */
export function simulationPeriodProblems(
  period: CampaignSimulationRequest,
  now: Date,
): { field: 'from' | 'to'; message: string }[] {
  const problems: { field: 'from' | 'to'; message: string }[] = [];
  if (Date.parse(period.from) >= now.getTime())
    problems.push({ field: 'from', message: 'must be in the past' });
  else if (Date.parse(period.to) > now.getTime() + SIMULATION_CLOCK_SKEW_MS)
    problems.push({ field: 'to', message: 'must not be in the future' });
  return problems;
}

/** The period as instants, its end no later than `now`. */
export function simulationPeriod(period: CampaignSimulationRequest, now: Date): { from: Date; to: Date } {
  return { from: new Date(period.from), to: new Date(Math.min(Date.parse(period.to), now.getTime())) };
}

/** The cost of points at the programme's point value (`pointValueMilli`: minor units × 1000 per point). */
export const pointsCost = (points: number, pointValueMilli: number): number =>
  Math.round((points * pointValueMilli) / 1000);

/** One stored till receipt as the simulation reads it, with the member as the till saw them. */
export interface SimulatedSale {
  memberId: string;
  /** When the till recorded it: the engine's `now`. */
  at: Date;
  /** The store's time zone, for the campaign's days and hours. */
  timeZone: string;
  receipt: Receipt;
  member: EarnMember;
}

/** What one member has had from the simulated campaign: in the current allowance period and in all. */
export interface SimulatedMember {
  periodStart: Date | null;
  periodPoints: number;
  points: number;
}

export interface SimulationTotals {
  pointsIssued: number;
  receiptsMatched: number;
  membersReached: number;
  budgetExhaustedAt: Date | null;
}

export interface SimulationStep {
  campaignId: string;
  definition: CampaignDefinition;
  period: { from: Date; to: Date };
  programme: Programme;
  totals: SimulationTotals;
  /** The members of these sales who already had points from the simulation (others start at zero). */
  members: ReadonlyMap<string, SimulatedMember>;
  /** In the order the tills recorded them. */
  sales: readonly SimulatedSale[];
}

/** The campaign's points in an engine result: its own lines only. */
export function campaignPointsIn(result: EarnResult, campaignId: string): number {
  return result.lines
    .filter((line) => line.source === 'campaign' && line.campaignId === campaignId && line.points > 0)
    .reduce((sum, line) => sum + line.points, 0);
}

/**
 * Runs the campaign over sales as the till would have, one after another: the same engine, with what
 * was left of the budget and of the member's allowance for the period at each sale (UTC day, ISO week,
 * month or the whole simulation, as at the till). The campaign's own dates are replaced by the period
 * simulated; its days of the week and hours still apply. Pure: returns the new totals and the members
 * whose figures changed.
 */
export function simulateSales(step: SimulationStep): {
  totals: SimulationTotals;
  members: Map<string, SimulatedMember>;
} {
  const { campaignId, programme } = step;
  const definition: CampaignDefinition = {
    ...step.definition,
    window: {
      ...step.definition.window,
      startsAt: step.period.from.toISOString(),
      endsAt: step.period.to.toISOString(),
    },
  };
  const budget = definition.limits.budgetPoints;
  const allowance = definition.limits.perMember;
  const totals = { ...step.totals };
  const changed = new Map<string, SimulatedMember>();

  for (const sale of step.sales) {
    if (budget !== null && totals.pointsIssued >= budget) break;
    const before = changed.get(sale.memberId) ??
      step.members.get(sale.memberId) ?? { periodStart: null, periodPoints: 0, points: 0 };
    const periodStart = allowance ? allowancePeriodStart(allowance.period, sale.at) : null;
    const used = before.periodStart?.getTime() === periodStart?.getTime() ? before.periodPoints : 0;
    const rule = toCampaignRule(campaignId, definition, {
      budget: budget === null ? null : budget - totals.pointsIssued,
      member: allowance ? Math.max(0, allowance.points - used) : null,
    });
    const result = evaluateEarn(sale.receipt, sale.member, programme, [rule], {
      now: sale.at,
      timeZone: sale.timeZone,
    });
    const points = campaignPointsIn(result, campaignId);
    if (points === 0) continue;
    totals.pointsIssued += points;
    totals.receiptsMatched += 1;
    if (before.points === 0) totals.membersReached += 1;
    if (budget !== null && totals.pointsIssued >= budget) totals.budgetExhaustedAt = sale.at;
    changed.set(sale.memberId, { periodStart, periodPoints: used + points, points: before.points + points });
  }
  return { totals, members: changed };
}
