import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CreateRewardSchema,
  RedeemVoucherRequestSchema,
  type Reward,
  UpdateRewardSchema,
  type Voucher,
  type VoucherResult,
} from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  type Actor,
  actorScope,
  ledgerActor,
  type RequestContext,
  worksIn,
} from '../../common/auth/actor.js';
import { requireIdempotencyKey } from '../../common/idempotency-key.js';
import { AppException, ValidationException } from '../../common/exceptions/app.exception.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { AuditService } from '../audit/audit.service.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { type RewardRow, RewardsRepository, type VoucherRow } from './rewards.repository.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const DAY = 86_400_000;

function voucherCode(): string {
  const part = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return `TV-${part()}-${part()}`;
}

/**
 * The rewards catalogue and vouchers. Redeeming spends the points (a ledger redemption, so the points
 * come out of the earliest-expiring lots) and issues a single-use voucher in the same transaction;
 * cancelling an unused voucher reverses that redemption, so the points return with their original expiry.
 */
@Injectable()
export class RewardsService {
  constructor(
    private readonly repository: RewardsRepository,
    private readonly ledger: LedgerService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(activeOnly: boolean): Promise<Reward[]> {
    return (await this.repository.list(activeOnly)).map(toReward);
  }

  async create(input: unknown, ctx: RequestContext): Promise<Reward> {
    const data = parseOrThrow(CreateRewardSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const row = await this.repository.insert(manager, data);
      await this.audit.record(manager, ctx, {
        action: 'reward.created',
        targetType: 'reward',
        targetId: row.id,
        summary: { name: row.name, costPoints: data.costPoints },
      });
      return toReward(row);
    });
  }

  async update(id: string, input: unknown, ctx: RequestContext): Promise<Reward> {
    parseOrThrow(z.uuid(), id, ['id']);
    const changes = parseOrThrow(UpdateRewardSchema, input);
    return this.dataSource.transaction(async (manager) => {
      const before = await this.repository.find(id, manager);
      if (!before) throw new AppException('REWARD_NOT_FOUND');
      if (changes.costPoints !== undefined && changes.costPoints > Number(before.cost_points))
        throw new AppException(
          'PROGRAMME_NOTICE_TOO_SHORT',
          'A reward price rise is worse for members: announce it with notice as a programme change (POST /api/v1/programme/changes).',
          [{ field: 'costPoints', message: `may not rise above ${before.cost_points} without notice` }],
        );
      const row = (await this.repository.update(manager, id, changes))!;
      await this.audit.record(manager, ctx, {
        action: 'reward.updated',
        targetType: 'reward',
        targetId: id,
        summary: changes,
      });
      return toReward(row);
    });
  }

  async find(id: string, manager?: EntityManager): Promise<Reward | null> {
    const row = await this.repository.find(id, manager);
    return row ? toReward(row) : null;
  }

  /** Sets a reward's price inside the caller's transaction (an announced programme change taking effect). */
  async reprice(manager: EntityManager, id: string, costPoints: number, ctx: RequestContext): Promise<void> {
    const before = await this.repository.find(id, manager);
    if (!before) return;
    await this.repository.update(manager, id, { costPoints });
    await this.audit.record(manager, ctx, {
      action: 'reward.repriced',
      targetType: 'reward',
      targetId: id,
      summary: { costPoints: { from: Number(before.cost_points), to: costPoints } },
    });
  }

  /** Spends the reward's points and issues its voucher; idempotent by the caller's key. */
  async redeem(
    memberId: string,
    rewardId: string,
    a: {
      actor: Actor;
      key: string | undefined;
      storeId: string | null;
      ctx: RequestContext;
      manager?: EntityManager;
    },
  ): Promise<VoucherResult & { journalId: string; replayed: boolean }> {
    parseOrThrow(z.uuid('must be a reward id'), rewardId, ['rewardId']);
    const key = requireIdempotencyKey(a.key);
    const run = async (manager: EntityManager) => {
      const reward = await this.repository.find(rewardId, manager);
      if (!reward) throw new AppException('REWARD_NOT_FOUND');
      const points = Number(reward.cost_points);
      const redeemed = await this.ledger.redeem(
        {
          idempotencyKey: key,
          idempotencyScope: actorScope(a.actor),
          actor: ledgerActor(a.actor),
          storeId: a.storeId,
          externalRef: `reward:${reward.id}`,
          reason: reward.name,
          memberId,
          points,
          metadata: { rewardId: reward.id },
        },
        manager,
      );
      if (redeemed.replayed) {
        const existing = await this.repository.voucherByJournal(redeemed.journalId, manager);
        return {
          voucher: toVoucher(existing!),
          balance: redeemed.balance,
          journalId: redeemed.journalId,
          replayed: true,
        };
      }
      // The ledger redemption locked this member's account: their vouchers cannot change under us.
      if (
        reward.per_member_limit !== null &&
        (await this.repository.memberVoucherCount(manager, reward.id, memberId)) >= reward.per_member_limit
      ) {
        throw new AppException('REWARD_LIMIT_REACHED', `At most ${reward.per_member_limit} per member.`);
      }
      if (!(await this.repository.takeStock(manager, reward.id)))
        throw new AppException('REWARD_UNAVAILABLE');
      const expiresAt = new Date(Date.now() + reward.voucher_valid_days * DAY);
      let voucherId: string | null = null;
      for (let attempt = 0; attempt < 5 && !voucherId; attempt += 1) {
        voucherId = await this.repository.insertVoucher(manager, {
          code: voucherCode(),
          rewardId: reward.id,
          memberId,
          points,
          journalId: redeemed.journalId,
          expiresAt,
        });
      }
      if (!voucherId) throw new Error('no free voucher code after 5 attempts');
      if (a.actor.kind !== 'member') {
        await this.audit.record(manager, a.ctx, {
          action: 'reward.redeemed',
          targetType: 'voucher',
          targetId: voucherId,
          storeId: a.storeId,
          summary: { rewardId: reward.id, points, memberId },
        });
      }
      const voucher = (await this.repository.voucher(voucherId, manager))!;
      return {
        voucher: toVoucher(voucher),
        balance: redeemed.balance,
        journalId: redeemed.journalId,
        replayed: false,
      };
    };
    return a.manager ? run(a.manager) : this.ledger.explainShortfall(() => this.dataSource.transaction(run));
  }

  async vouchers(memberId: string): Promise<Voucher[]> {
    return (await this.repository.memberVouchers(memberId)).map(toVoucher);
  }

  /** Cancels an unused voucher: the points come back into the lots they came from, original expiry kept. */
  async cancel(actor: Actor, voucherId: string): Promise<VoucherResult> {
    parseOrThrow(z.uuid(), voucherId, ['id']);
    return this.dataSource.transaction(async (manager) => {
      const voucher = await this.repository.voucher(voucherId, manager);
      if (!voucher || voucher.member_id !== actor.id) throw new AppException('VOUCHER_NOT_FOUND');
      if (voucher.status !== 'active') throw new AppException('VOUCHER_NOT_ACTIVE');
      const reversed = await this.ledger.reverse(
        {
          idempotencyKey: `voucher-cancel:${voucher.id}`,
          idempotencyScope: 'vouchers',
          actor: { type: 'member', id: actor.id },
          journalId: voucher.redeem_journal_id,
          reason: `voucher ${voucher.code} cancelled`,
        },
        manager,
      );
      if (!(await this.repository.cancel(manager, voucher.id, reversed.journalId)))
        throw new AppException('VOUCHER_NOT_ACTIVE');
      await this.repository.giveBackStock(manager, voucher.reward_id);
      return {
        voucher: toVoucher((await this.repository.voucher(voucher.id, manager))!),
        balance: reversed.balance,
      };
    });
  }

  /** Marks a voucher used at the till, exactly once. */
  async use(input: unknown, ctx: RequestContext): Promise<Voucher> {
    const actor = ctx.actor!;
    const { code, storeId: requested } = parseOrThrow(RedeemVoucherRequestSchema, input);
    const storeId = actor.kind === 'pos' ? actor.storeId : (requested ?? actor.storeIds[0]);
    if (!storeId) throw new ValidationException([{ field: 'storeId', message: 'is required' }]);
    if (!worksIn(actor, storeId)) throw new AppException('OUTSIDE_STORE_SCOPE');
    const voucher = await this.repository.voucherByCode(code);
    if (!voucher)
      throw new AppException('VOUCHER_NOT_FOUND', undefined, [
        { field: 'code', message: 'is not a voucher we issued' },
      ]);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.repository.use(manager, voucher.id, storeId, `${actor.kind}:${actor.id}`))) {
        throw new AppException('VOUCHER_NOT_ACTIVE', `Voucher ${voucher.code} is ${statusOf(voucher)}.`);
      }
      await this.audit.record(manager, ctx, {
        action: 'voucher.used',
        targetType: 'voucher',
        targetId: voucher.id,
        storeId,
        summary: { code: voucher.code, reward: voucher.reward_name },
      });
      return toVoucher((await this.repository.voucher(voucher.id, manager))!);
    });
  }
}

function statusOf(row: VoucherRow): Voucher['status'] {
  return row.status === 'active' && new Date(row.expires_at).getTime() <= Date.now() ? 'expired' : row.status;
}

function toVoucher(row: VoucherRow): Voucher {
  return {
    id: row.id,
    code: row.code,
    reward: { id: row.reward_id, name: row.reward_name },
    points: Number(row.points),
    status: statusOf(row),
    expiresAt: new Date(row.expires_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    usedAt: row.used_at ? new Date(row.used_at).toISOString() : null,
    cancelledAt: row.cancelled_at ? new Date(row.cancelled_at).toISOString() : null,
  };
}

function toReward(row: RewardRow): Reward {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    imageUrl: row.image_url,
    costPoints: Number(row.cost_points),
    stock: row.stock,
    perMemberLimit: row.per_member_limit,
    activeFrom: new Date(row.active_from).toISOString(),
    activeUntil: row.active_until ? new Date(row.active_until).toISOString() : null,
    voucherValidDays: row.voucher_valid_days,
    archived: row.archived,
  };
}
