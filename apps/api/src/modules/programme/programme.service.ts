import { Injectable } from '@nestjs/common';
import {
  compareProgrammes,
  DEFAULT_PROGRAMME,
  type Programme,
  ProgrammeSchema,
  type Tier,
  type TierChange,
  type TierProgress,
} from '@tally/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type RequestContext } from '../../common/auth/actor.js';
import { AppException, ValidationException } from '../../common/exceptions/app.exception.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { AuditService } from '../audit/audit.service.js';
import { WebhookEventsService } from '../webhooks/webhook-events.service.js';
import { ProgrammeRepository } from './programme.repository.js';

/**
 * How long a process reuses the programme it read outside a transaction. A change saved in this process
 * clears it at once; another process (a second API instance, the worker) sees it within this time.
 */
const PROGRAMME_CACHE_MS = 2_000;

/** The programme's settings and tiers; the tier rule lives here so earn and refund apply it alike. */
@Injectable()
export class ProgrammeService {
  private cached: { at: number; programme: Promise<Programme> } | undefined;

  constructor(
    private readonly repository: ProgrammeRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webhooks: WebhookEventsService,
  ) {}

  /**
   * The programme. Inside a transaction (`manager`) it is read from the database; otherwise a copy
   * read at most `PROGRAMME_CACHE_MS` ago is reused.
   */
  async get(manager?: EntityManager): Promise<Programme> {
    if (manager) return this.read(manager);
    const now = Date.now();
    if (!this.cached || now - this.cached.at > PROGRAMME_CACHE_MS) {
      const entry = { at: now, programme: this.read() };
      this.cached = entry;
      entry.programme.catch(() => {
        if (this.cached === entry) this.cached = undefined;
      });
    }
    return this.cached.programme;
  }

  /** Drops the cached programme: call it after a transaction that saved the settings commits. */
  forget(): void {
    this.cached = undefined;
  }

  private async read(manager?: EntityManager): Promise<Programme> {
    const stored = await this.repository.settings(manager);
    return stored ? ProgrammeSchema.parse(stored) : DEFAULT_PROGRAMME;
  }

  /**
   * Replaces the settings at once. A change worse for members is refused unless `requireNotice` is
   * off (set-up and tests): such changes are announced with notice (`ProgrammeChangesService`).
   */
  async update(
    input: unknown,
    ctx: RequestContext,
    options: { requireNotice: boolean } = { requireNotice: true },
  ): Promise<Programme> {
    const next = this.validate(input);
    const saved = await this.dataSource.transaction(async (manager) => {
      const before = await this.get(manager);
      if (options.requireNotice) {
        const worse = compareProgrammes(before, next).filter((d) => d.worse);
        if (worse.length > 0)
          throw new AppException(
            'PROGRAMME_NOTICE_TOO_SHORT',
            `Changes worse for members take effect after ${before.changeNoticeDays} days' notice: announce them with POST /api/v1/programme/changes.`,
            worse.map((d) => ({ field: d.setting, message: d.summary })),
          );
      }
      return this.save(manager, before, next, ctx, 'programme.updated');
    });
    this.forget();
    return saved;
  }

  /** Checks settings beyond their schema: unique tier ids, a tier from 0. Returns them tiers sorted. */
  validate(input: unknown, path: string[] = []): Programme {
    const next = parseOrThrow(ProgrammeSchema, input, path);
    const field = [...path, 'tiers'].join('.');
    const ids = new Set(next.tiers.map((t) => t.id));
    if (ids.size !== next.tiers.length)
      throw new ValidationException([{ field, message: 'tier ids must be unique' }]);
    const sorted = [...next.tiers].sort((a, b) => a.threshold - b.threshold);
    if (sorted.length > 0 && sorted[0]!.threshold !== 0) {
      throw new ValidationException([{ field, message: 'the lowest tier must start at 0' }]);
    }
    return { ...next, tiers: sorted };
  }

  /** Saves settings inside the caller's transaction and audits what changed. */
  async save(
    manager: EntityManager,
    before: Programme,
    next: Programme,
    ctx: RequestContext,
    action: string,
  ): Promise<Programme> {
    await this.repository.save(manager, next, ctx.actor?.kind === 'staff' ? ctx.actor.id : null);
    this.forget();
    const changed = Object.fromEntries(
      Object.keys(next)
        .filter(
          (k) => JSON.stringify(before[k as keyof Programme]) !== JSON.stringify(next[k as keyof Programme]),
        )
        .map((k) => [k, { from: before[k as keyof Programme], to: next[k as keyof Programme] }]),
    );
    await this.audit.record(manager, ctx, {
      action,
      targetType: 'programme',
      targetId: '1',
      summary: changed,
    });
    return next;
  }

  tierFor(programme: Programme, qualifying: number): Tier | null {
    return (
      [...programme.tiers].sort((a, b) => b.threshold - a.threshold).find((t) => qualifying >= t.threshold) ??
      null
    );
  }

  /** Recomputes a member's tier after an earn or a refund and records any change (never silently). */
  async recomputeTier(
    manager: EntityManager,
    memberId: string,
    programme: Programme,
    cause: string,
  ): Promise<Tier | null> {
    const qualifying = await this.repository.qualifying(manager, memberId, programme.tierBasis);
    const current = await this.repository.memberTier(manager, memberId);
    return this.applyTier(manager, memberId, programme, cause, qualifying, current);
  }

  /**
   * `recomputeTier` for a caller that has read the member's qualifying amount (`qualifyingSelect`) and
   * current tier itself, in the same transaction: records and announces a change of tier.
   */
  async applyTier(
    manager: EntityManager,
    memberId: string,
    programme: Programme,
    cause: string,
    qualifying: number,
    current: string | null,
  ): Promise<Tier | null> {
    const tier = this.tierFor(programme, qualifying);
    if (tier && tier.id !== current) {
      await this.repository.setTier(manager, memberId, current, tier.id, qualifying, cause);
      await this.webhooks.emit(manager, 'tier.changed', { memberId, tier: { from: current, to: tier.id } });
    }
    return tier;
  }

  /**
   * Job step: reviews the tiers of the members reviewed longest ago. Earning moves a member up at once;
   * this is how a tier follows the rolling 12 months down again. Safe to run on two workers at once.
   */
  async reviewTiers(limit = 200): Promise<{ reviewed: number }> {
    const programme = await this.get();
    return this.dataSource.transaction(async (manager) => {
      const ids = await this.repository.claimTierReviews(manager, limit);
      for (const id of ids) await this.recomputeTier(manager, id, programme, 'rolling 12-month review');
      return { reviewed: ids.length };
    });
  }

  async tierChanges(memberId: string, limit = 5): Promise<TierChange[]> {
    const programme = await this.get();
    const name = (id: string | null) =>
      id === null ? null : (programme.tiers.find((t) => t.id === id)?.name ?? id);
    return (await this.repository.tierChanges(memberId, limit)).map((row) => ({
      from: name(row.from_tier),
      to: name(row.to_tier)!,
      qualifying: Number(row.qualifying),
      cause: row.cause,
      at: new Date(row.created_at).toISOString(),
    }));
  }

  /** The member's tier, the next one up and how far they are from it, by the same rule and query as `recomputeTier`. */
  async tierProgress(memberId: string): Promise<TierProgress> {
    const programme = await this.get();
    const qualifying = await this.repository.qualifying(
      this.dataSource.manager,
      memberId,
      programme.tierBasis,
    );
    const current = await this.tierOf(memberId, programme);
    const tiers = [...programme.tiers].sort((a, b) => a.threshold - b.threshold);
    const currentTier = tiers.find((t) => t.id === current?.id) ?? null;
    const next = tiers.find((t) => t.threshold > (currentTier?.threshold ?? -1)) ?? null;
    const summary = (t: Tier | null) => (t ? { id: t.id, name: t.name, threshold: t.threshold } : null);
    return {
      basis: programme.tierBasis,
      currency: programme.currency,
      current: summary(currentTier),
      next: summary(next),
      qualifying,
      toNext: next ? Math.max(0, next.threshold - qualifying) : null,
      changes: await this.tierChanges(memberId),
    };
  }

  async tierOf(memberId: string, programme?: Programme): Promise<{ id: string; name: string } | null> {
    const tierId = await this.repository.memberTier(undefined, memberId);
    const p = programme ?? (await this.get());
    const tier = p.tiers.find((t) => t.id === tierId) ?? p.tiers.find((t) => t.threshold === 0) ?? null;
    return tier ? { id: tier.id, name: tier.name } : null;
  }
}
