import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AdjustInputSchema,
  type Balance,
  EarnInputSchema,
  HoldInputSchema,
  inactivityExpiry,
  JournalContextSchema,
  type LedgerResult,
  LedgerResultSchema,
  type PageQuery,
  RedeemInputSchema,
  ResolveHoldInputSchema,
  ReverseInputSchema,
  type StatementPage,
  type AdjustInput,
  type EarnInput,
  type HoldInput,
  type RedeemInput,
  type ResolveHoldInput,
  type ReverseInput,
  type JournalContext,
  type Expiring,
  type PendingGroup,
} from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { parseOrThrow } from '../../common/pipes/zod-validation.pipe.js';
import { AppException } from '../../common/exceptions/app.exception.js';
import { InsufficientPointsException, LedgerException } from './ledger.errors.js';
import { toBalance, toStatementLine, decodeCursor, encodeCursor } from './ledger.mapper.js';
import { type LedgerFunction, LedgerRepository } from './ledger.repository.js';
import { requestHash } from './request-hash.js';
import { type DebitJournal, debitNotice } from '../notifications/notification-texts.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { WebhookEventsService } from '../webhooks/webhook-events.service.js';

type Context = z.output<typeof JournalContextSchema>;

export interface BatchOutcome {
  done: number;
  skipped: number;
}

/** Operations that can take points from a member; the others (earn, hold, void, release) never do. */
const DEBITS = new Set<string>(['redeem', 'capture', 'reverse', 'expire', 'adjust']);

/**
 * The service API of the points ledger. Every write is one journal in one transaction, idempotent by
 * its key: the same key and request returns the first result (`replayed: true`); the same key with a
 * different request is refused. Pass `manager` to take part in a caller's transaction.
 *
 * Every debit the member did not make themselves (any actor but the member: a till, staff, a job) is
 * told to them by a notice written in the journal's transaction (`debit:<journal id>`), so a rolled
 * back debit tells nobody and a replay tells no one twice.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly repository: LedgerRepository,
    private readonly webhooks: WebhookEventsService,
    private readonly notifications: NotificationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async earn(input: EarnInput, manager?: EntityManager): Promise<LedgerResult> {
    const { memberId, points, expiresAt, availableAt, ...ctx } = parseOrThrow(EarnInputSchema, input);
    return this.write('ledger_earn', 'earn', ctx, { memberId, points, expiresAt, availableAt }, manager);
  }

  async redeem(input: RedeemInput, manager?: EntityManager): Promise<LedgerResult> {
    const { memberId, points, ...ctx } = parseOrThrow(RedeemInputSchema, input);
    return this.knowingShortfall(memberId, points, () =>
      this.write('ledger_redeem', 'redeem', ctx, { memberId, points }, manager),
    );
  }

  async adjust(input: AdjustInput, manager?: EntityManager): Promise<LedgerResult> {
    const { memberId, points, expiresAt, ...ctx } = parseOrThrow(AdjustInputSchema, input);
    return this.write('ledger_adjust', 'adjust', ctx, { memberId, points, expiresAt }, manager);
  }

  async hold(input: HoldInput, manager?: EntityManager): Promise<LedgerResult> {
    const { memberId, points, expiresAt, ...ctx } = parseOrThrow(HoldInputSchema, input);
    if (expiresAt.getTime() <= Date.now()) {
      throw new AppException('VALIDATION_FAILED', undefined, [
        { field: 'expiresAt', message: 'must be in the future' },
      ]);
    }
    return this.knowingShortfall(memberId, points, () =>
      this.write('ledger_hold', 'hold', ctx, { memberId, points, expiresAt }, manager),
    );
  }

  async capture(input: ResolveHoldInput, manager?: EntityManager): Promise<LedgerResult> {
    const { holdId, ...ctx } = parseOrThrow(ResolveHoldInputSchema, input);
    return this.write('ledger_resolve_hold', 'capture', ctx, { holdId, op: 'capture' }, manager);
  }

  async void(input: ResolveHoldInput, manager?: EntityManager): Promise<LedgerResult> {
    const { holdId, ...ctx } = parseOrThrow(ResolveHoldInputSchema, input);
    return this.write('ledger_resolve_hold', 'void', ctx, { holdId, op: 'void' }, manager);
  }

  async reverse(input: ReverseInput, manager?: EntityManager): Promise<LedgerResult> {
    const { journalId, points, policy, ...ctx } = parseOrThrow(ReverseInputSchema, input);
    return this.write('ledger_reverse', 'reverse', ctx, { journalId, points, policy }, manager);
  }

  /** Makes a pending lot available (the return window closed). */
  async release(lotId: number, context: JournalContext, manager?: EntityManager): Promise<LedgerResult> {
    const ctx = parseOrThrow(JournalContextSchema, context);
    return this.write('ledger_release', 'release', ctx, { lotId }, manager);
  }

  /** Expires what is left of the member's lots that expired at or before `asOf`. */
  async expire(
    memberId: string,
    asOf: Date,
    context: JournalContext,
    manager?: EntityManager,
  ): Promise<LedgerResult> {
    const ctx = parseOrThrow(JournalContextSchema, context);
    parseOrThrow(z.uuid(), memberId, ['memberId']);
    return this.write('ledger_expire', 'expire', ctx, { memberId, asOf }, manager);
  }

  /**
   * Runs `work`, a whole transaction that redeems or holds; when it is refused for want of points,
   * rethrows the refusal with the points the member can spend and a sentence saying both. The balance
   * is read after the rollback: a failed statement leaves its transaction unusable, and embedded
   * PostgreSQL has one connection. Call it outside any transaction.
   */
  async explainShortfall<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof InsufficientPointsException)) throw error;
      const { available } = await this.balance(error.memberId);
      const asked = `${error.requested} ${error.requested === 1 ? 'point was' : 'points were'} asked for`;
      const detail =
        available >= error.requested
          ? `${asked}; of the ${available} available, some have expired and can no longer be spent.`
          : `${asked} but only ${available} ${available === 1 ? 'is' : 'are'} available to spend.`;
      throw new InsufficientPointsException(error.memberId, error.requested, detail, available);
    }
  }

  async balance(memberId: string, manager?: EntityManager): Promise<Balance> {
    parseOrThrow(z.uuid(), memberId, ['memberId']);
    return toBalance(await this.repository.balance(memberId, manager));
  }

  async statement(
    memberId: string,
    page: PageQuery,
    filter: { kinds?: string[]; from?: string; to?: string } = {},
  ): Promise<StatementPage> {
    parseOrThrow(z.uuid(), memberId, ['memberId']);
    const before = page.cursor ? decodeCursor(page.cursor) : null;
    const rows = await this.repository.statement(memberId, before, page.limit + 1, filter);
    const items = rows.slice(0, page.limit).map(toStatementLine);
    const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
    return { items, nextCursor: last ? encodeCursor(last.seq) : null };
  }

  /**
   * What is still pending (by the day it becomes available) and what expires soon, from the member's
   * lots; with `inactivityMonths`, a lot expires at the earlier of its own date and the member's
   * inactivity deadline.
   */
  async lotOutlook(
    memberId: string,
    asOf: Date,
    { inactivityMonths = null }: { inactivityMonths?: number | null } = {},
  ): Promise<{ pending: PendingGroup[]; expiring: Expiring }> {
    parseOrThrow(z.uuid(), memberId, ['memberId']);
    const inactiveAt =
      inactivityMonths === null
        ? null
        : inactivityExpiry({ inactivityMonths }, await this.repository.lastActivity(memberId));
    const pending = await this.repository.pendingByDay(memberId);
    const expiring = await this.repository.expiringWithin(memberId, asOf, inactiveAt);
    return {
      pending: pending.map((g) => ({
        date: g.day,
        availableAt: new Date(g.available_at).toISOString(),
        points: Number(g.points),
      })),
      expiring: {
        within30Days: Number(expiring.d30),
        within60Days: Number(expiring.d60),
        within90Days: Number(expiring.d90),
        next: expiring.next_at
          ? { expiresAt: new Date(expiring.next_at).toISOString(), points: Number(expiring.next_points) }
          : null,
        inactiveAt: inactiveAt && inactiveAt > asOf ? inactiveAt.toISOString() : null,
      },
    };
  }

  /** Job step: releases pending lots whose return window closed by `asOf`. Safe to run twice. */
  async releaseDue(asOf: Date, limit = 500): Promise<BatchOutcome> {
    const lots = await this.repository.dueLots(asOf, limit);
    return this.batch(lots, (lotId) => this.release(Number(lotId), systemContext(`release:${lotId}`)));
  }

  /** Job step: voids holds that were neither captured nor voided before they timed out. */
  async voidExpiredHolds(asOf: Date, limit = 500): Promise<BatchOutcome> {
    const holds = await this.repository.expiredHolds(asOf, limit);
    return this.batch(holds, (holdId) => this.void({ holdId, ...systemContext(`hold-timeout:${holdId}`) }));
  }

  /** Job step: expires lots due by `asOf`, one journal per member. */
  async expireDue(asOf: Date, limit = 500): Promise<BatchOutcome> {
    const members = await this.repository.membersWithExpiredLots(asOf, limit);
    return this.batch(members, (memberId) =>
      this.expire(memberId, asOf, systemContext(`expire:${memberId}:${asOf.toISOString()}`)),
    );
  }

  /** Job step: expires every available point of the members with no earn or spend for `months` by `asOf`. */
  async expireInactive(asOf: Date, months: number, limit = 500): Promise<BatchOutcome> {
    const members = await this.repository.inactiveMembers(asOf, months, limit);
    const lastActive = new Map(members.map((m) => [m.member_id, new Date(m.last_activity_at)]));
    return this.batch([...lastActive.keys()], (memberId) =>
      this.expireIfInactive(memberId, { asOf, months, lastActivityAt: lastActive.get(memberId)! }),
    );
  }

  /**
   * Expires every available point of a member whose last earn or spend was `months` or more before
   * `asOf`, checked again under the member's lock (an earn that committed meanwhile keeps the points).
   * One journal per stretch of inactivity: the key names the last activity the caller saw, so a repeat
   * run or a second worker replays it instead of writing again.
   */
  async expireIfInactive(
    memberId: string,
    { asOf, months, lastActivityAt }: { asOf: Date; months: number; lastActivityAt: Date },
  ): Promise<LedgerResult> {
    parseOrThrow(z.uuid(), memberId, ['memberId']);
    const ctx = parseOrThrow(JournalContextSchema, {
      ...systemContext(`expire-inactive:${memberId}:${lastActivityAt.toISOString()}`),
      reason: `No points earned or spent for ${months} ${months === 1 ? 'month' : 'months'}`,
    });
    return this.write('ledger_expire_inactive', 'expire', ctx, { memberId, asOf, months });
  }

  private async batch(ids: string[], run: (id: string) => Promise<unknown>): Promise<BatchOutcome> {
    let done = 0;
    let skipped = 0;
    for (const id of ids) {
      try {
        await run(id);
        done += 1;
      } catch (error) {
        // Another worker got there first (already resolved, nothing pending): not a failure.
        if (error instanceof LedgerException) skipped += 1;
        else throw error;
      }
    }
    return { done, skipped };
  }

  /** Names the member and the points asked for on a refusal for want of points. */
  private async knowingShortfall(
    memberId: string,
    points: number,
    work: () => Promise<LedgerResult>,
  ): Promise<LedgerResult> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof LedgerException && error.code === 'INSUFFICIENT_POINTS')
        throw new InsufficientPointsException(memberId, points, error.detail);
      throw error;
    }
  }

  private async write(
    fn: LedgerFunction,
    operation: string,
    ctx: Context,
    fields: Record<string, unknown>,
    manager?: EntityManager,
  ): Promise<LedgerResult> {
    const { idempotencyKey, idempotencyScope, actor, storeId, externalRef, reason, metadata } = ctx;
    const hash = requestHash(operation, { ...fields, actor, storeId, externalRef, reason, metadata });
    const payload = {
      ...fields,
      scope: idempotencyScope,
      key: idempotencyKey,
      hash,
      actorType: actor.type,
      actorId: actor.id,
      storeId: storeId ?? null,
      externalRef: externalRef ?? null,
      reason: reason ?? null,
      metadata: metadata ?? null,
    };
    // A debit someone else makes is told in its journal's transaction: open one when the caller has none.
    const tells = DEBITS.has(operation) && actor.type !== 'member';
    const run = async (m: EntityManager | undefined) => {
      const raw = await this.webhooks.aroundLedgerWrite(
        operation,
        m,
        (inner) => this.repository.call(fn, payload, inner),
        { memberId: fields.memberId, storeId, externalRef },
      );
      if (tells && m) await this.tellDebit(m, operation, ctx, raw);
      return raw;
    };
    const raw = tells && !manager ? await this.dataSource.transaction(run) : await run(manager);
    return LedgerResultSchema.parse({ ...raw, holdId: raw.holdId ?? null });
  }

  /** Writes the member's notice of a debit just posted (nothing for a replay or a credit). */
  private async tellDebit(
    manager: EntityManager,
    operation: string,
    ctx: Context,
    raw: Record<string, unknown>,
  ): Promise<void> {
    if (raw.replayed === true) return;
    const moved = Number(raw.points ?? 0);
    // Reversals and adjustments are signed (a reversed redemption gives points back); the rest take.
    const taken = operation === 'reverse' || operation === 'adjust' ? -moved : moved;
    if (taken <= 0) return;
    const journalId = String(raw.journalId);
    const where = await this.repository.journalMemberAndStore(manager, journalId);
    if (!where) return;
    const notice = debitNotice({
      memberId: where.memberId,
      journalId,
      kind: operation as DebitJournal['kind'],
      points: taken,
      reason: ctx.reason ?? null,
      externalRef: ctx.externalRef ?? null,
      metadata: ctx.metadata ?? null,
      toDebt: Number(raw.toDebt ?? 0),
      forgiven: Number(raw.forgiven ?? 0),
      storeName: where.storeName,
    });
    await this.notifications.notify(manager, notice);
  }
}

export function systemContext(key: string): JournalContext {
  return { idempotencyKey: key, idempotencyScope: 'system', actor: { type: 'system', id: 'ledger-jobs' } };
}
