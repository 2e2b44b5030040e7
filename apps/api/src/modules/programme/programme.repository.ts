import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../../database/rows.js';

@Injectable()
export class ProgrammeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async settings(manager?: EntityManager): Promise<unknown> {
    const rows: { settings: unknown }[] = await (manager ?? this.dataSource).query(
      `SELECT settings FROM programme_settings WHERE id = 1`,
    );
    return rows[0]?.settings ?? null;
  }

  async save(manager: EntityManager, settings: unknown, staffId: string | null): Promise<void> {
    await manager.query(
      `INSERT INTO programme_settings (id, settings, updated_by) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      [JSON.stringify(settings), staffId],
    );
  }

  /** Qualifying points (net of reversals) or spend over the last 12 months (`member_qualifying`). */
  async qualifying(manager: EntityManager, memberId: string, basis: 'points' | 'spend'): Promise<number> {
    const rows: { q: string }[] = await manager.query(`SELECT member_qualifying($1, $2)::text AS q`, [
      memberId,
      basis,
    ]);
    return Number(rows[0]?.q ?? 0);
  }

  async memberTier(manager: EntityManager | undefined, memberId: string): Promise<string | null> {
    const rows: { tier_id: string | null }[] = await (manager ?? this.dataSource).query(
      `SELECT tier_id FROM member WHERE id = $1`,
      [memberId],
    );
    return rows[0]?.tier_id ?? null;
  }

  async tierChanges(
    memberId: string,
    limit: number,
  ): Promise<
    { from_tier: string | null; to_tier: string; qualifying: string; cause: string; created_at: Date }[]
  > {
    return this.dataSource.query(
      `SELECT from_tier, to_tier, qualifying::text, cause, created_at FROM tier_change WHERE member_id = $1 ORDER BY id DESC LIMIT $2`,
      [memberId, limit],
    );
  }

  /**
   * Members holding a tier, least recently reviewed first, locked for this review (SKIP LOCKED: two
   * workers take different members), and stamped as reviewed now.
   */
  async claimTierReviews(manager: EntityManager, limit: number): Promise<string[]> {
    const rows = rowsOf<{ id: string }>(
      await manager.query(
        `UPDATE member SET tier_reviewed_at = now()
          WHERE id IN (SELECT id FROM member WHERE tier_id IS NOT NULL AND status = 'active'
                        ORDER BY tier_reviewed_at NULLS FIRST, id LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        [limit],
      ),
    );
    return rows.map((r) => r.id);
  }

  async setTier(
    manager: EntityManager,
    memberId: string,
    from: string | null,
    to: string,
    qualifying: number,
    cause: string,
  ): Promise<void> {
    await manager.query(`UPDATE member SET tier_id = $2 WHERE id = $1`, [memberId, to]);
    await manager.query(
      `INSERT INTO tier_change (member_id, from_tier, to_tier, qualifying, cause) VALUES ($1, $2, $3, $4, $5)`,
      [memberId, from, to, qualifying, cause],
    );
  }
}
