import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type EarnLine, type ReceiptLine } from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../../database/rows.js';
import { type AuditInsert } from '../audit/audit.repository.js';
import { type NotificationInsert } from '../notifications/notifications.repository.js';

export interface CheckoutMemberRow {
  id: string;
  card_number: string;
  name: string;
  status: string;
  tier_id: string | null;
  birthday: string | null;
  created_at: Date;
}

export interface ReceiptRow {
  id: string;
  store_id: string;
  receipt_ref: string;
  member_id: string;
  currency: string;
  lines: ReceiptLine[];
  eligible_amount: string;
  earned_points: string;
  earn_journal_id: string;
}

export type MemberReceiptRow = ReceiptRow & {
  store_name: string;
  created_at: Date;
  total_amount: string;
  earn_lines: EarnLine[];
  refunds: { at: string; points: number }[] | null;
};

export interface ApprovalRow {
  id: string;
  kind: 'earn';
  status: 'pending' | 'approved' | 'denied';
  store_id: string;
  requested_by: string;
  requested_by_name: string;
  member_id: string;
  member_card: string;
  member_name: string;
  points: string;
  request: { receipt: { id: string }; [key: string]: unknown };
  limit_reason: string;
  idempotency_key: string;
  request_hash: string;
  created_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  result: { journalId?: string } | null;
}

export interface EarnLookupRow {
  existing: { request_hash: string; response: unknown } | undefined;
  member: CheckoutMemberRow | undefined;
  /** The store's, or UTC when the store is not found. */
  timeZone: string;
}

const MEMBER_COLUMNS = `id, card_number, name, status, tier_id, to_char(birthday, 'YYYY-MM-DD') AS birthday, created_at`;
const APPROVAL_SELECT = `SELECT a.*, a.points::text AS points, s.name AS requested_by_name, m.card_number AS member_card, m.name AS member_name
  FROM approval_request a JOIN staff_user s ON s.id = a.requested_by JOIN member m ON m.id = a.member_id`;

@Injectable()
export class CheckoutRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async memberReceipt(memberId: string, id: string): Promise<MemberReceiptRow | undefined> {
    const rows: MemberReceiptRow[] = await this.dataSource.query(
      `SELECT r.id, r.store_id, s.name AS store_name, r.receipt_ref, r.member_id, r.currency, r.lines, r.total_amount::text,
              r.eligible_amount::text, r.earned_points::text, r.earn_journal_id, r.earn_lines, r.created_at,
              (SELECT json_agg(json_build_object('at', f.created_at, 'points', f.points_reversed) ORDER BY f.created_at)
                 FROM receipt_refund f WHERE f.receipt_id = r.id) AS refunds
         FROM receipt r JOIN store s ON s.id = r.store_id
        WHERE r.id = $1 AND r.member_id = $2`,
      [id, memberId],
    );
    return rows[0];
  }

  /** The member's redemptions towards this receipt in this store, with what was already given back. */
  async pointsPaid(
    manager: EntityManager,
    memberId: string,
    storeId: string,
    ref: string,
  ): Promise<{ id: string; amount: number; reversed: number }[]> {
    const rows: { id: string; amount: string; reversed: string }[] = await manager.query(
      `SELECT j.id, j.amount::text, coalesce((SELECT sum(r.amount) FROM ledger_journal r WHERE r.reverses_journal_id = j.id), 0)::text AS reversed
         FROM ledger_journal j
        WHERE j.member_id = $1 AND j.kind = 'redeem' AND j.store_id = $2 AND j.external_ref = $3
        ORDER BY j.seq`,
      [memberId, storeId, ref],
    );
    return rows.map((r) => ({ id: r.id, amount: Number(r.amount), reversed: Number(r.reversed) }));
  }

  /** Campaign days and hours are the store's local ones. */
  async storeTimeZone(storeId: string): Promise<string> {
    const rows: { timezone: string }[] = await this.dataSource.query(
      `SELECT timezone FROM store WHERE id = $1`,
      [storeId],
    );
    return rows[0]?.timezone ?? 'UTC';
  }

  /**
   * What an award reads before its transaction, in one round trip: the receipt already written under
   * this idempotency key (if any), the member by card number or id, and the store's time zone.
   */
  async earnLookup(
    scope: string,
    key: string,
    member: { cardNumber: string } | { memberId: string },
    storeId: string | null,
  ): Promise<EarnLookupRow> {
    const rows: (Omit<CheckoutMemberRow, 'id'> & {
      id: string | null;
      request_hash: string | null;
      response: unknown;
      timezone: string | null;
    })[] = await this.dataSource.query(
      `SELECT r.request_hash, r.response, s.timezone, m.id, m.card_number, m.name, m.status, m.tier_id,
              to_char(m.birthday, 'YYYY-MM-DD') AS birthday, m.created_at
         FROM (SELECT 1) one
         LEFT JOIN receipt r ON r.idempotency_scope = $1 AND r.idempotency_key = $2
         LEFT JOIN member m ON ${'cardNumber' in member ? 'm.card_number = $3' : 'm.id = $3'}
         LEFT JOIN store s ON s.id = $4`,
      [scope, key, 'cardNumber' in member ? member.cardNumber : member.memberId, storeId],
    );
    const row = rows[0]!;
    return {
      existing:
        row.request_hash === null ? undefined : { request_hash: row.request_hash, response: row.response },
      member:
        row.id === null
          ? undefined
          : {
              id: row.id,
              card_number: row.card_number,
              name: row.name,
              status: row.status,
              tier_id: row.tier_id,
              birthday: row.birthday,
              created_at: row.created_at,
            },
      timeZone: row.timezone ?? 'UTC',
    };
  }

  async memberByCard(cardNumber: string): Promise<CheckoutMemberRow | undefined> {
    const rows: CheckoutMemberRow[] = await this.dataSource.query(
      `SELECT ${MEMBER_COLUMNS} FROM member WHERE card_number = $1`,
      [cardNumber],
    );
    return rows[0];
  }

  async memberById(id: string): Promise<CheckoutMemberRow | undefined> {
    const rows: CheckoutMemberRow[] = await this.dataSource.query(
      `SELECT ${MEMBER_COLUMNS} FROM member WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async memberByEmail(email: string): Promise<CheckoutMemberRow | undefined> {
    const rows: CheckoutMemberRow[] = await this.dataSource.query(
      `SELECT ${MEMBER_COLUMNS} FROM member WHERE email = $1`,
      [email],
    );
    return rows[0];
  }

  async membersByPhone(phone: string): Promise<CheckoutMemberRow[]> {
    return this.dataSource.query(
      `SELECT ${MEMBER_COLUMNS} FROM member WHERE phone = $1 AND status = 'active' ORDER BY created_at LIMIT 5`,
      [phone],
    );
  }

  async receipt(
    storeId: string,
    ref: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<ReceiptRow | undefined> {
    const rows: ReceiptRow[] = await (manager ?? this.dataSource).query(
      `SELECT id, store_id, receipt_ref, member_id, currency, lines, eligible_amount::text, earned_points::text, earn_journal_id
         FROM receipt WHERE store_id = $1 AND receipt_ref = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [storeId, ref],
    );
    return rows[0];
  }

  /**
   * Claims the receipt before anything is awarded: the (store, receipt id) and (scope, key) unique
   * indexes make a second claim wait for the first to commit and then find nothing inserted.
   */
  async claimReceipt(
    manager: EntityManager,
    r: {
      storeId: string;
      ref: string;
      memberId: string;
      currency: string;
      lines: ReceiptLine[];
      totalAmount: number;
      eligibleAmount: number;
      earnedPoints: number;
      earnLines: EarnLine[];
      paymentFingerprint: string | null;
      actorType: string;
      actorId: string;
      scope: string;
      key: string;
      hash: string;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO receipt (store_id, receipt_ref, member_id, currency, lines, total_amount, eligible_amount, earned_points, earn_lines,
                            actor_type, actor_id, idempotency_scope, idempotency_key, request_hash, payment_fingerprint)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        r.storeId,
        r.ref,
        r.memberId,
        r.currency,
        JSON.stringify(r.lines),
        r.totalAmount,
        r.eligibleAmount,
        r.earnedPoints,
        JSON.stringify(r.earnLines),
        r.actorType,
        r.actorId,
        r.scope,
        r.key,
        r.hash,
        r.paymentFingerprint,
      ],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Everything an award writes after its ledger journal, in one call of `checkout_finish` (its statements
   * keep their plans for the session): completes the receipt, writes the audit row and the notice (if
   * any), and reads the member's qualifying amount (`member_qualifying`, which sees the journal just
   * written) and current tier for the tier rule.
   */
  async finishAward(
    manager: EntityManager,
    f: {
      memberId: string;
      receiptId: string;
      journalId: string | null;
      response: unknown;
      tierBasis: 'points' | 'spend';
      notice: NotificationInsert | null;
      audit: AuditInsert;
    },
  ): Promise<{ qualifying: number; tierId: string | null }> {
    const a = f.audit;
    const n = f.notice;
    const rows: { r: { q: string; tier_id: string | null } }[] = await manager.query(
      `SELECT checkout_finish($1::jsonb) AS r`,
      [
        JSON.stringify({
          member_id: f.memberId,
          receipt_id: f.receiptId,
          journal_id: f.journalId,
          response: f.response,
          basis: f.tierBasis,
          audit: {
            actor_type: a.actorType,
            actor_id: a.actorId,
            actor_role: a.actorRole,
            actor_name: a.actorName,
            store_id: a.storeId,
            action: a.action,
            target_type: a.targetType,
            target_id: a.targetId,
            summary: a.summary,
            reason: a.reason,
            ip: a.ip,
            request_id: a.requestId,
          },
          notice: n && {
            member_id: n.memberId,
            kind: n.kind,
            title: n.title,
            body: n.body,
            link: n.link ?? null,
            due_at: n.dueAt ?? null,
            dedupe_key: n.dedupeKey,
          },
        }),
      ],
    );
    const r = rows[0]!.r;
    return { qualifying: Math.max(0, Number(r.q ?? 0)), tierId: r.tier_id ?? null };
  }

  async receiptByKey(
    scope: string,
    key: string,
  ): Promise<{ request_hash: string; response: unknown } | undefined> {
    const rows: { request_hash: string; response: unknown }[] = await this.dataSource.query(
      `SELECT request_hash, response FROM receipt WHERE idempotency_scope = $1 AND idempotency_key = $2`,
      [scope, key],
    );
    return rows[0];
  }

  async refunds(
    manager: EntityManager,
    receiptId: string,
  ): Promise<
    { lines: { sku: string; quantity: number }[]; eligible_amount: string; points_reversed: string }[]
  > {
    return manager.query(
      `SELECT lines, eligible_amount::text, points_reversed::text FROM receipt_refund WHERE receipt_id = $1`,
      [receiptId],
    );
  }

  async claimRefund(
    manager: EntityManager,
    r: {
      receiptId: string;
      lines: { sku: string; quantity: number }[];
      eligibleAmount: number;
      points: number;
      actorType: string;
      actorId: string;
      scope: string;
      key: string;
      hash: string;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO receipt_refund (receipt_id, lines, eligible_amount, points_reversed, actor_type, actor_id, idempotency_scope, idempotency_key, request_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
      [
        r.receiptId,
        JSON.stringify(r.lines),
        r.eligibleAmount,
        r.points,
        r.actorType,
        r.actorId,
        r.scope,
        r.key,
        r.hash,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async completeRefund(
    manager: EntityManager,
    id: string,
    journalId: string | null,
    points: number,
    response: unknown,
  ): Promise<void> {
    await manager.query(
      `UPDATE receipt_refund SET journal_id = $2, points_reversed = $3, response = $4 WHERE id = $1`,
      [id, journalId, points, JSON.stringify(response)],
    );
  }

  async refundByKey(
    scope: string,
    key: string,
  ): Promise<{ request_hash: string; response: unknown } | undefined> {
    const rows: { request_hash: string; response: unknown }[] = await this.dataSource.query(
      `SELECT request_hash, response FROM receipt_refund WHERE idempotency_scope = $1 AND idempotency_key = $2`,
      [scope, key],
    );
    return rows[0];
  }

  /** Points this cashier awarded today (their store's local day is approximated by the server's day). */
  async awardedToday(staffId: string): Promise<number> {
    const rows: { n: string }[] = await this.dataSource.query(
      `SELECT coalesce(sum(earned_points), 0)::text AS n FROM receipt
        WHERE actor_type = 'staff' AND actor_id = $1 AND created_at >= date_trunc('day', now())`,
      [staffId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  async insertApproval(
    manager: EntityManager,
    a: {
      storeId: string;
      requestedBy: string;
      memberId: string;
      points: number;
      request: unknown;
      limitReason: string;
      key: string;
      hash: string;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO approval_request (kind, store_id, requested_by, member_id, points, request, limit_reason, idempotency_key, request_hash)
       VALUES ('earn', $1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (requested_by, idempotency_key) DO NOTHING RETURNING id`,
      [
        a.storeId,
        a.requestedBy,
        a.memberId,
        a.points,
        JSON.stringify(a.request),
        a.limitReason,
        a.key,
        a.hash,
      ],
    );
    return rows[0]?.id ?? null;
  }

  async approvalByKey(requestedBy: string, key: string): Promise<ApprovalRow | undefined> {
    const rows: ApprovalRow[] = await this.dataSource.query(
      `${APPROVAL_SELECT} WHERE a.requested_by = $1 AND a.idempotency_key = $2`,
      [requestedBy, key],
    );
    return rows[0];
  }

  async approval(id: string, manager?: EntityManager, lock = false): Promise<ApprovalRow | undefined> {
    const rows: ApprovalRow[] = await (manager ?? this.dataSource).query(
      `${APPROVAL_SELECT} WHERE a.id = $1 ${lock ? 'FOR UPDATE OF a' : ''}`,
      [id],
    );
    return rows[0];
  }

  async approvals(storeIds: string[] | undefined, status: string | undefined): Promise<ApprovalRow[]> {
    return this.dataSource.query(
      `${APPROVAL_SELECT} WHERE ($1::uuid[] IS NULL OR a.store_id = ANY($1::uuid[])) AND ($2::text IS NULL OR a.status = $2)
        ORDER BY a.created_at DESC LIMIT 200`,
      [storeIds ?? null, status ?? null],
    );
  }

  async decide(
    manager: EntityManager,
    id: string,
    status: 'approved' | 'denied',
    staffId: string,
    reason: string | null,
    result: unknown,
  ): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await manager.query(
        `UPDATE approval_request SET status = $2, decided_by = $3, decided_at = now(), decision_reason = $4, result = $5
          WHERE id = $1 AND status = 'pending' RETURNING id`,
        [id, status, staffId, reason, result === null ? null : JSON.stringify(result)],
      ),
    );
    return rows.length === 1;
  }
}
