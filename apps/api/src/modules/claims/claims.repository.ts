import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type ClaimState, type ReceiptLine } from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../../database/rows.js';

export interface ClaimRow {
  id: string;
  seq: string;
  state: ClaimState;
  member_id: string;
  member_card: string;
  member_name: string;
  member_tier: string | null;
  member_birthday: string | null;
  member_joined: Date;
  member_status: string;
  store_id: string;
  store_name: string;
  store_timezone: string;
  receipt_ref: string;
  purchased_on: string;
  amount: string;
  currency: string;
  note: string | null;
  points: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  journal_id: string | null;
  created_at: Date;
  /** The till's record of this receipt, if any (credited by the till or a claim). */
  credited_source: 'till' | 'claim' | null;
  credited_amount: string | null;
  /** Lines of an uncredited till receipt (an award that waited for or was refused approval). */
  held_lines: ReceiptLine[] | null;
}

const CLAIM_SELECT = `
SELECT c.id, c.seq::text AS seq, c.state, c.member_id, m.card_number AS member_card, m.name AS member_name,
       m.tier_id AS member_tier, to_char(m.birthday, 'YYYY-MM-DD') AS member_birthday, m.created_at AS member_joined, m.status AS member_status,
       c.store_id, s.name AS store_name, s.timezone AS store_timezone, c.receipt_ref,
       to_char(c.purchased_on, 'YYYY-MM-DD') AS purchased_on, c.amount::text AS amount, c.currency, c.note,
       c.points::text AS points, c.decision_reason, c.decided_by, d.name AS decided_by_name, c.decided_at,
       c.journal_id, c.created_at,
       r.source AS credited_source, r.total_amount::text AS credited_amount,
       (SELECT a.request->'receipt'->'lines' FROM approval_request a
         WHERE a.store_id = c.store_id AND a.request->'receipt'->>'id' = c.receipt_ref
         ORDER BY a.created_at DESC LIMIT 1) AS held_lines
  FROM points_claim c
  JOIN member m ON m.id = c.member_id
  JOIN store s ON s.id = c.store_id
  LEFT JOIN staff_user d ON d.id = c.decided_by
  LEFT JOIN receipt r ON r.store_id = c.store_id AND r.receipt_ref = c.receipt_ref`;

@Injectable()
export class ClaimsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stores(): Promise<{ id: string; name: string; timezone: string }[]> {
    return this.dataSource.query(`SELECT id, name, timezone FROM store ORDER BY name, store.id`);
  }

  async store(id: string): Promise<{ id: string; timezone: string } | undefined> {
    const rows: { id: string; timezone: string }[] = await this.dataSource.query(
      `SELECT id, timezone FROM store WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async receiptCredited(storeId: string, ref: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM receipt WHERE store_id = $1 AND receipt_ref = $2`,
      [storeId, ref],
    );
    return rows.length > 0;
  }

  /** Null when the member already has an open claim for this receipt (the partial unique index). */
  async insert(c: {
    memberId: string;
    storeId: string;
    receiptRef: string;
    purchasedOn: string;
    amount: number;
    currency: string;
    note: string | null;
  }): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO points_claim (member_id, store_id, receipt_ref, purchased_on, amount, currency, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
      [c.memberId, c.storeId, c.receiptRef, c.purchasedOn, c.amount, c.currency, c.note],
    );
    return rows[0]?.id ?? null;
  }

  async claim(id: string, manager?: EntityManager): Promise<ClaimRow | undefined> {
    const rows: ClaimRow[] = await (manager ?? this.dataSource).query(`${CLAIM_SELECT} WHERE c.id = $1`, [
      id,
    ]);
    return rows[0];
  }

  /** Locks the claim so two decisions on it serialise; returns its state. */
  async lock(manager: EntityManager, id: string): Promise<ClaimState | undefined> {
    const rows: { state: ClaimState }[] = await manager.query(
      `SELECT state FROM points_claim WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0]?.state;
  }

  async page(filter: {
    memberId?: string;
    storeIds?: string[];
    storeId?: string;
    state?: ClaimState;
    beforeSeq: string | null;
    limit: number;
  }): Promise<ClaimRow[]> {
    return this.dataSource.query(
      `${CLAIM_SELECT}
        WHERE ($1::uuid IS NULL OR c.member_id = $1) AND ($2::uuid[] IS NULL OR c.store_id = ANY($2::uuid[]))
          AND ($3::uuid IS NULL OR c.store_id = $3) AND ($4::text IS NULL OR c.state = $4)
          AND ($5::bigint IS NULL OR c.seq < $5::bigint)
        ORDER BY c.seq DESC LIMIT $6`,
      [
        filter.memberId ?? null,
        filter.storeIds ?? null,
        filter.storeId ?? null,
        filter.state ?? null,
        filter.beforeSeq,
        filter.limit,
      ],
    );
  }

  /**
   * Records the claimed receipt where the till records its receipts: the unique (store, receipt id)
   * index makes this and a till's earn for the same receipt exclusive. Null when it was already there.
   * The receipt is dated at the purchase, not the approval, so tiers and segments see it when it
   * happened: a claim names a day, so noon of that day in the store's time zone (never later than now).
   */
  async creditReceipt(
    manager: EntityManager,
    r: {
      claimId: string;
      storeId: string;
      ref: string;
      memberId: string;
      currency: string;
      amount: number;
      points: number;
      staffId: string;
      /** The claim's purchase day (`YYYY-MM-DD`) in the store's time zone. */
      purchasedOn: string;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO receipt (store_id, receipt_ref, member_id, currency, lines, total_amount, eligible_amount, earned_points, earn_lines,
                            actor_type, actor_id, idempotency_scope, idempotency_key, request_hash, source, created_at)
       SELECT $1, $2, $3, $4, '[]', $5, $5, $6, '[]', 'staff', $7, 'claim', $8, $8, 'claim',
              least(now(), ($9::date + time '12:00') AT TIME ZONE s.timezone)
         FROM store s WHERE s.id = $1
       ON CONFLICT DO NOTHING RETURNING id`,
      [r.storeId, r.ref, r.memberId, r.currency, r.amount, r.points, r.staffId, r.claimId, r.purchasedOn],
    );
    return rows[0]?.id ?? null;
  }

  async decide(
    manager: EntityManager,
    id: string,
    d: {
      state: 'approved' | 'denied';
      staffId: string;
      reason: string;
      points?: number;
      journalId?: string;
      receiptId?: string;
    },
  ): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await manager.query(
        `UPDATE points_claim SET state = $2, decided_by = $3, decided_at = now(), decision_reason = $4,
                points = $5, journal_id = $6, receipt_id = $7
          WHERE id = $1 AND state = 'submitted' RETURNING id`,
        [id, d.state, d.staffId, d.reason, d.points ?? null, d.journalId ?? null, d.receiptId ?? null],
      ),
    );
    return rows.length === 1;
  }
}
