import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApproveClaimSchema,
  calendarDate,
  type Claim,
  type ClaimPage,
  ClaimQuerySchema,
  claimDateProblem,
  CreateClaimSchema,
  DenyClaimSchema,
  MyClaimQuerySchema,
  type PublicStore,
  type StaffClaim,
  type StaffClaimPage,
  lotExpiry,
} from '@tally/domain';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { type Actor, ledgerActor, type RequestContext, worksIn } from '../../common/auth/actor.js';
import { AppException, ValidationException } from '../../common/exceptions/app.exception.js';
import { decodeIdCursor, encodeIdCursor } from '../../common/pagination/id-cursor.js';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { AuditService } from '../audit/audit.service.js';
import { LedgerService } from '../ledger/ledger.service.js';
import { claimAnsweredNotice } from '../notifications/notification-texts.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ProgrammeService } from '../programme/programme.service.js';
import { matchOf, toClaim, toStaffClaim } from './claims.mapper.js';
import { type ClaimRow, ClaimsRepository } from './claims.repository.js';

/**
 * Missing-points claims: a member claims a receipt that earned nothing; staff of that store see how it
 * matches the till's records and approve (a ledger adjustment with their reason) or deny (the member
 * sees why). Approval records the receipt in the till's receipt table, so the receipt is credited once.
 */
@Injectable()
export class ClaimsService {
  constructor(
    private readonly repository: ClaimsRepository,
    private readonly ledger: LedgerService,
    private readonly programmes: ProgrammeService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async stores(): Promise<PublicStore[]> {
    return (await this.repository.stores()).map((s) => ({ id: s.id, name: s.name }));
  }

  async create(actor: Actor, input: unknown): Promise<Claim> {
    const body = parseOrThrow(CreateClaimSchema, input ?? {});
    const store = await this.repository.store(body.storeId);
    if (!store) throw new ValidationException([{ field: 'storeId', message: 'is not one of our stores' }]);
    const dateProblem = claimDateProblem(body.purchasedOn, calendarDate(new Date(), store.timezone));
    if (dateProblem) throw new ValidationException([{ field: 'purchasedOn', message: dateProblem }]);
    if (await this.repository.receiptCredited(body.storeId, body.receiptRef)) {
      throw new AppException(
        'RECEIPT_ALREADY_CREDITED',
        `Receipt ${body.receiptRef} has already earned points in this store, so it cannot be claimed.`,
        [{ field: 'receiptRef', message: 'has already earned points' }],
      );
    }
    const programme = await this.programmes.get();
    const id = await this.repository.insert({
      memberId: actor.id,
      storeId: body.storeId,
      receiptRef: body.receiptRef,
      purchasedOn: body.purchasedOn,
      amount: body.amount,
      currency: programme.currency,
      note: body.note ?? null,
    });
    if (!id) {
      throw new AppException('CLAIM_ALREADY_OPEN', undefined, [
        { field: 'receiptRef', message: 'already has an open claim from you' },
      ]);
    }
    return toClaim((await this.repository.claim(id))!);
  }

  async mine(actor: Actor, query: unknown): Promise<ClaimPage> {
    const q = parseOrThrow(MyClaimQuerySchema, query ?? {}, ['query']);
    const rows = await this.repository.page({
      memberId: actor.id,
      beforeSeq: q.cursor ? decodeIdCursor(q.cursor, 'c') : null,
      limit: q.limit + 1,
    });
    return pageOf(rows, q.limit, toClaim);
  }

  /** The review queue: admins see every store, managers theirs. */
  async queue(actor: Actor, query: unknown): Promise<StaffClaimPage> {
    const q = parseOrThrow(ClaimQuerySchema, query ?? {}, ['query']);
    if (q.storeId && !worksIn(actor, q.storeId)) throw new AppException('OUTSIDE_STORE_SCOPE');
    const rows = await this.repository.page({
      storeIds: actor.role === 'admin' ? undefined : actor.storeIds,
      storeId: q.storeId,
      state: q.state,
      beforeSeq: q.cursor ? decodeIdCursor(q.cursor, 'c') : null,
      limit: q.limit + 1,
    });
    const programme = await this.programmes.get();
    return pageOf(rows, q.limit, (row) => toStaffClaim(row, programme));
  }

  async approve(id: string, input: unknown, ctx: RequestContext): Promise<StaffClaim> {
    const actor = requireActor(ctx);
    const body = parseOrThrow(ApproveClaimSchema, input ?? {});
    const claim = await this.decidable(actor, id);
    if (claim.member_status !== 'active')
      throw new AppException('MEMBER_NOT_FOUND', 'The member’s account is closed: deny the claim instead.');
    const programme = await this.programmes.get();
    const suggested = matchOf(claim, programme).suggestedPoints;
    const points = body.points ?? suggested;
    if (points < 1) {
      throw new ValidationException([
        { field: 'points', message: 'nothing to credit at the base rate: say how many points' },
      ]);
    }
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const state = await this.repository.lock(manager, id);
      if (state !== 'submitted') throw new AppException('CLAIM_ALREADY_DECIDED');
      const receiptId = await this.repository.creditReceipt(manager, {
        claimId: id,
        storeId: claim.store_id,
        ref: claim.receipt_ref,
        memberId: claim.member_id,
        currency: claim.currency,
        amount: Number(claim.amount),
        points,
        staffId: actor.id,
        purchasedOn: claim.purchased_on,
      });
      if (!receiptId) {
        throw new AppException(
          'RECEIPT_ALREADY_CREDITED',
          `Receipt ${claim.receipt_ref} has already earned points: deny this claim.`,
        );
      }
      const adjusted = await this.ledger.adjust(
        {
          idempotencyKey: `claim:${id}`,
          idempotencyScope: 'claims',
          actor: ledgerActor(actor),
          storeId: claim.store_id,
          externalRef: claim.receipt_ref,
          memberId: claim.member_id,
          points,
          reason: body.reason,
          expiresAt: lotExpiry(programme, now),
          metadata: { source: 'claim', claimId: id },
        },
        manager,
      );
      await this.repository.decide(manager, id, {
        state: 'approved',
        staffId: actor.id,
        reason: body.reason,
        points,
        journalId: adjusted.journalId,
        receiptId,
      });
      await this.programmes.recomputeTier(
        manager,
        claim.member_id,
        programme,
        `missing points claim for receipt ${claim.receipt_ref}`,
      );
      await this.audit.record(manager, ctx, {
        action: 'claim.approved',
        targetType: 'claim',
        targetId: id,
        storeId: claim.store_id,
        summary: {
          memberId: claim.member_id,
          receipt: claim.receipt_ref,
          points,
          suggestedPoints: suggested,
          journalId: adjusted.journalId,
        },
        reason: body.reason,
      });
      await this.notifications.notify(
        manager,
        claimAnsweredNotice({
          memberId: claim.member_id,
          claimId: id,
          receiptRef: claim.receipt_ref,
          approved: true,
          points,
          reason: body.reason,
        }),
      );
    });
    return toStaffClaim((await this.repository.claim(id))!, programme);
  }

  async deny(id: string, input: unknown, ctx: RequestContext): Promise<StaffClaim> {
    const actor = requireActor(ctx);
    const body = parseOrThrow(DenyClaimSchema, input ?? {});
    const claim = await this.decidable(actor, id);
    await this.dataSource.transaction(async (manager) => {
      const decided = await this.repository.decide(manager, id, {
        state: 'denied',
        staffId: actor.id,
        reason: body.reason,
      });
      if (!decided) throw new AppException('CLAIM_ALREADY_DECIDED');
      await this.audit.record(manager, ctx, {
        action: 'claim.denied',
        targetType: 'claim',
        targetId: id,
        storeId: claim.store_id,
        summary: { memberId: claim.member_id, receipt: claim.receipt_ref },
        reason: body.reason,
      });
      await this.notifications.notify(
        manager,
        claimAnsweredNotice({
          memberId: claim.member_id,
          claimId: id,
          receiptRef: claim.receipt_ref,
          approved: false,
          points: 0,
          reason: body.reason,
        }),
      );
    });
    return toStaffClaim((await this.repository.claim(id))!, await this.programmes.get());
  }

  /** A submitted claim in a store the caller works in (anything else is not found to them). */
  private async decidable(actor: Actor, id: string): Promise<ClaimRow> {
    parseOrThrow(z.uuid('must be a claim id'), id, ['id']);
    const claim = await this.repository.claim(id);
    if (!claim || !worksIn(actor, claim.store_id)) throw new AppException('CLAIM_NOT_FOUND');
    if (claim.state !== 'submitted') throw new AppException('CLAIM_ALREADY_DECIDED');
    return claim;
  }
}

function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppException('UNAUTHENTICATED');
  return ctx.actor;
}

function pageOf<T>(rows: ClaimRow[], limit: number, map: (row: ClaimRow) => T) {
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items: rows.slice(0, limit).map(map),
    nextCursor: last ? encodeIdCursor(last.seq, 'c') : null,
  };
}
