import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../../database/rows.js';

export interface RewardRow {
  id: string;
  name: string;
  description: string;
  image_url: string | null;
  cost_points: string;
  stock: number | null;
  per_member_limit: number | null;
  active_from: Date;
  active_until: Date | null;
  voucher_valid_days: number;
  archived: boolean;
}

export interface VoucherRow {
  id: string;
  code: string;
  reward_id: string;
  reward_name: string;
  member_id: string;
  points: string;
  redeem_journal_id: string;
  status: 'active' | 'used' | 'cancelled';
  expires_at: Date;
  created_at: Date;
  used_at: Date | null;
  cancelled_at: Date | null;
}

const REWARD_COLUMNS = `id, name, description, image_url, cost_points::text, stock, per_member_limit, active_from, active_until,
  voucher_valid_days, archived`;
const VOUCHER_SELECT = `SELECT v.id, v.code, v.reward_id, r.name AS reward_name, v.member_id, v.points::text, v.redeem_journal_id, v.status,
  v.expires_at, v.created_at, v.used_at, v.cancelled_at FROM voucher v JOIN reward r ON r.id = v.reward_id`;

@Injectable()
export class RewardsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(activeOnly: boolean): Promise<RewardRow[]> {
    return this.dataSource.query(
      `SELECT ${REWARD_COLUMNS} FROM reward
        WHERE NOT $1 OR (NOT archived AND active_from <= now() AND (active_until IS NULL OR active_until > now()))
        ORDER BY cost_points, name`,
      [activeOnly],
    );
  }

  async find(id: string, manager?: EntityManager): Promise<RewardRow | undefined> {
    const rows: RewardRow[] = await (manager ?? this.dataSource).query(
      `SELECT ${REWARD_COLUMNS} FROM reward WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async insert(manager: EntityManager, r: Record<string, unknown>): Promise<RewardRow> {
    const rows: RewardRow[] = await manager.query(
      `INSERT INTO reward (name, description, image_url, cost_points, stock, per_member_limit, active_from, active_until, voucher_valid_days)
       VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, now()), $8, $9) RETURNING ${REWARD_COLUMNS}`,
      [
        r.name,
        r.description,
        r.imageUrl ?? null,
        r.costPoints,
        r.stock ?? null,
        r.perMemberLimit ?? null,
        r.activeFrom ?? null,
        r.activeUntil ?? null,
        r.voucherValidDays,
      ],
    );
    return rows[0]!;
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: Record<string, unknown>,
  ): Promise<RewardRow | undefined> {
    const columns: Record<string, string> = {
      name: 'name',
      description: 'description',
      imageUrl: 'image_url',
      costPoints: 'cost_points',
      stock: 'stock',
      perMemberLimit: 'per_member_limit',
      activeFrom: 'active_from',
      activeUntil: 'active_until',
      voucherValidDays: 'voucher_valid_days',
      archived: 'archived',
    };
    const keys = Object.keys(changes).filter((k) => k in columns);
    const sets = keys.map((k, i) => `${columns[k]} = $${i + 2}`);
    const rows = rowsOf<RewardRow>(
      await manager.query(
        `UPDATE reward SET ${sets.join(', ')}, updated_at = now() WHERE id = $1 RETURNING ${REWARD_COLUMNS}`,
        [id, ...keys.map((k) => changes[k] ?? null)],
      ),
    );
    return rows[0];
  }

  /** Takes one from stock, if the reward is on offer and has any left (a conditional update). */
  async takeStock(manager: EntityManager, id: string): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await manager.query(
        `UPDATE reward SET stock = CASE WHEN stock IS NULL THEN NULL ELSE stock - 1 END
          WHERE id = $1 AND NOT archived AND active_from <= now() AND (active_until IS NULL OR active_until > now())
            AND (stock IS NULL OR stock > 0) RETURNING id`,
        [id],
      ),
    );
    return rows.length === 1;
  }

  async giveBackStock(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE reward SET stock = stock + 1 WHERE id = $1 AND stock IS NOT NULL`, [id]);
  }

  async memberVoucherCount(manager: EntityManager, rewardId: string, memberId: string): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM voucher WHERE reward_id = $1 AND member_id = $2 AND status <> 'cancelled'`,
      [rewardId, memberId],
    );
    return rows[0]!.n;
  }

  async insertVoucher(
    manager: EntityManager,
    v: {
      code: string;
      rewardId: string;
      memberId: string;
      points: number;
      journalId: string;
      expiresAt: Date;
    },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO voucher (code, reward_id, member_id, points, redeem_journal_id, expires_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [v.code, v.rewardId, v.memberId, v.points, v.journalId, v.expiresAt],
    );
    return rows[0]?.id ?? null;
  }

  async voucher(id: string, manager?: EntityManager): Promise<VoucherRow | undefined> {
    const rows: VoucherRow[] = await (manager ?? this.dataSource).query(`${VOUCHER_SELECT} WHERE v.id = $1`, [
      id,
    ]);
    return rows[0];
  }

  async voucherByJournal(journalId: string, manager?: EntityManager): Promise<VoucherRow | undefined> {
    const rows: VoucherRow[] = await (manager ?? this.dataSource).query(
      `${VOUCHER_SELECT} WHERE v.redeem_journal_id = $1`,
      [journalId],
    );
    return rows[0];
  }

  async voucherByCode(code: string): Promise<VoucherRow | undefined> {
    const rows: VoucherRow[] = await this.dataSource.query(`${VOUCHER_SELECT} WHERE v.code = $1`, [code]);
    return rows[0];
  }

  async memberVouchers(memberId: string): Promise<VoucherRow[]> {
    return this.dataSource.query(
      `${VOUCHER_SELECT} WHERE v.member_id = $1 ORDER BY v.created_at DESC LIMIT 200`,
      [memberId],
    );
  }

  /** Marks a voucher used exactly once: only an active, unexpired voucher changes. */
  async use(manager: EntityManager, id: string, storeId: string, by: string): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await manager.query(
        `UPDATE voucher SET status = 'used', used_at = now(), used_store_id = $2, used_by = $3
          WHERE id = $1 AND status = 'active' AND expires_at > now() RETURNING id`,
        [id, storeId, by],
      ),
    );
    return rows.length === 1;
  }

  async cancel(manager: EntityManager, id: string, journalId: string): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await manager.query(
        `UPDATE voucher SET status = 'cancelled', cancelled_at = now(), cancel_journal_id = $2
          WHERE id = $1 AND status = 'active' RETURNING id`,
        [id, journalId],
      ),
    );
    return rows.length === 1;
  }
}
