import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  compareProgrammes,
  earliestEffective,
  MEMBER_FACING_SETTINGS,
  memberFacingPatch,
  type Programme,
  type ProgrammeChange,
  ProgrammeChangeRequestSchema,
  type ProgrammeDifference,
  type UpcomingChange,
} from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { type RequestContext } from '../../common/auth/actor.js';
import { AppException, ValidationException } from '../../common/exceptions/app.exception.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { AuditService } from '../audit/audit.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { ProgrammeService } from '../programme/programme.service.js';
import { RewardsService } from '../rewards/rewards.service.js';
import { type ProgrammeChangeRow, ProgrammeChangesRepository } from './programme-changes.repository.js';

/** A change announced "now" may be stamped a moment before the server's clock; this much is allowed. */
const CLOCK_SLACK_MS = 60_000;
const SYSTEM: RequestContext = {
  actor: null,
  ip: '',
  requestId: 'job:programme.apply-changes',
  userAgent: null,
};

const longDate = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date);

/**
 * Programme changes with notice: a change to the earn rate, tiers, expiry or reward prices is announced
 * with an effective date, members are told through the outbox, and a job applies it on the day. A
 * change worse for members needs at least the programme's notice period; the API refuses less.
 */
@Injectable()
export class ProgrammeChangesService {
  constructor(
    private readonly repository: ProgrammeChangesRepository,
    private readonly programmes: ProgrammeService,
    private readonly rewards: RewardsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async announce(input: unknown, ctx: RequestContext): Promise<ProgrammeChange> {
    const request = parseOrThrow(ProgrammeChangeRequestSchema, input);
    const next = this.programmes.validate(request.programme, ['programme']);
    const effectiveAt = new Date(request.effectiveAt);
    const now = new Date();
    if (effectiveAt.getTime() < now.getTime() - CLOCK_SLACK_MS)
      throw new ValidationException([{ field: 'effectiveAt', message: 'must not be in the past' }]);

    const row = await this.dataSource.transaction(async (manager) => {
      const current = await this.programmes.get(manager);
      const internal = (Object.keys(next) as (keyof Programme)[]).filter(
        (k) =>
          !(MEMBER_FACING_SETTINGS as readonly string[]).includes(k) &&
          JSON.stringify(current[k]) !== JSON.stringify(next[k]),
      );
      if (internal.length > 0)
        throw new ValidationException(
          internal.map((k) => ({
            field: `programme.${k}`,
            message: 'is not a member-facing setting: change it with PUT /api/v1/programme',
          })),
        );
      const differences = [
        ...compareProgrammes(current, next),
        ...(await this.priceDifferences(manager, request)),
      ];
      if (differences.length === 0)
        throw new ValidationException([
          { field: 'programme', message: 'changes nothing members would notice' },
        ]);
      const worse = differences.some((d) => d.worse);
      const earliest = earliestEffective(worse, current.changeNoticeDays, now);
      if (effectiveAt.getTime() < earliest.getTime() - CLOCK_SLACK_MS)
        throw new AppException(
          'PROGRAMME_NOTICE_TOO_SHORT',
          `This change is worse for members (${differences
            .filter((d) => d.worse)
            .map((d) => d.summary)
            .join('; ')}), so it needs ${current.changeNoticeDays} days' notice.`,
          [{ field: 'effectiveAt', message: `must be on or after ${earliest.toISOString()}` }],
        );

      const created = await this.repository.insert(manager, {
        effective_at: effectiveAt,
        patch: memberFacingPatch(current, next),
        reward_prices: request.rewardPrices,
        differences,
        worse,
        noticeDays: current.changeNoticeDays,
        announcedBy: ctx.actor?.kind === 'staff' ? ctx.actor.id : null,
      });
      await this.audit.record(manager, ctx, {
        action: 'programme.change_announced',
        targetType: 'programme_change',
        targetId: created.id,
        summary: {
          effectiveAt: effectiveAt.toISOString(),
          worse,
          differences: differences.map((d) => d.summary),
        },
      });
      await this.outbox.enqueueForAllMembers(manager, {
        template: 'programme_change',
        subject: `Changes to the Tally programme from ${longDate(effectiveAt)}`,
        body: [
          'Hello {name},',
          '',
          `From ${longDate(effectiveAt)} the programme changes:`,
          '',
          ...differences.map((d) => `- ${d.summary}`),
          '',
          'Points you already have keep their value and expiry dates until then.',
          'The portal shows every upcoming change under "How the programme works".',
        ].join('\n'),
      });
      return effectiveAt.getTime() <= now.getTime() ? this.apply(manager, created, ctx) : created;
    });
    this.programmes.forget();
    return toChange(row);
  }

  async withdraw(id: string, ctx: RequestContext): Promise<ProgrammeChange> {
    parseOrThrow(z.uuid(), id, ['id']);
    const row = await this.dataSource.transaction(async (manager) => {
      const change = await this.repository.find(manager, id);
      if (!change) throw new AppException('PROGRAMME_CHANGE_NOT_FOUND');
      if (change.status !== 'announced')
        throw new AppException('CONFLICT', `This change was already ${change.status}.`);
      const withdrawn = await this.repository.setStatus(manager, id, 'withdrawn');
      await this.audit.record(manager, ctx, {
        action: 'programme.change_withdrawn',
        targetType: 'programme_change',
        targetId: id,
      });
      await this.outbox.enqueueForAllMembers(manager, {
        template: 'programme_change_withdrawn',
        subject: 'A programme change will not happen',
        body: [
          'Hello {name},',
          '',
          `The changes we announced for ${longDate(new Date(change.effective_at))} will not happen:`,
          '',
          ...change.differences.map((d) => `- ${d.summary}`),
        ].join('\n'),
      });
      return withdrawn;
    });
    return toChange(row);
  }

  async list(): Promise<ProgrammeChange[]> {
    return (await this.repository.list(100)).map(toChange);
  }

  /** What members see: announced changes not yet in effect, from the day they are announced. */
  async upcoming(): Promise<UpcomingChange[]> {
    return (await this.repository.upcoming(new Date())).map((row) => ({
      id: row.id,
      effectiveAt: new Date(row.effective_at).toISOString(),
      summary: `From ${longDate(new Date(row.effective_at))}`,
      details: row.differences.map((d) => d.summary),
      worse: row.worse,
    }));
  }

  /** Job step: applies the announced changes that took effect by `now`. Safe to run twice. */
  async applyDue(now: Date): Promise<{ applied: number }> {
    const applied = await this.dataSource.transaction(async (manager) => {
      const due = await this.repository.due(manager, now);
      for (const change of due) await this.apply(manager, change, SYSTEM);
      return { applied: due.length };
    });
    if (applied.applied > 0) this.programmes.forget();
    return applied;
  }

  private async apply(
    manager: EntityManager,
    change: ProgrammeChangeRow,
    ctx: RequestContext,
  ): Promise<ProgrammeChangeRow> {
    const before = await this.programmes.get(manager);
    // Only what this change touches: settings edited since it was announced stay as they are.
    await this.programmes.save(
      manager,
      before,
      { ...before, ...change.patch },
      ctx,
      'programme.change_applied',
    );
    for (const price of change.reward_prices)
      await this.rewards.reprice(manager, price.rewardId, price.costPoints, ctx);
    return this.repository.setStatus(manager, change.id, 'applied');
  }

  private async priceDifferences(
    manager: EntityManager,
    request: z.output<typeof ProgrammeChangeRequestSchema>,
  ): Promise<ProgrammeDifference[]> {
    const out: ProgrammeDifference[] = [];
    for (const [i, price] of request.rewardPrices.entries()) {
      const reward = await this.rewards.find(price.rewardId, manager);
      if (!reward)
        throw new ValidationException([{ field: `rewardPrices.${i}.rewardId`, message: 'is not a reward' }]);
      if (reward.costPoints === price.costPoints) continue;
      out.push({
        setting: 'rewardPrice',
        summary: `${reward.name} costs ${price.costPoints.toLocaleString('en')} points instead of ${reward.costPoints.toLocaleString('en')}`,
        worse: price.costPoints > reward.costPoints,
      });
    }
    return out;
  }
}

function toChange(row: ProgrammeChangeRow): ProgrammeChange {
  return {
    id: row.id,
    status: row.status,
    effectiveAt: new Date(row.effective_at).toISOString(),
    worse: row.worse,
    differences: row.differences,
    announcedAt: new Date(row.announced_at).toISOString(),
    announcedBy: row.announced_by,
    appliedAt: row.applied_at ? new Date(row.applied_at).toISOString() : null,
    withdrawnAt: row.withdrawn_at ? new Date(row.withdrawn_at).toISOString() : null,
  };
}
