import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type Approval,
  type Balance,
  type CampaignRule,
  type EarnResult,
  ApprovalDecisionSchema,
  ApprovalDenialSchema,
  ApprovalQuerySchema,
  type CheckoutEarnRequest,
  CheckoutEarnRequestSchema,
  type CheckoutEarnResponse,
  type CheckoutRedeemRequest,
  CheckoutRedeemRequestSchema,
  type CheckoutRedeemResponse,
  type CheckoutRefundRequest,
  CheckoutRefundRequestSchema,
  type CheckoutRefundResponse,
  EmailSchema,
  evaluateEarn,
  isStoreScoped,
  lineAmount,
  type MemberLookupQuery,
  type MemberReceipt,
  MemberLookupQuerySchema,
  type MemberRef,
  type MemberSummary,
  normalizeCardNumber,
  PhoneSchema,
  type Programme,
  proportionalPoints,
  type Receipt,
  lotExpiry,
} from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  type Actor,
  actorScope,
  actorType,
  ledgerActor,
  type RequestContext,
  worksIn,
} from '../../common/auth/actor.js';
import { requireIdempotencyKey } from '../../common/idempotency-key.js';
import { AppException, ValidationException } from '../../common/exceptions/app.exception.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { AuditService } from '../audit/audit.service.js';
import { CampaignsService, type TillCampaigns } from '../campaigns/campaigns.service.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { requestHash } from '../ledger/request-hash.js';
import { pointsEarnedNotice } from '../notifications/notification-texts.js';
import { ProgrammeService } from '../programme/programme.service.js';
import { RewardsService } from '../rewards/rewards.service.js';
import { type ApprovalRow, type CheckoutMemberRow, CheckoutRepository } from './checkout.repository.js';

export interface Replayable<T> {
  body: T;
  replayed: boolean;
  status: number;
}

/** What an award needs: the sale, its member and store, and the idempotency of the till's request. */
interface Award {
  actor: Actor;
  ctx: RequestContext;
  storeId: string;
  member: CheckoutMemberRow;
  receipt: Receipt;
  paymentFingerprint: string | null;
  programme: Programme;
  /** The engine on this sale, given the campaigns; campaign limits are settled inside the transaction. */
  evaluate: (campaigns: readonly CampaignRule[]) => EarnResult;
  /** The live campaigns, read before the transaction. */
  till: TillCampaigns;
  scope: string;
  key: string;
  hash: string;
  now: Date;
}

const DAY = 86_400_000;

/**
 * The till: award points for a receipt, spend points, refund a receipt. Every write is idempotent by
 * the caller's Idempotency-Key (scoped to the till or cashier), a receipt earns once per store, and a
 * cashier's award above their limits becomes an approval request for a manager of that store.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly repository: CheckoutRepository,
    private readonly ledger: LedgerService,
    private readonly programmes: ProgrammeService,
    private readonly audit: AuditService,
    private readonly rewards: RewardsService,
    private readonly campaigns: CampaignsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async earn(
    input: CheckoutEarnRequest,
    ctx: RequestContext,
    idempotencyKey: string | undefined,
  ): Promise<Replayable<CheckoutEarnResponse>> {
    const actor = requireActor(ctx);
    const key = requireIdempotencyKey(idempotencyKey);
    const request = parseOrThrow(CheckoutEarnRequestSchema, input);
    const scope = actorScope(actor);
    const hash = requestHash('checkout.earn', request);

    // The store the award will be for, unless storeFor refuses it below.
    const likelyStore = request.storeId ?? actor.storeIds[0] ?? null;
    const [found, programme] = await Promise.all([
      this.repository.earnLookup(scope, key, request.member, likelyStore),
      this.programmes.get(),
    ]);
    const replay = await this.replayEarn(actor, scope, key, hash, found.existing ?? null);
    if (replay) return replay;

    const storeId = this.storeFor(actor, request.storeId);
    const member = activeOrThrow(request.member, found.member);
    if (request.receipt.currency !== programme.currency) {
      throw new AppException('CURRENCY_MISMATCH', `This programme counts in ${programme.currency}.`, [
        { field: 'receipt.currency', message: `must be ${programme.currency}` },
      ]);
    }
    const now = new Date();
    const timeZone = storeId === likelyStore ? found.timeZone : await this.repository.storeTimeZone(storeId);
    const till = await this.campaigns.atTill(now);
    const segments = await this.campaigns.memberSegments(member.id, till, { now, timeZone });
    const evaluate = (campaigns: readonly CampaignRule[]) =>
      evaluateEarn(request.receipt, earnMember(member, segments), programme, campaigns, { now, timeZone });
    const result = evaluate(till.rules);

    if (actor.kind === 'staff' && actor.role === 'cashier') {
      const limit = await this.limitBreached(actor.id, result.points, programme);
      if (limit) return this.requestApproval(actor, storeId, member, request, result, limit, key, hash, ctx);
    }
    return this.award({
      actor,
      ctx,
      storeId,
      member,
      receipt: request.receipt,
      paymentFingerprint: request.paymentCardFingerprint ?? null,
      programme,
      evaluate,
      till,
      scope,
      key,
      hash,
      now,
    });
  }

  private async replayEarn(
    actor: Actor,
    scope: string,
    key: string,
    hash: string,
    /** The receipt under this key (null: none) when the caller has just read it. */
    found?: { request_hash: string; response: unknown } | null,
  ): Promise<Replayable<CheckoutEarnResponse> | null> {
    const existing = found === undefined ? await this.repository.receiptByKey(scope, key) : found;
    if (existing) {
      if (existing.request_hash !== hash) throw new AppException('IDEMPOTENCY_KEY_REUSED');
      return { body: existing.response as CheckoutEarnResponse, replayed: true, status: 201 };
    }
    if (actor.kind === 'staff') {
      const approval = await this.repository.approvalByKey(actor.id, key);
      if (approval) {
        if (approval.request_hash !== hash) throw new AppException('IDEMPOTENCY_KEY_REUSED');
        return { body: pendingResponse(approval), replayed: true, status: 202 };
      }
    }
    return null;
  }

  private async award(a: Award): Promise<Replayable<CheckoutEarnResponse>> {
    const outcome = await this.dataSource.transaction((manager) => this.awardIn(manager, a));
    if (outcome) return { body: outcome, replayed: false, status: 201 };
    // Someone claimed this receipt first: the same request retried (replay), or another till (refused).
    const replay = await this.replayEarn(a.actor, a.scope, a.key, a.hash);
    if (replay) return replay;
    throw new AppException(
      'RECEIPT_ALREADY_CREDITED',
      `Receipt ${a.receipt.id} already earned points in this store.`,
      [{ field: 'receipt.id', message: 'has already earned points' }],
    );
  }

  /**
   * The award inside the caller's transaction: claims the receipt, settles limited campaigns, posts the
   * earn and finishes the receipt. Null when the receipt (or the key) was claimed by someone else.
   */
  private async awardIn(manager: EntityManager, a: Award): Promise<CheckoutEarnResponse | null> {
    const { actor, storeId, member, receipt, paymentFingerprint, programme, scope, key, hash, now } = a;
    const availableAt =
      programme.pendingDays > 0 ? new Date(now.getTime() + programme.pendingDays * DAY) : null;
    const { result, issues } = await this.campaigns.settle(manager, member.id, now, a.evaluate, a.till);
    const receiptId = await this.repository.claimReceipt(manager, {
      storeId,
      ref: receipt.id,
      memberId: member.id,
      currency: receipt.currency,
      lines: receipt.lines,
      totalAmount: receipt.lines.reduce((sum, line) => sum + lineAmount(line), 0),
      eligibleAmount: result.eligibleAmount,
      earnedPoints: result.points,
      earnLines: result.lines,
      paymentFingerprint,
      actorType: actorType(actor),
      actorId: actor.id,
      scope,
      key,
      hash,
    });
    if (!receiptId) return null;
    await this.campaigns.recordIssue(manager, member.id, receiptId, issues);
    let journalId: string | null = null;
    let balance: Balance;
    if (result.points === 0) {
      balance = await this.ledger.balance(member.id, manager);
    } else {
      const earned = await this.ledger.earn(
        {
          idempotencyKey: key,
          idempotencyScope: scope,
          actor: ledgerActor(actor),
          storeId,
          externalRef: receipt.id,
          memberId: member.id,
          points: result.points,
          availableAt,
          expiresAt: lotExpiry(programme, now),
          metadata: { receiptId, lines: result.lines },
        },
        manager,
      );
      journalId = earned.journalId;
      balance = earned.balance;
    }
    const response: CheckoutEarnResponse = {
      status: 'awarded',
      journalId: journalId ?? receiptId,
      receiptId,
      points: result.points,
      lines: result.lines,
      balance,
      availableAt: result.points > 0 && availableAt ? availableAt.toISOString() : null,
    };
    // One statement: the receipt completed, the "points earned" notice, the audit row, and what the
    // tier rule needs; the tier itself changes (rarely) in statements of its own.
    const finished = await this.repository.finishAward(manager, {
      memberId: member.id,
      receiptId,
      journalId,
      response,
      tierBasis: programme.tierBasis,
      notice: journalId
        ? pointsEarnedNotice({
            memberId: member.id,
            journalId,
            points: result.points,
            receiptRef: receipt.id,
            availableAt,
          })
        : null,
      audit: this.audit.entry(a.ctx, {
        action: 'checkout.earned',
        targetType: 'member',
        targetId: member.id,
        storeId,
        summary: { receipt: receipt.id, points: result.points, journalId },
      }),
    });
    await this.programmes.applyTier(
      manager,
      member.id,
      programme,
      `receipt ${receipt.id}`,
      finished.qualifying,
      finished.tierId,
    );
    return response;
  }

  private async limitBreached(staffId: string, points: number, programme: Programme): Promise<string | null> {
    const { pointsPerReceipt, pointsPerDay } = programme.cashierLimits;
    if (points > pointsPerReceipt)
      return `${points} points is above the ${pointsPerReceipt} a cashier may award on one receipt`;
    const today = await this.repository.awardedToday(staffId);
    if (today + points > pointsPerDay)
      return `this would take today's awards to ${today + points}, above the daily ${pointsPerDay}`;
    return null;
  }

  private async requestApproval(
    actor: Actor,
    storeId: string,
    member: CheckoutMemberRow,
    request: z.output<typeof CheckoutEarnRequestSchema>,
    result: ReturnType<typeof evaluateEarn>,
    reason: string,
    key: string,
    hash: string,
    ctx: RequestContext,
  ): Promise<Replayable<CheckoutEarnResponse>> {
    const id = await this.dataSource.transaction(async (manager) => {
      const approvalId = await this.repository.insertApproval(manager, {
        storeId,
        requestedBy: actor.id,
        memberId: member.id,
        points: result.points,
        request: { ...request, storeId },
        limitReason: reason,
        key,
        hash,
      });
      if (approvalId) {
        await this.audit.record(manager, ctx, {
          action: 'approval.requested',
          targetType: 'approval',
          targetId: approvalId,
          storeId,
          summary: { receipt: request.receipt.id, points: result.points, memberId: member.id },
          reason,
        });
      }
      return approvalId;
    });
    if (!id) {
      const replay = await this.replayEarn(actor, actorScope(actor), key, hash);
      if (replay) return replay;
    }
    return {
      body: {
        status: 'pending_approval',
        approvalId: id!,
        points: result.points,
        lines: result.lines,
        reason,
      },
      replayed: false,
      status: 202,
    };
  }

  async listApprovals(actor: Actor, query: unknown): Promise<Approval[]> {
    const { status } = parseOrThrow(ApprovalQuerySchema, query ?? {}, ['query']);
    const rows = await this.repository.approvals(actor.role === 'admin' ? undefined : actor.storeIds, status);
    return rows.map(toApproval);
  }

  /**
   * A manager of the store approves: the award is made now, as the cashier asked. The decision and the
   * award are one transaction under the request's row lock (deny takes the same lock), so a request
   * reads "approved" exactly when its journal exists, whoever decides first.
   */
  async approve(id: string, input: unknown, ctx: RequestContext): Promise<Approval> {
    const actor = requireActor(ctx);
    parseOrThrow(z.uuid(), id, ['id']);
    const { reason } = parseOrThrow(ApprovalDecisionSchema, input ?? {});
    // What the award reads outside its transaction (member, programme, campaigns, segments); the
    // request itself is read again under its lock before anything is decided.
    const seen = await this.repository.approval(id);
    if (!seen || !worksIn(actor, seen.store_id)) throw new AppException('APPROVAL_NOT_FOUND');
    if (seen.status !== 'pending') throw alreadyDecided(seen.status);
    const request = parseOrThrow(CheckoutEarnRequestSchema, seen.request);
    const member = await this.activeMember({ memberId: seen.member_id });
    const programme = await this.programmes.get();
    const now = new Date();
    const timeZone = await this.repository.storeTimeZone(seen.store_id);
    const till = await this.campaigns.atTill(now);
    const segments = await this.campaigns.memberSegments(member.id, till, { now, timeZone });
    const evaluate = (campaigns: readonly CampaignRule[]) =>
      evaluateEarn(request.receipt, earnMember(member, segments), programme, campaigns, { now, timeZone });
    const cashier: Actor = {
      kind: 'staff',
      id: seen.requested_by,
      role: 'cashier',
      name: seen.requested_by_name,
      email: '',
      sessionId: '',
      storeIds: [seen.store_id],
    };
    return this.dataSource.transaction(async (manager) => {
      const approval = await this.repository.approval(id, manager, true);
      if (!approval) throw new AppException('APPROVAL_NOT_FOUND');
      if (approval.status !== 'pending') throw alreadyDecided(approval.status);
      const awarded = await this.awardIn(manager, {
        actor: cashier,
        ctx: { ...ctx, actor: cashier },
        storeId: approval.store_id,
        member,
        receipt: request.receipt,
        paymentFingerprint: request.paymentCardFingerprint ?? null,
        programme,
        evaluate,
        till,
        scope: actorScope(cashier),
        key: approval.idempotency_key,
        hash: approval.request_hash,
        now,
      });
      // Another till or a missing-points claim credited this receipt while the request waited.
      if (!awarded) {
        throw new AppException(
          'RECEIPT_ALREADY_CREDITED',
          `Receipt ${request.receipt.id} already earned points in this store: deny this request.`,
        );
      }
      if (!(await this.repository.decide(manager, id, 'approved', actor.id, reason ?? null, awarded)))
        throw alreadyDecided('decided');
      await this.audit.record(manager, ctx, {
        action: 'approval.approved',
        targetType: 'approval',
        targetId: id,
        storeId: approval.store_id,
        summary: { points: awarded.points },
        reason: reason ?? null,
      });
      return toApproval((await this.repository.approval(id, manager))!);
    });
  }

  async deny(id: string, input: unknown, ctx: RequestContext): Promise<Approval> {
    const actor = requireActor(ctx);
    parseOrThrow(z.uuid(), id, ['id']);
    const { reason } = parseOrThrow(ApprovalDenialSchema, input ?? {});
    return this.dataSource.transaction(async (manager) => {
      const approval = await this.repository.approval(id, manager, true);
      if (!approval || !worksIn(actor, approval.store_id)) throw new AppException('APPROVAL_NOT_FOUND');
      if (approval.status !== 'pending') throw alreadyDecided(approval.status);
      if (!(await this.repository.decide(manager, id, 'denied', actor.id, reason, null)))
        throw alreadyDecided('decided');
      await this.audit.record(manager, ctx, {
        action: 'approval.denied',
        targetType: 'approval',
        targetId: id,
        storeId: approval.store_id,
        summary: { points: Number(approval.points) },
        reason,
      });
      return toApproval((await this.repository.approval(id, manager))!);
    });
  }

  async redeem(
    input: CheckoutRedeemRequest,
    ctx: RequestContext,
    idempotencyKey: string | undefined,
  ): Promise<Replayable<CheckoutRedeemResponse>> {
    const actor = requireActor(ctx);
    const key = requireIdempotencyKey(idempotencyKey);
    const request = parseOrThrow(CheckoutRedeemRequestSchema, input);
    const storeId = this.storeFor(actor, request.storeId);
    const member = await this.activeMember(request.member);
    if (request.rewardId) {
      const r = await this.rewards.redeem(member.id, request.rewardId, { actor, key, storeId, ctx });
      return {
        body: { journalId: r.journalId, points: r.voucher.points, balance: r.balance, voucher: r.voucher },
        replayed: r.replayed,
        status: 201,
      };
    }
    const points = request.points!;
    const receiptId = request.receiptId!;
    const result = await this.ledger.explainShortfall(() =>
      this.dataSource.transaction(async (manager) => {
        const redeemed = await this.ledger.redeem(
          {
            idempotencyKey: key,
            idempotencyScope: actorScope(actor),
            actor: ledgerActor(actor),
            storeId,
            externalRef: receiptId,
            memberId: member.id,
            points,
          },
          manager,
        );
        if (!redeemed.replayed) {
          await this.audit.record(manager, ctx, {
            action: 'checkout.redeemed',
            targetType: 'member',
            targetId: member.id,
            storeId,
            summary: { receipt: receiptId, points },
          });
        }
        return redeemed;
      }),
    );
    return {
      body: { journalId: result.journalId, points: result.points, balance: result.balance },
      replayed: result.replayed,
      status: 201,
    };
  }

  /** Takes back the points a receipt earned, in proportion to the refunded value, never more in total. */
  async refund(
    input: CheckoutRefundRequest,
    ctx: RequestContext,
    idempotencyKey: string | undefined,
  ): Promise<Replayable<CheckoutRefundResponse>> {
    const actor = requireActor(ctx);
    const key = requireIdempotencyKey(idempotencyKey);
    const request = parseOrThrow(CheckoutRefundRequestSchema, input);
    const scope = actorScope(actor);
    const hash = requestHash('checkout.refund', request);
    const existing = await this.repository.refundByKey(scope, key);
    if (existing) {
      if (existing.request_hash !== hash) throw new AppException('IDEMPOTENCY_KEY_REUSED');
      return { body: existing.response as CheckoutRefundResponse, replayed: true, status: 201 };
    }
    const storeId = this.storeFor(actor, request.storeId);
    const programme = await this.programmes.get();
    const body = await this.dataSource.transaction(async (manager) => {
      const receipt = await this.repository.receipt(storeId, request.receiptId, manager, true);
      if (!receipt)
        throw new AppException('RECEIPT_NOT_FOUND', undefined, [
          { field: 'receiptId', message: 'is not a receipt of this store' },
        ]);
      const previous = await this.repository.refunds(manager, receipt.id);
      const bought = new Map<
        string,
        { quantity: number; unitPrice: number; eligible: boolean; paid: boolean }
      >();
      for (const line of receipt.lines) {
        const known = bought.get(line.sku);
        const eligible = !programme.excludedKinds.includes(line.kind);
        bought.set(line.sku, {
          quantity: (known?.quantity ?? 0) + line.quantity,
          unitPrice: line.unitPrice,
          eligible: eligible || (known?.eligible ?? false),
          paid: line.kind === 'paid_with_points',
        });
      }
      // Value of the goods (everything but the part paid with points), for returning points paid.
      const goodsValue = (entries: { sku: string; quantity: number }[]) =>
        entries.reduce((sum, l) => {
          const b = bought.get(l.sku);
          return b && !b.paid ? sum + l.quantity * b.unitPrice : sum;
        }, 0);
      const refunded = new Map<string, number>();
      for (const r of previous)
        for (const l of r.lines) refunded.set(l.sku, (refunded.get(l.sku) ?? 0) + l.quantity);
      const lines =
        request.lines ??
        [...bought.entries()]
          .map(([sku, b]) => ({ sku, quantity: b.quantity - (refunded.get(sku) ?? 0) }))
          .filter((l) => l.quantity > 0);
      if (lines.length === 0)
        throw new AppException('REFUND_EXCEEDS_RECEIPT', 'Everything on this receipt was already refunded.');
      let eligibleAmount = 0;
      for (const [index, line] of lines.entries()) {
        const b = bought.get(line.sku);
        if (!b)
          throw new ValidationException([{ field: `lines.${index}.sku`, message: 'is not on this receipt' }]);
        if (line.quantity > b.quantity - (refunded.get(line.sku) ?? 0)) {
          throw new AppException(
            'REFUND_EXCEEDS_RECEIPT',
            `Only ${b.quantity - (refunded.get(line.sku) ?? 0)} of ${line.sku} are left to refund.`,
            [{ field: `lines.${index}.quantity`, message: 'is more than is left on the receipt' }],
          );
        }
        if (b.eligible) eligibleAmount += line.quantity * b.unitPrice;
      }
      const earned = Number(receipt.earned_points);
      const totalEligible = Number(receipt.eligible_amount);
      const alreadyReversed = previous.reduce((sum, r) => sum + Number(r.points_reversed), 0);
      const refundedEligible =
        previous.reduce((sum, r) => sum + Number(r.eligible_amount), 0) + eligibleAmount;
      const target =
        totalEligible > 0 ? Math.min(earned, proportionalPoints(earned, refundedEligible, totalEligible)) : 0;
      const points = Math.max(0, target - alreadyReversed);
      const refundId = await this.repository.claimRefund(manager, {
        receiptId: receipt.id,
        lines,
        eligibleAmount,
        points: 0,
        actorType: actorType(actor),
        actorId: actor.id,
        scope,
        key,
        hash,
      });
      if (!refundId) return null;
      let journalId: string | null = null;
      let reversed = 0;
      let balance = await this.ledger.balance(receipt.member_id, manager);
      if (points > 0 && receipt.earn_journal_id) {
        const result = await this.ledger.reverse(
          {
            idempotencyKey: key,
            idempotencyScope: scope,
            actor: ledgerActor(actor),
            storeId,
            externalRef: receipt.receipt_ref,
            journalId: receipt.earn_journal_id,
            points,
            policy: programme.refundPolicy,
            reason: `refund of receipt ${receipt.receipt_ref}`,
          },
          manager,
        );
        journalId = result.journalId;
        reversed = -result.points;
        balance = result.balance;
      }
      // Points the member paid with on this receipt come back in proportion to the goods refunded.
      const paid = await this.repository.pointsPaid(manager, receipt.member_id, storeId, receipt.receipt_ref);
      const paidTotal = paid.reduce((sum, p) => sum + p.amount, 0);
      let returned = 0;
      if (paidTotal > 0) {
        const totalGoods = goodsValue(
          [...bought.entries()].map(([sku, b]) => ({ sku, quantity: b.quantity })),
        );
        const refundedGoods = goodsValue(previous.flatMap((r) => r.lines)) + goodsValue(lines);
        const alreadyReturned = paid.reduce((sum, p) => sum + p.reversed, 0);
        let toReturn = Math.max(
          0,
          (totalGoods > 0 ? proportionalPoints(paidTotal, refundedGoods, totalGoods) : paidTotal) -
            alreadyReturned,
        );
        for (const p of paid) {
          const take = Math.min(toReturn, p.amount - p.reversed);
          if (take <= 0) continue;
          const back = await this.ledger.reverse(
            {
              idempotencyKey: `${key}:paid:${p.id}`,
              idempotencyScope: scope,
              actor: ledgerActor(actor),
              storeId,
              externalRef: receipt.receipt_ref,
              journalId: p.id,
              points: take,
              reason: `points paid on refunded receipt ${receipt.receipt_ref}`,
            },
            manager,
          );
          returned += back.points;
          balance = back.balance;
          toReturn -= take;
        }
      }
      const response: CheckoutRefundResponse = {
        journalId,
        pointsReversed: reversed,
        pointsReturned: returned,
        balance,
      };
      await this.repository.completeRefund(manager, refundId, journalId, points, response);
      await this.programmes.recomputeTier(
        manager,
        receipt.member_id,
        programme,
        `refund of receipt ${receipt.receipt_ref}`,
      );
      await this.audit.record(manager, ctx, {
        action: 'checkout.refunded',
        targetType: 'receipt',
        targetId: receipt.id,
        storeId,
        summary: { receipt: receipt.receipt_ref, lines, pointsReversed: reversed },
      });
      return response;
    });
    if (body) return { body, replayed: false, status: 201 };
    const replay = await this.repository.refundByKey(scope, key);
    if (replay && replay.request_hash === hash)
      return { body: replay.response as CheckoutRefundResponse, replayed: true, status: 201 };
    throw new AppException('IDEMPOTENCY_KEY_REUSED');
  }

  /** A member's own receipt: its lines and how each point was earned (404 for anyone else's). */
  async memberReceipt(actor: Actor, id: string): Promise<MemberReceipt> {
    parseOrThrow(z.uuid('must be a receipt id'), id, ['id']);
    const row = await this.repository.memberReceipt(actor.id, id);
    if (!row) throw new AppException('RECEIPT_NOT_FOUND');
    return {
      id: row.id,
      receiptRef: row.receipt_ref,
      store: { id: row.store_id, name: row.store_name },
      createdAt: new Date(row.created_at).toISOString(),
      currency: row.currency,
      lines: row.lines.map((l) => ({
        sku: l.sku,
        category: l.category ?? null,
        description: l.description ?? null,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        kind: l.kind,
      })),
      totalAmount: Number(row.total_amount),
      eligibleAmount: Number(row.eligible_amount),
      points: Number(row.earned_points),
      earnLines: row.earn_lines,
      refunds: (row.refunds ?? []).map((f) => ({
        at: new Date(f.at).toISOString(),
        pointsReversed: Number(f.points),
      })),
    };
  }

  async lookup(query: MemberLookupQuery): Promise<MemberSummary> {
    const q = parseOrThrow(MemberLookupQuerySchema, query, ['query']);
    let row: CheckoutMemberRow | undefined;
    if (q.card) {
      const card = normalizeCardNumber(q.card);
      if (!card)
        throw new ValidationException([
          { field: 'query.card', message: 'is not a valid card number (check the digits)' },
        ]);
      row = await this.repository.memberByCard(card);
    } else if (q.email) {
      row = await this.repository.memberByEmail(parseOrThrow(EmailSchema, q.email, ['query', 'email']));
    } else if (q.phone) {
      row = (await this.repository.membersByPhone(parseOrThrow(PhoneSchema, q.phone, ['query', 'phone'])))[0];
    }
    if (!row || row.status !== 'active') throw new AppException('MEMBER_NOT_FOUND');
    const programme = await this.programmes.get();
    return {
      id: row.id,
      cardNumber: row.card_number,
      name: row.name,
      tier: await this.programmes.tierOf(row.id, programme),
      balance: await this.ledger.balance(row.id),
    };
  }

  private storeFor(actor: Actor, requested: string | undefined): string {
    if (actor.kind === 'pos') {
      if (requested && requested !== actor.storeId)
        throw new AppException('OUTSIDE_STORE_SCOPE', 'This key belongs to another store.');
      return actor.storeId;
    }
    if (requested) {
      if (!worksIn(actor, requested)) throw new AppException('OUTSIDE_STORE_SCOPE');
      return requested;
    }
    if (isStoreScoped(actor.role) && actor.storeIds.length === 1) return actor.storeIds[0]!;
    throw new AppException('STORE_REQUIRED', 'You work in several stores: send storeId.', [
      { field: 'storeId', message: 'is required' },
    ]);
  }

  private async activeMember(ref: MemberRef): Promise<CheckoutMemberRow> {
    const row =
      'cardNumber' in ref
        ? await this.repository.memberByCard(ref.cardNumber)
        : await this.repository.memberById(ref.memberId);
    return activeOrThrow(ref, row);
  }
}

function activeOrThrow(ref: MemberRef, row: CheckoutMemberRow | undefined): CheckoutMemberRow {
  if (!row || row.status !== 'active') {
    throw new AppException('MEMBER_NOT_FOUND', undefined, [
      {
        field: 'cardNumber' in ref ? 'member.cardNumber' : 'member.memberId',
        message: 'is not an active member',
      },
    ]);
  }
  return row;
}

function alreadyDecided(status: string): AppException {
  return new AppException('ALREADY_DONE', `This request was already ${status}.`);
}

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppException('UNAUTHENTICATED');
  return ctx.actor;
}

/** The member as the earn engine sees them; `segments` are those of the live campaigns' segments they are in. */
function earnMember(member: CheckoutMemberRow, segments: string[]) {
  return {
    tierId: member.tier_id,
    segments,
    joinedAt: new Date(member.created_at).toISOString(),
    birthday: member.birthday,
  };
}

function pendingResponse(approval: ApprovalRow): CheckoutEarnResponse {
  if (approval.status === 'approved' && approval.result) return approval.result as CheckoutEarnResponse;
  return {
    status: 'pending_approval',
    approvalId: approval.id,
    points: Number(approval.points),
    lines: [],
    reason: approval.limit_reason,
  };
}

function toApproval(row: ApprovalRow): Approval {
  return {
    id: row.id,
    kind: 'earn',
    status: row.status,
    storeId: row.store_id,
    requestedBy: { id: row.requested_by, name: row.requested_by_name },
    member: { id: row.member_id, cardNumber: row.member_card, name: row.member_name },
    points: Number(row.points),
    receiptRef: row.request.receipt.id,
    limitReason: row.limit_reason,
    createdAt: new Date(row.created_at).toISOString(),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    decisionReason: row.decision_reason,
    journalId: row.result?.journalId ?? null,
  };
}
