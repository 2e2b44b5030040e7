import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CampaignDefinition,
  type CampaignSimulationStatus,
  type Programme,
  type ReceiptLine,
  type SimulatedMember,
  type SimulationTotals,
} from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../../database/rows.js';

export interface SimulationRow {
  id: string;
  seq: string;
  campaign_id: string;
  campaign_version: number;
  definition: CampaignDefinition;
  programme: Programme;
  period_from: Date;
  period_to: Date;
  status: CampaignSimulationStatus;
  total_receipts: string | null;
  processed_receipts: string;
  cursor_receipt_id: string | null;
  points_issued: string;
  receipts_matched: string;
  members_reached: string;
  budget_exhausted_at: Date | null;
  error: string | null;
  requested_by: string | null;
  requested_by_name: string | null;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
}

/** A stored till receipt with the member as the till saw them at the sale. */
export interface SaleRow {
  id: string;
  receipt_ref: string;
  member_id: string;
  currency: string;
  lines: ReceiptLine[];
  created_at: Date;
  timezone: string;
  joined_at: Date;
  birthday: string | null;
  tier_id: string | null;
}

interface MemberStateRow {
  member_id: string;
  period_start: Date | null;
  period_points: string;
  points: string;
}

const COLUMNS = `s.id, s.seq::text AS seq, s.campaign_id, s.campaign_version, s.definition, s.programme,
  s.period_from, s.period_to, s.status, s.total_receipts::text AS total_receipts,
  s.processed_receipts::text AS processed_receipts, s.cursor_receipt_id, s.points_issued::text AS points_issued,
  s.receipts_matched::text AS receipts_matched, s.members_reached::text AS members_reached,
  s.budget_exhausted_at, s.error, s.requested_by, u.name AS requested_by_name, s.requested_at,
  s.started_at, s.finished_at, s.updated_at`;
const FROM = `campaign_simulation s LEFT JOIN staff_user u ON u.id = s.requested_by`;

@Injectable()
export class SimulationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    s: {
      campaignId: string;
      campaignVersion: number;
      definition: CampaignDefinition;
      programme: Programme;
      from: Date;
      to: Date;
      requestedBy: string | null;
    },
  ): Promise<string> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO campaign_simulation (campaign_id, campaign_version, definition, programme, period_from, period_to, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        s.campaignId,
        s.campaignVersion,
        JSON.stringify(s.definition),
        JSON.stringify(s.programme),
        s.from,
        s.to,
        s.requestedBy,
      ],
    );
    return rows[0]!.id;
  }

  async find(campaignId: string, id: string, manager?: EntityManager): Promise<SimulationRow | undefined> {
    const rows = await (manager ?? this.dataSource).query<SimulationRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE s.id = $1 AND s.campaign_id = $2`,
      [id, campaignId],
    );
    return rows[0];
  }

  async page(campaignId: string, beforeSeq: string | null, limit: number): Promise<SimulationRow[]> {
    return this.dataSource.query<SimulationRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE s.campaign_id = $1 AND ($2::bigint IS NULL OR s.seq < $2)
        ORDER BY s.seq DESC LIMIT $3`,
      [campaignId, beforeSeq, limit],
    );
  }

  /**
   * Cancels a waiting or running simulation. A batch in progress holds the row, so this waits for it
   * to commit and the job never starts another batch of a cancelled simulation.
   */
  async cancel(manager: EntityManager, campaignId: string, id: string): Promise<boolean> {
    const rows = rowsOf<{ id: string }>(
      await manager.query(
        `UPDATE campaign_simulation SET status = 'cancelled', finished_at = now(), updated_at = now()
          WHERE id = $1 AND campaign_id = $2 AND status IN ('queued', 'running') RETURNING id`,
        [id, campaignId],
      ),
    );
    if (rows.length === 0) return false;
    await this.clearMembers(manager, id);
    return true;
  }

  /**
   * The simulation to work on next: waiting or running, the one that moved longest ago first (so a long
   * one does not hold up the others), locked for this batch; SKIP LOCKED lets another worker take
   * another simulation meanwhile.
   */
  async claimNext(manager: EntityManager): Promise<SimulationRow | undefined> {
    const rows = await manager.query<SimulationRow[]>(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE s.id = (SELECT id FROM campaign_simulation
                       WHERE status IN ('queued', 'running')
                       ORDER BY updated_at, seq LIMIT 1 FOR UPDATE SKIP LOCKED)`,
    );
    return rows[0];
  }

  /** Till receipts in the period (claims' receipts carry no lines, so there is nothing to simulate on). */
  async countSales(manager: EntityManager, from: Date, to: Date): Promise<number> {
    const rows = await manager.query<{ n: string }[]>(
      `SELECT count(*)::text AS n FROM receipt WHERE source = 'till' AND created_at >= $1 AND created_at < $2`,
      [from, to],
    );
    return Number(rows[0]!.n);
  }

  async markRunning(manager: EntityManager, id: string, total: number): Promise<void> {
    await manager.query(
      `UPDATE campaign_simulation SET status = 'running', total_receipts = $2, started_at = now(), updated_at = now()
        WHERE id = $1`,
      [id, total],
    );
  }

  /**
   * The next till receipts of the period after `afterId`, in the order they were recorded, each with
   * the member's tier at the sale: the tier of the last change before it, else the tier the first change
   * after it started from, else the member's tier now (a tier change is written in the award's own
   * transaction, so one made by this sale is "after" it: the till priced the sale with the tier before).
   */
  async salesAfter(
    manager: EntityManager,
    from: Date,
    to: Date,
    afterId: string | null,
    limit: number,
  ): Promise<SaleRow[]> {
    return manager.query<SaleRow[]>(
      `SELECT r.id, r.receipt_ref, r.member_id, r.currency, r.lines, r.created_at, st.timezone,
              m.created_at AS joined_at, m.birthday::text AS birthday,
              CASE WHEN before.found THEN before.to_tier WHEN after.found THEN after.from_tier ELSE m.tier_id END AS tier_id
         FROM receipt r
         JOIN store st ON st.id = r.store_id
         JOIN member m ON m.id = r.member_id
         LEFT JOIN LATERAL (SELECT true AS found, tc.to_tier FROM tier_change tc
                             WHERE tc.member_id = r.member_id AND tc.created_at < r.created_at
                             ORDER BY tc.id DESC LIMIT 1) before ON true
         LEFT JOIN LATERAL (SELECT true AS found, tc.from_tier FROM tier_change tc
                             WHERE tc.member_id = r.member_id AND tc.created_at >= r.created_at
                             ORDER BY tc.id LIMIT 1) after ON true
        WHERE r.source = 'till' AND r.created_at >= $1 AND r.created_at < $2
          AND ($3::uuid IS NULL OR (r.created_at, r.id) > ((SELECT created_at FROM receipt WHERE id = $3), $3::uuid))
        ORDER BY r.created_at, r.id LIMIT $4`,
      [from, to, afterId, limit],
    );
  }

  async members(
    manager: EntityManager,
    simulationId: string,
    memberIds: string[],
  ): Promise<Map<string, SimulatedMember>> {
    const rows = await manager.query<MemberStateRow[]>(
      `SELECT member_id, period_start, period_points::text AS period_points, points::text AS points
         FROM campaign_simulation_member WHERE simulation_id = $1 AND member_id = ANY($2::uuid[])`,
      [simulationId, memberIds],
    );
    return new Map(
      rows.map((row) => [
        row.member_id,
        {
          periodStart: row.period_start ? new Date(row.period_start) : null,
          periodPoints: Number(row.period_points),
          points: Number(row.points),
        },
      ]),
    );
  }

  async saveMembers(
    manager: EntityManager,
    simulationId: string,
    members: Map<string, SimulatedMember>,
  ): Promise<void> {
    if (members.size === 0) return;
    const entries = [...members.entries()];
    await manager.query(
      `INSERT INTO campaign_simulation_member (simulation_id, member_id, period_start, period_points, points)
       SELECT $1, * FROM unnest($2::uuid[], $3::timestamptz[], $4::bigint[], $5::bigint[])
       ON CONFLICT (simulation_id, member_id) DO UPDATE
         SET period_start = EXCLUDED.period_start, period_points = EXCLUDED.period_points, points = EXCLUDED.points`,
      [
        simulationId,
        entries.map(([id]) => id),
        entries.map(([, m]) => m.periodStart?.toISOString() ?? null),
        entries.map(([, m]) => m.periodPoints),
        entries.map(([, m]) => m.points),
      ],
    );
  }

  async clearMembers(manager: EntityManager, simulationId: string): Promise<void> {
    await manager.query(`DELETE FROM campaign_simulation_member WHERE simulation_id = $1`, [simulationId]);
  }

  /** Saves a batch's progress; `finished` closes the simulation (its total becomes what was read, if it ran to the end). */
  async saveProgress(
    manager: EntityManager,
    id: string,
    p: {
      processed: number;
      cursor: string | null;
      totals: SimulationTotals;
      finished: 'end' | 'budget' | null;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE campaign_simulation
          SET processed_receipts = $2, cursor_receipt_id = $3, points_issued = $4, receipts_matched = $5,
              members_reached = $6, budget_exhausted_at = $7, updated_at = now(),
              status = CASE WHEN $8::text IS NULL THEN status ELSE 'done' END,
              finished_at = CASE WHEN $8::text IS NULL THEN NULL ELSE now() END,
              total_receipts = CASE WHEN $8::text = 'end' THEN $2 ELSE total_receipts END
        WHERE id = $1`,
      [
        id,
        p.processed,
        p.cursor,
        p.totals.pointsIssued,
        p.totals.receiptsMatched,
        p.totals.membersReached,
        p.totals.budgetExhaustedAt,
        p.finished,
      ],
    );
  }

  /** Marks a simulation failed, unless it was cancelled or finished meanwhile. */
  async fail(id: string, error: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rows = rowsOf<{ id: string }>(
        await manager.query(
          `UPDATE campaign_simulation SET status = 'failed', error = $2, finished_at = now(), updated_at = now()
            WHERE id = $1 AND status IN ('queued', 'running') RETURNING id`,
          [id, error],
        ),
      );
      if (rows.length > 0) await this.clearMembers(manager, id);
    });
  }
}
