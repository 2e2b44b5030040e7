import { type Programme } from '../programme/programme.schema.js';
import {
  type CampaignRule,
  type EarnLine,
  type EarnMember,
  type EarnResult,
  type Receipt,
  type ReceiptLine,
} from './earn.schema.js';

/**
 * The earn engine: pure and deterministic. The API awards with it, the cashier screen previews with it
 * and marketing simulates with it, so every point on a receipt is explained the same way everywhere.
 *
 * Rules: only line kinds the programme does not exclude earn; base points are whole spend units of the
 * eligible total; the tier adds its multiplier to the base; campaigns add their effect on matching
 * lines, capped by what is left of their budget and the member's allowance. Each output line is floored
 * once, at its end; lines always sum to the total.
 */
export interface EarnContext {
  now: Date;
  /** The store's IANA time zone, for campaign days and hours. */
  timeZone: string;
}

const BP = 10_000n;

export function lineAmount(line: ReceiptLine): number {
  return line.quantity * line.unitPrice;
}

export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 100);
}

function floorDiv(numerator: bigint, denominator: bigint): number {
  return Number(numerator / denominator);
}

function localParts(now: Date, timeZone: string): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(now);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(
    parts.find((p) => p.type === 'weekday')?.value ?? 'Sun',
  );
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0) % 24;
  return { weekday, hour };
}

function inWindow(campaign: CampaignRule, ctx: EarnContext): boolean {
  const t = ctx.now.getTime();
  if (t < Date.parse(campaign.window.startsAt)) return false;
  if (campaign.window.endsAt && t >= Date.parse(campaign.window.endsAt)) return false;
  const { weekday, hour } = localParts(ctx.now, ctx.timeZone);
  if (campaign.window.daysOfWeek.length > 0 && !campaign.window.daysOfWeek.includes(weekday)) return false;
  const hours = campaign.window.hours;
  if (hours && !(hour >= hours.from && hour < hours.to)) return false;
  return true;
}

function inAudience(campaign: CampaignRule, member: EarnMember, ctx: EarnContext): boolean {
  const a = campaign.audience;
  if (a.tierIds.length > 0 && (!member.tierId || !a.tierIds.includes(member.tierId))) return false;
  if (a.segments.length > 0 && !a.segments.some((s) => member.segments.includes(s))) return false;
  if (
    a.newMembersWithinDays !== null &&
    ctx.now.getTime() - Date.parse(member.joinedAt) > a.newMembersWithinDays * 86_400_000
  )
    return false;
  if (a.birthdayMonth) {
    if (!member.birthday) return false;
    const month = Number(member.birthday.slice(5, 7));
    const localMonth = Number(
      new Intl.DateTimeFormat('en-US', { timeZone: ctx.timeZone, month: 'numeric' }).format(ctx.now),
    );
    if (month !== localMonth) return false;
  }
  return true;
}

function matches(campaign: CampaignRule, line: ReceiptLine): boolean {
  const { categories, skus } = campaign.basket;
  if (categories.length === 0 && skus.length === 0) return true;
  return (line.category !== undefined && categories.includes(line.category)) || skus.includes(line.sku);
}

function campaignPoints(campaign: CampaignRule, eligible: ReceiptLine[], programme: Programme): number {
  const matching = eligible
    .filter((line) => matches(campaign, line))
    .reduce((sum, line) => sum + lineAmount(line), 0);
  if (matching === 0 || matching < campaign.basket.minSpend) return 0;
  let points: number;
  if (campaign.effect.type === 'bonus') {
    points = campaign.effect.points;
  } else {
    const extraBp = BigInt(campaign.effect.multiplierBp) - BP;
    points = floorDiv(
      BigInt(matching) * BigInt(programme.pointsPerUnit) * extraBp,
      BigInt(programme.spendUnit) * BP,
    );
  }
  for (const cap of [campaign.remainingBudget, campaign.memberRemaining]) {
    if (cap !== null) points = Math.min(points, cap);
  }
  return Math.max(0, points);
}

function describeCampaign(campaign: CampaignRule): string {
  const effect =
    campaign.effect.type === 'bonus'
      ? `${campaign.effect.points} bonus points`
      : `${campaign.effect.multiplierBp / 10_000}× points`;
  return `${campaign.name}: ${effect}`;
}

export function evaluateEarn(
  receipt: Receipt,
  member: EarnMember,
  programme: Programme,
  campaigns: readonly CampaignRule[],
  ctx: EarnContext,
): EarnResult {
  const excluded = new Set(programme.excludedKinds);
  const eligible = receipt.lines.filter((line) => !excluded.has(line.kind));
  const eligibleAmount = eligible.reduce((sum, line) => sum + lineAmount(line), 0);
  const excludedAmount = receipt.lines.reduce((sum, line) => sum + lineAmount(line), 0) - eligibleAmount;

  const units = Math.floor(eligibleAmount / programme.spendUnit);
  const base = units * programme.pointsPerUnit;
  const lines: EarnLine[] = [
    {
      source: 'base',
      campaignId: null,
      description: `${programme.pointsPerUnit} point${programme.pointsPerUnit === 1 ? '' : 's'} per ${formatMoney(programme.spendUnit, programme.currency)} on ${formatMoney(eligibleAmount, programme.currency)}${excludedAmount > 0 ? ` (${formatMoney(excludedAmount, programme.currency)} does not earn)` : ''}`,
      points: base,
    },
  ];

  const tier = programme.tiers.find((t) => t.id === member.tierId);
  if (tier && tier.multiplierBp > 10_000 && base > 0) {
    const bonus = floorDiv(BigInt(base) * (BigInt(tier.multiplierBp) - BP), BP);
    if (bonus > 0) {
      lines.push({
        source: 'tier',
        campaignId: null,
        description: `${tier.name} tier: ×${tier.multiplierBp / 10_000} on base points`,
        points: bonus,
      });
    }
  }

  const applicable = [...campaigns]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((c) => inWindow(c, ctx) && inAudience(c, member, ctx))
    .map((c) => ({ campaign: c, points: campaignPoints(c, eligible, programme) }))
    .filter((c) => c.points > 0);
  const stacked = applicable.filter((c) => c.campaign.stacking === 'stack');
  const stackedTotal = stacked.reduce((sum, c) => sum + c.points, 0);
  // The best exclusive campaign stands alone; the member gets whichever earns more, so adding an item
  // to a basket can never lower the points.
  const bestExclusive = applicable
    .filter((c) => c.campaign.stacking === 'exclusive')
    .reduce<(typeof applicable)[number] | null>(
      (best, c) => (best === null || c.points > best.points ? c : best),
      null,
    );
  const chosen = bestExclusive && bestExclusive.points > stackedTotal ? [bestExclusive] : stacked;
  for (const { campaign, points } of chosen) {
    lines.push({
      source: 'campaign',
      campaignId: campaign.id,
      description: describeCampaign(campaign),
      points,
    });
  }

  return { points: lines.reduce((sum, line) => sum + line.points, 0), eligibleAmount, excludedAmount, lines };
}
