import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CampaignSimulation,
  type CampaignSimulationPage,
  CampaignSimulationQuerySchema,
  CampaignSimulationRequestSchema,
  pointsCost,
  type SimulatedSale,
  simulateSales,
  simulationPeriod,
  simulationPeriodProblems,
} from '@tally/domain';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { type RequestContext, staffIdOf } from '../../common/auth/actor.js';
import { AppException, ValidationException } from '../../common/exceptions/app.exception.js';
import { decodeIdCursor, encodeIdCursor } from '../../common/pagination/id-cursor.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { AuditService } from '../audit/audit.service.js';
import { ProgrammeService } from '../programme/programme.service.js';
import { CampaignsRepository } from './campaigns.repository.js';
import { type SaleRow, SimulationsRepository, type SimulationRow } from './simulations.repository.js';

/** Receipts read and simulated per transaction: progress is saved (and cancel noticed) after each. */
export const SIMULATION_BATCH = 500;
/** How long one job run keeps taking batches before it lets the other jobs run. */
const RUN_BUDGET_MS = 3_000;

export interface SimulationRunOptions {
  batchSize?: number;
  /** Stop after this many batches (tests step through a simulation one batch at a time). */
  maxBatches?: number;
  budgetMs?: number;
}

/**
 * Campaign simulations: marketing asks for one (a campaign version and a past period) and the
 * `campaigns.simulate` job works through the period's till receipts in keyset batches with the till's
 * own engine, saving the figures after every batch, so the console's progress bar moves, a cancel
 * stops it between batches, and a restart or another worker carries on where the last batch ended.
 */
@Injectable()
export class SimulationsService {
  private readonly logger = new Logger(SimulationsService.name);

  constructor(
    private readonly repository: SimulationsRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly programmes: ProgrammeService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async start(campaignId: string, input: unknown, ctx: RequestContext): Promise<CampaignSimulation> {
    parseOrThrow(z.uuid(), campaignId, ['id']);
    const request = parseOrThrow(CampaignSimulationRequestSchema, input ?? {});
    const now = new Date();
    const problems = simulationPeriodProblems(request, now);
    if (problems.length > 0) throw new ValidationException(problems);
    const period = simulationPeriod(request, now);
    const programme = await this.programmes.get();
    const id = await this.dataSource.transaction(async (manager) => {
      const campaign = await this.campaigns.find(campaignId, manager);
      if (!campaign) throw new AppException('CAMPAIGN_NOT_FOUND');
      const simulationId = await this.repository.insert(manager, {
        campaignId,
        campaignVersion: campaign.version,
        definition: campaign.definition,
        programme,
        from: period.from,
        to: period.to,
        requestedBy: staffIdOf(ctx),
      });
      await this.audit.record(manager, ctx, {
        action: 'campaign.simulation_started',
        targetType: 'campaign',
        targetId: campaignId,
        summary: {
          simulationId,
          version: campaign.version,
          from: period.from.toISOString(),
          to: period.to.toISOString(),
        },
      });
      return simulationId;
    });
    return this.get(campaignId, id);
  }

  async list(campaignId: string, query: unknown): Promise<CampaignSimulationPage> {
    parseOrThrow(z.uuid(), campaignId, ['id']);
    const { cursor, limit } = parseOrThrow(CampaignSimulationQuerySchema, query ?? {}, ['query']);
    if (!(await this.campaigns.find(campaignId))) throw new AppException('CAMPAIGN_NOT_FOUND');
    const rows = await this.repository.page(
      campaignId,
      cursor ? decodeIdCursor(cursor, 's') : null,
      limit + 1,
    );
    return {
      items: rows.slice(0, limit).map(toSimulation),
      nextCursor: rows.length > limit ? encodeIdCursor(rows[limit - 1]!.seq, 's') : null,
    };
  }

  async get(campaignId: string, id: string): Promise<CampaignSimulation> {
    parseOrThrow(z.uuid(), campaignId, ['id']);
    parseOrThrow(z.uuid(), id, ['simulationId']);
    const row = await this.repository.find(campaignId, id);
    if (!row) throw new AppException('CAMPAIGN_SIMULATION_NOT_FOUND');
    return toSimulation(row);
  }

  async cancel(campaignId: string, id: string, ctx: RequestContext): Promise<CampaignSimulation> {
    parseOrThrow(z.uuid(), campaignId, ['id']);
    parseOrThrow(z.uuid(), id, ['simulationId']);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.repository.cancel(manager, campaignId, id))) {
        const row = await this.repository.find(campaignId, id, manager);
        if (!row) throw new AppException('CAMPAIGN_SIMULATION_NOT_FOUND');
        throw new AppException('CAMPAIGN_SIMULATION_FINISHED', `The simulation is already ${row.status}.`);
      }
      await this.audit.record(manager, ctx, {
        action: 'campaign.simulation_cancelled',
        targetType: 'campaign',
        targetId: campaignId,
        summary: { simulationId: id },
      });
    });
    return this.get(campaignId, id);
  }

  /**
   * Job step: batches of the waiting and running simulations, one transaction each, until none is left
   * or the run's time is up. Safe to run twice or on two workers: each batch locks its simulation (SKIP
   * LOCKED) and moves its cursor in the same transaction, so a batch is counted once.
   */
  async runDue(
    _now: Date,
    options: SimulationRunOptions = {},
  ): Promise<{ batches: number; receipts: number; finished: number }> {
    const { batchSize = SIMULATION_BATCH, maxBatches = Number.POSITIVE_INFINITY } = options;
    const deadline = Date.now() + (options.budgetMs ?? RUN_BUDGET_MS);
    const outcome = { batches: 0, receipts: 0, finished: 0 };
    while (outcome.batches < maxBatches && Date.now() < deadline) {
      const batch = await this.batch(batchSize);
      if (!batch) break;
      outcome.batches += 1;
      outcome.receipts += batch.receipts;
      if (batch.finished) outcome.finished += 1;
    }
    return outcome;
  }

  private async batch(batchSize: number): Promise<{ receipts: number; finished: boolean } | null> {
    let claimed: string | null = null;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const sim = await this.repository.claimNext(manager);
        if (!sim) return null;
        claimed = sim.id;
        const from = new Date(sim.period_from);
        const to = new Date(sim.period_to);
        if (sim.status === 'queued')
          await this.repository.markRunning(
            manager,
            sim.id,
            await this.repository.countSales(manager, from, to),
          );
        const rows = await this.repository.salesAfter(manager, from, to, sim.cursor_receipt_id, batchSize);
        const members = await this.repository.members(manager, sim.id, [
          ...new Set(rows.map((r) => r.member_id)),
        ]);
        const result = simulateSales({
          campaignId: sim.campaign_id,
          definition: sim.definition,
          period: { from, to },
          programme: sim.programme,
          totals: {
            pointsIssued: Number(sim.points_issued),
            receiptsMatched: Number(sim.receipts_matched),
            membersReached: Number(sim.members_reached),
            budgetExhaustedAt: sim.budget_exhausted_at ? new Date(sim.budget_exhausted_at) : null,
          },
          members,
          sales: rows.map(toSale),
        });
        const budget = sim.definition.limits.budgetPoints;
        const finished =
          budget !== null && result.totals.pointsIssued >= budget
            ? 'budget'
            : rows.length < batchSize
              ? 'end'
              : null;
        await this.repository.saveMembers(manager, sim.id, result.members);
        await this.repository.saveProgress(manager, sim.id, {
          processed: Number(sim.processed_receipts) + rows.length,
          cursor: rows.at(-1)?.id ?? sim.cursor_receipt_id,
          totals: result.totals,
          finished,
        });
        if (finished) await this.repository.clearMembers(manager, sim.id);
        return { receipts: rows.length, finished: finished !== null };
      });
    } catch (error) {
      if (!claimed) throw error;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.error({ msg: 'campaign simulation failed', simulationId: claimed, err: message });
      await this.repository.fail(claimed, message.slice(0, 500));
      return { receipts: 0, finished: true };
    }
  }
}

function toSale(row: SaleRow): SimulatedSale {
  return {
    memberId: row.member_id,
    at: new Date(row.created_at),
    timeZone: row.timezone,
    receipt: { id: row.receipt_ref, currency: row.currency, lines: row.lines },
    member: {
      tierId: row.tier_id,
      segments: [],
      joinedAt: new Date(row.joined_at).toISOString(),
      birthday: row.birthday,
    },
  };
}

const iso = (value: Date | null): string | null => (value ? new Date(value).toISOString() : null);

function toSimulation(row: SimulationRow): CampaignSimulation {
  const budget = row.definition.limits.budgetPoints;
  const issued = Number(row.points_issued);
  return {
    id: row.id,
    campaignId: row.campaign_id,
    campaignVersion: row.campaign_version,
    status: row.status,
    period: { from: new Date(row.period_from).toISOString(), to: new Date(row.period_to).toISOString() },
    progress: {
      processed: Number(row.processed_receipts),
      total: row.total_receipts === null ? null : Number(row.total_receipts),
    },
    results: {
      pointsIssued: issued,
      membersReached: Number(row.members_reached),
      receiptsMatched: Number(row.receipts_matched),
      cost: pointsCost(issued, row.programme.pointValueMilli),
      currency: row.programme.currency,
      budgetPoints: budget,
      budgetRemaining: budget === null ? null : Math.max(0, budget - issued),
      budgetExhaustedAt: iso(row.budget_exhausted_at),
    },
    error: row.error,
    requestedBy:
      row.requested_by && row.requested_by_name
        ? { id: row.requested_by, name: row.requested_by_name }
        : null,
    requestedAt: new Date(row.requested_at).toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
