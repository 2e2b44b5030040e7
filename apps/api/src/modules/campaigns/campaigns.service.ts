import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  allowancePeriodStart,
  type Campaign,
  type CampaignAction,
  CampaignActionRequestSchema,
  type CampaignDefinition,
  CampaignDefinitionSchema,
  campaignEditable,
  campaignLimited,
  type CampaignPage,
  type CampaignPreview,
  CampaignPreviewRequestSchema,
  CampaignQuerySchema,
  type CampaignRule,
  type CampaignStats,
  type CampaignStatus,
  campaignTransition,
  CampaignUpdateSchema,
  type CampaignVersion,
  type EarnResult,
  evaluateEarn,
  pointsCost,
  scheduledTransition,
  type SegmentRule,
  segmentIdsOf,
  toCampaignRule,
} from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { type RequestContext, staffIdOf } from '../../common/auth/actor.js';
import { toCsv } from '../../common/csv.js';
import { AppException } from '../../common/exceptions/app.exception.js';
import { decodeIdCursor, encodeIdCursor } from '../../common/pagination/id-cursor.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { AuditService } from '../audit/audit.service.js';
import { ProgrammeService } from '../programme/programme.service.js';
import { type EvaluationContext } from '../segments/segments.repository.js';
import { SegmentsService } from '../segments/segments.service.js';
import { type CampaignRow, CampaignsRepository, type CampaignVersionRow } from './campaigns.repository.js';

/** How long a process reuses the list of live campaigns at the till; edits here clear it at once. */
const LIVE_CACHE_MS = 2_000;

export interface LiveCampaign {
  id: string;
  definition: CampaignDefinition;
  budgetRemaining: number | null;
}

/**
 * The live campaigns as one till sale sees them: read once before the award's transaction (so nothing
 * inside it reads outside the transaction), with the rules of the segments they target.
 */
export interface TillCampaigns {
  rules: CampaignRule[];
  live: ReadonlyMap<string, LiveCampaign>;
  segments: ReadonlyMap<string, SegmentRule[]>;
}

interface LiveSet {
  campaigns: LiveCampaign[];
  segments: Map<string, SegmentRule[]>;
}

/** The campaign points an award draws, settled under the campaigns' locks. */
export interface SettledEarn {
  result: EarnResult;
  issues: { campaignId: string; points: number }[];
}

const SYSTEM: RequestContext = { actor: null, ip: '', requestId: 'job:campaigns.lifecycle', userAgent: null };

/**
 * Campaigns: marketing drafts, schedules, pauses and ends them (every change versioned and audited);
 * the till evaluates live ones with the earn engine; budgets and per-member allowances are settled
 * inside the award's own transaction, under a lock on each limited campaign, so they hold under
 * concurrency.
 */
@Injectable()
export class CampaignsService {
  private live: { at: number; set: Promise<LiveSet> } | undefined;

  constructor(
    private readonly repository: CampaignsRepository,
    private readonly programmes: ProgrammeService,
    private readonly segments: SegmentsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    // A segment edited in this process applies from the next sale, as a campaign edit does.
    segments.onChange(() => {
      this.live = undefined;
    });
  }

  async list(query: unknown): Promise<CampaignPage> {
    const { status, cursor, limit } = parseOrThrow(CampaignQuerySchema, query ?? {}, ['query']);
    const rows = await this.repository.page(status, cursor ? decodeIdCursor(cursor, 'c') : null, limit + 1);
    return {
      items: rows.slice(0, limit).map(toCampaign),
      nextCursor: rows.length > limit ? encodeIdCursor(rows[limit - 1]!.seq, 'c') : null,
    };
  }

  async get(id: string): Promise<Campaign> {
    return toCampaign(await this.found(id));
  }

  async versions(id: string): Promise<CampaignVersion[]> {
    await this.found(id);
    return (await this.repository.versions(id)).map(toVersion);
  }

  async create(input: unknown, ctx: RequestContext): Promise<Campaign> {
    const definition = parseOrThrow(CampaignDefinitionSchema, input);
    const row = await this.dataSource.transaction(async (manager) => {
      await this.segments.requireUsable(manager, definition.audience.segments, 'audience.segments');
      const created = await this.repository.insert(manager, definition, staffIdOf(ctx));
      await this.repository.appendVersion(manager, created, 'created', staffIdOf(ctx), null);
      await this.audit.record(manager, ctx, {
        action: 'campaign.created',
        targetType: 'campaign',
        targetId: created.id,
        summary: { name: definition.name },
      });
      return created;
    });
    return toCampaign(row);
  }

  async update(id: string, input: unknown, ctx: RequestContext): Promise<Campaign> {
    parseOrThrow(z.uuid(), id, ['id']);
    const parsed = parseOrThrow(CampaignUpdateSchema, input);
    const { version, definition } = parsed;
    const row = await this.dataSource.transaction(async (manager) => {
      const current = await this.repository.find(id, manager, true);
      if (!current) throw new AppException('CAMPAIGN_NOT_FOUND');
      await this.segments.requireUsable(
        manager,
        definition.audience.segments,
        'definition.audience.segments',
      );
      if (!campaignEditable(current.status)) throw new AppException('CAMPAIGN_ENDED');
      if (current.version !== version)
        throw new AppException(
          'CAMPAIGN_VERSION_CONFLICT',
          `Version ${current.version} was saved after the version ${version} you edited.`,
          [{ field: 'version', message: `is ${version}; the campaign is at version ${current.version}` }],
        );
      const issued = Number(current.issued_points);
      if (definition.limits.budgetPoints !== null && definition.limits.budgetPoints < issued)
        throw new AppException(
          'VALIDATION_FAILED',
          `The campaign has already issued ${issued} points; the budget cannot be lower.`,
          [
            {
              field: 'definition.limits.budgetPoints',
              message: `must be at least ${issued} (already issued)`,
            },
          ],
        );
      const saved = await this.repository.saveDefinition(manager, id, definition);
      await this.repository.appendVersion(manager, saved, 'edited', staffIdOf(ctx), null);
      await this.audit.record(manager, ctx, {
        action: 'campaign.edited',
        targetType: 'campaign',
        targetId: id,
        summary: { version: saved.version, changed: changedKeys(current.definition, definition) },
      });
      return saved;
    });
    this.live = undefined;
    return toCampaign(row);
  }

  async act(id: string, action: CampaignAction, input: unknown, ctx: RequestContext): Promise<Campaign> {
    parseOrThrow(z.uuid(), id, ['id']);
    const { reason } = parseOrThrow(CampaignActionRequestSchema, input ?? {});
    const row = await this.dataSource.transaction(async (manager) => {
      const current = await this.repository.find(id, manager, true);
      if (!current) throw new AppException('CAMPAIGN_NOT_FOUND');
      const next = campaignTransition(current.status, action, current.definition, new Date());
      if (!next)
        throw new AppException(
          'CAMPAIGN_TRANSITION_REFUSED',
          `A ${current.status} campaign cannot be ${pastTense(action)}.`,
        );
      // A draft may name a segment archived since it was saved; it cannot go out like that.
      if (next === 'scheduled' || next === 'live')
        await this.segments.requireUsable(
          manager,
          current.definition.audience.segments,
          'definition.audience.segments',
        );
      return this.move(manager, current, next, action, ctx, reason ?? null);
    });
    this.live = undefined;
    return toCampaign(row);
  }

  private async move(
    manager: EntityManager,
    current: CampaignRow,
    next: CampaignStatus,
    change: string,
    ctx: RequestContext,
    reason: string | null,
  ): Promise<CampaignRow> {
    const saved = await this.repository.setStatus(manager, current.id, next);
    await this.repository.appendVersion(manager, saved, change, staffIdOf(ctx), reason);
    await this.audit.record(manager, ctx, {
      action: `campaign.${next}`,
      targetType: 'campaign',
      targetId: current.id,
      summary: { from: current.status, to: next, change },
      reason,
    });
    return saved;
  }

  /** Job step: starts scheduled campaigns and ends those whose end date passed. Safe to run twice. */
  async runLifecycle(now: Date): Promise<{ started: number; ended: number }> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      let started = 0;
      let ended = 0;
      for (const row of await this.repository.dueForTransition(manager, now, 200)) {
        const next = scheduledTransition(row.status, row.definition, now);
        if (!next) continue;
        await this.move(manager, row, next, next === 'live' ? 'started' : 'ended on schedule', SYSTEM, null);
        if (next === 'live') started += 1;
        else ended += 1;
      }
      return { started, ended };
    });
    if (outcome.started + outcome.ended > 0) this.live = undefined;
    return outcome;
  }

  /**
   * The same engine as the till, on a sample basket, with and without the campaign. The sample member
   * is in the campaign's segments unless the request says which segments they are in.
   */
  async preview(input: unknown): Promise<CampaignPreview> {
    const request = parseOrThrow(CampaignPreviewRequestSchema, input);
    const programme = await this.programmes.get();
    const member = {
      tierId: request.member.tierId ?? programme.tiers.find((t) => t.threshold === 0)?.id ?? null,
      segments: request.member.segments ?? request.definition.audience.segments,
      joinedAt: request.member.joinedAt ?? '2020-01-01T00:00:00.000Z',
      birthday: request.member.birthday ?? null,
    };
    const ctx = {
      now: new Date(request.at ?? request.definition.window.startsAt),
      timeZone: request.timeZone,
    };
    const rule = toCampaignRule('preview', request.definition, {
      budget: request.definition.limits.budgetPoints,
      member: request.definition.limits.perMember?.points ?? null,
    });
    const without = evaluateEarn(request.receipt, member, programme, [], ctx);
    const withCampaign = evaluateEarn(request.receipt, member, programme, [rule], ctx);
    return { without, with: withCampaign, campaignPoints: withCampaign.points - without.points };
  }

  /** The campaigns live now, as the engine sees them (budget left as last seen; settled under lock). */
  async atTill(now: Date): Promise<TillCampaigns> {
    const set = await this.liveCampaigns();
    return {
      rules: set.campaigns
        .map((c) => toCampaignRule(c.id, c.definition, { budget: c.budgetRemaining, member: null }))
        .filter((rule) => Date.parse(rule.window.startsAt) <= now.getTime()),
      live: new Map(set.campaigns.map((c) => [c.id, c])),
      segments: set.segments,
    };
  }

  /**
   * The segments, of those the live campaigns target, that this member is in: one query for the
   * member, and none at all when no live campaign targets a segment.
   */
  async memberSegments(memberId: string, till: TillCampaigns, at: EvaluationContext): Promise<string[]> {
    const ids = segmentIdsOf(till.rules.map((r) => r.audience));
    if (ids.length === 0) return [];
    const segments = ids.flatMap((id) => {
      const rules = till.segments.get(id);
      return rules ? [{ id, rules }] : [];
    });
    return this.segments.membership(memberId, segments, at);
  }

  /**
   * Settles an award's campaign points inside its transaction. Campaigns with a budget or allowance
   * that could add points are locked (in id order) and re-read, and the engine runs again with exactly
   * what is left, so parallel awards can never issue more than the budget.
   */
  async settle(
    manager: EntityManager,
    memberId: string,
    now: Date,
    evaluate: (campaigns: readonly CampaignRule[]) => EarnResult,
    till: TillCampaigns,
  ): Promise<SettledEarn> {
    const { live, rules } = till;
    const isLimited = (rule: CampaignRule) => campaignLimited(live.get(rule.id)!.definition);
    // Limited campaigns that would add points to this basket are locked and re-read; the others stay
    // out, so only a locked campaign ever draws on a budget or an allowance.
    const candidates = rules.filter(
      (rule) => isLimited(rule) && evaluate([rule]).lines.some((l) => l.campaignId === rule.id),
    );
    const exact = new Map<string, CampaignRule>();
    if (candidates.length > 0) {
      const locked = await this.repository.lockForIssue(
        manager,
        candidates.map((c) => c.id),
      );
      for (const row of locked) {
        const definition = live.get(row.id)!.definition;
        const budget =
          row.budget_points === null
            ? null
            : Math.max(0, Number(row.budget_points) - Number(row.issued_points));
        const allowance = definition.limits.perMember;
        const used = allowance
          ? await this.repository.memberIssued(
              manager,
              row.id,
              memberId,
              allowancePeriodStart(allowance.period, now),
            )
          : 0;
        exact.set(
          row.id,
          toCampaignRule(row.id, definition, {
            budget,
            member: allowance ? Math.max(0, allowance.points - used) : null,
          }),
        );
      }
    }
    const final = evaluate(
      rules.filter((r) => !isLimited(r) || exact.has(r.id)).map((r) => exact.get(r.id) ?? r),
    );
    const issues = final.lines
      .filter((l) => l.source === 'campaign' && l.campaignId !== null && l.points > 0)
      .map((l) => ({ campaignId: l.campaignId!, points: l.points }));
    return { result: final, issues };
  }

  recordIssue(
    manager: EntityManager,
    memberId: string,
    receiptId: string,
    issues: SettledEarn['issues'],
  ): Promise<void> {
    return this.repository.recordIssue(manager, memberId, receiptId, issues);
  }

  async stats(id: string): Promise<CampaignStats> {
    const row = await this.found(id);
    const programme = await this.programmes.get();
    const [totals, daily, after] = await Promise.all([
      this.repository.statsTotals(id),
      this.repository.statsDaily(id),
      this.repository.redemptionsAfter(id),
    ]);
    let cumulative = 0;
    const issued = Number(row.issued_points);
    return {
      campaignId: id,
      issuedPoints: issued,
      budgetPoints: row.budget_points === null ? null : Number(row.budget_points),
      budgetRemaining: row.budget_points === null ? null : Number(row.budget_points) - issued,
      participatingMembers: Number(totals.members),
      receipts: Number(totals.receipts),
      cost: pointsCost(issued, programme.pointValueMilli),
      currency: programme.currency,
      daily: daily.map((d) => {
        cumulative += Number(d.points);
        return {
          date: d.date,
          points: Number(d.points),
          cumulativePoints: cumulative,
          members: Number(d.members),
          receipts: Number(d.receipts),
        };
      }),
      redemptionsAfter: { members: Number(after.members), points: Number(after.points) },
    };
  }

  async statsCsv(id: string): Promise<string> {
    const stats = await this.stats(id);
    return toCsv(
      ['date', 'points', 'cumulative_points', 'members', 'receipts'],
      stats.daily.map((d) => [d.date, d.points, d.cumulativePoints, d.members, d.receipts]),
    );
  }

  /** Live campaigns and the rules of the segments they target (a second query only when they do). */
  private liveCampaigns(): Promise<LiveSet> {
    const now = Date.now();
    if (!this.live || now - this.live.at > LIVE_CACHE_MS) {
      const set = this.repository.live(new Date(now)).then(async (rows) => {
        const campaigns = rows.map((row) => ({
          id: row.id,
          definition: row.definition,
          budgetRemaining:
            row.budget_points === null
              ? null
              : Math.max(0, Number(row.budget_points) - Number(row.issued_points)),
        }));
        const ids = segmentIdsOf(campaigns.map((c) => c.definition.audience));
        return { campaigns, segments: ids.length > 0 ? await this.segments.rulesOf(ids) : new Map() };
      });
      this.live = { at: now, set };
      set.catch(() => {
        this.live = undefined;
      });
    }
    return this.live.set;
  }

  private async found(id: string): Promise<CampaignRow> {
    parseOrThrow(z.uuid(), id, ['id']);
    const row = await this.repository.find(id);
    if (!row) throw new AppException('CAMPAIGN_NOT_FOUND');
    return row;
  }
}

function pastTense(action: CampaignAction): string {
  return {
    schedule: 'scheduled',
    unschedule: 'unscheduled',
    pause: 'paused',
    resume: 'resumed',
    end: 'ended',
  }[action];
}

function changedKeys(before: CampaignDefinition, after: CampaignDefinition): string[] {
  return (Object.keys(after) as (keyof CampaignDefinition)[]).filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

function toCampaign(row: CampaignRow): Campaign {
  const budget = row.budget_points === null ? null : Number(row.budget_points);
  const issued = Number(row.issued_points);
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    definition: row.definition,
    issuedPoints: issued,
    budgetRemaining: budget === null ? null : Math.max(0, budget - issued),
    haltedReason: row.halted_reason,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

function toVersion(row: CampaignVersionRow): CampaignVersion {
  return {
    version: row.version,
    change: row.change,
    status: row.status,
    definition: row.definition,
    changedBy: row.changed_by,
    changedByName: row.changed_by_name,
    changedAt: new Date(row.changed_at).toISOString(),
    reason: row.reason,
  };
}
