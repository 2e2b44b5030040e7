import { Injectable } from '@nestjs/common';
import {
  DEFAULT_PROGRAMME,
  type Programme,
  ProgrammeSchema,
  type Tier,
  type TierChange,
} from '@tally/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type RequestContext } from '../../common/auth/actor.js';
import { ValidationException } from '../../common/exceptions/app.exception.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { AuditService } from '../audit/audit.service.js';
import { ProgrammeRepository } from './programme.repository.js';

/** The programme's settings and tiers; the tier rule lives here so earn and refund apply it alike. */
@Injectable()
export class ProgrammeService {
  constructor(
    private readonly repository: ProgrammeRepository,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async get(manager?: EntityManager): Promise<Programme> {
    const stored = await this.repository.settings(manager);
    return stored ? ProgrammeSchema.parse(stored) : DEFAULT_PROGRAMME;
  }

  async update(input: unknown, ctx: RequestContext): Promise<Programme> {
    const next = parseOrThrow(ProgrammeSchema, input);
    const ids = new Set(next.tiers.map((t) => t.id));
    if (ids.size !== next.tiers.length)
      throw new ValidationException([{ field: 'tiers', message: 'tier ids must be unique' }]);
    const sorted = [...next.tiers].sort((a, b) => a.threshold - b.threshold);
    if (sorted.length > 0 && sorted[0]!.threshold !== 0) {
      throw new ValidationException([{ field: 'tiers', message: 'the lowest tier must start at 0' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(manager);
      await this.repository.save(
        manager,
        { ...next, tiers: sorted },
        ctx.actor?.kind === 'staff' ? ctx.actor.id : null,
      );
      const changed = Object.fromEntries(
        Object.keys(next)
          .filter(
            (k) =>
              JSON.stringify(before[k as keyof Programme]) !== JSON.stringify(next[k as keyof Programme]),
          )
          .map((k) => [k, { from: before[k as keyof Programme], to: next[k as keyof Programme] }]),
      );
      await this.audit.record(manager, ctx, {
        action: 'programme.updated',
        targetType: 'programme',
        targetId: '1',
        summary: changed,
      });
      return { ...next, tiers: sorted };
    });
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
    const tier = this.tierFor(programme, qualifying);
    const current = await this.repository.memberTier(manager, memberId);
    if (tier && tier.id !== current)
      await this.repository.setTier(manager, memberId, current, tier.id, qualifying, cause);
    return tier;
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

  async tierOf(memberId: string, programme?: Programme): Promise<{ id: string; name: string } | null> {
    const tierId = await this.repository.memberTier(undefined, memberId);
    const p = programme ?? (await this.get());
    const tier = p.tiers.find((t) => t.id === tierId) ?? p.tiers.find((t) => t.threshold === 0) ?? null;
    return tier ? { id: tier.id, name: tier.name } : null;
  }
}
