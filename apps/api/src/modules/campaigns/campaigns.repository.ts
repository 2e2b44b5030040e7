import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CampaignDefinition, type CampaignStatus } from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../../database/rows.js';

export interface CampaignRow {
  id: string;
  seq: string;
  status: CampaignStatus;
  version: number;
  definition: CampaignDefinition;
  budget_points: string | null;
  issued_points: string;
  halted_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface CampaignVersionRow {
  version: number;
  change: string;
  status: CampaignStatus;
  definition: CampaignDefinition;
  changed_by: string | null;
  changed_by_name: string | null;
  changed_at: Date;
  reason: string | null;
}

export interface LockedCampaign {
  id: string;
  budget_points: string | null;
  issued_points: string;
}

export interface DailyIssueRow {
  date: string;
  points: string;
  members: string;
  receipts: string;
}

const COLUMNS = `c.id, c.seq::text AS seq, c.status, c.version, c.definition, c.budget_points::text AS budget_points,
  c.issued_points::text AS issued_points, c.halted_reason, c.created_at, c.updated_at`;

@Injectable()
export class CampaignsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    definition: CampaignDefinition,
    createdBy: string | null,
  ): Promise<CampaignRow> {
    const rows = await manager.query<CampaignRow[]>(
      `INSERT INTO campaign AS c (status, definition, starts_at, ends_at, budget_points, created_by)
       VALUES ('draft', $1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [
        JSON.stringify(definition),
        definition.window.startsAt,
        definition.window.endsAt,
        definition.limits.budgetPoints,
        createdBy,
      ],
    );
    return rows[0]!;
  }

  async find(id: string, manager?: EntityManager, lock = false): Promise<CampaignRow | undefined> {
    const rows = await (manager ?? this.dataSource).query<CampaignRow[]>(
      `SELECT ${COLUMNS} FROM campaign c WHERE c.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  async page(
    status: CampaignStatus | undefined,
    beforeSeq: string | null,
    limit: number,
  ): Promise<CampaignRow[]> {
    return this.dataSource.query<CampaignRow[]>(
      `SELECT ${COLUMNS} FROM campaign c
        WHERE ($1::text IS NULL OR c.status = $1) AND ($2::bigint IS NULL OR c.seq < $2)
        ORDER BY c.seq DESC LIMIT $3`,
      [status ?? null, beforeSeq, limit],
    );
  }

  /** Saves a new definition; the budget may not drop below what was already issued (the CHECK refuses). */
  async saveDefinition(
    manager: EntityManager,
    id: string,
    definition: CampaignDefinition,
  ): Promise<CampaignRow> {
    const rows = rowsOf<CampaignRow>(
      await manager.query(
        `UPDATE campaign c SET definition = $2, version = version + 1, starts_at = $3, ends_at = $4, budget_points = $5,
                halted_reason = CASE WHEN $5::bigint IS NULL OR $5::bigint > issued_points THEN NULL ELSE halted_reason END,
                updated_at = now()
          WHERE c.id = $1 RETURNING ${COLUMNS}`,
        [
          id,
          JSON.stringify(definition),
          definition.window.startsAt,
          definition.window.endsAt,
          definition.limits.budgetPoints,
        ],
      ),
    );
    return rows[0]!;
  }

  async setStatus(manager: EntityManager, id: string, status: CampaignStatus): Promise<CampaignRow> {
    const rows = rowsOf<CampaignRow>(
      await manager.query(
        `UPDATE campaign c SET status = $2, updated_at = now() WHERE c.id = $1 RETURNING ${COLUMNS}`,
        [id, status],
      ),
    );
    return rows[0]!;
  }

  async appendVersion(
    manager: EntityManager,
    row: CampaignRow,
    change: string,
    changedBy: string | null,
    reason: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO campaign_version (campaign_id, version, change, status, definition, changed_by, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.id, row.version, change, row.status, JSON.stringify(row.definition), changedBy, reason],
    );
  }

  async versions(id: string): Promise<CampaignVersionRow[]> {
    return this.dataSource.query<CampaignVersionRow[]>(
      // changed_by is text without a foreign key, so the join compares as text and may find no one.
      `SELECT v.version, v.change, v.status, v.definition, v.changed_by, u.name AS changed_by_name, v.changed_at, v.reason
         FROM campaign_version v LEFT JOIN staff_user u ON u.id::text = v.changed_by
        WHERE v.campaign_id = $1 ORDER BY v.seq DESC`,
      [id],
    );
  }

  /** Live campaigns whose dates cover `now`, for the till. */
  async live(now: Date): Promise<CampaignRow[]> {
    return this.dataSource.query<CampaignRow[]>(
      `SELECT ${COLUMNS} FROM campaign c
        WHERE c.status = 'live' AND c.starts_at <= $1 AND (c.ends_at IS NULL OR c.ends_at > $1)`,
      [now],
    );
  }

  /** Campaigns whose dates say they should start or end by `now`, locked so one worker moves each. */
  async dueForTransition(manager: EntityManager, now: Date, limit: number): Promise<CampaignRow[]> {
    return manager.query<CampaignRow[]>(
      `SELECT ${COLUMNS} FROM campaign c
        WHERE (c.status = 'scheduled' AND c.starts_at <= $1)
           OR (c.status IN ('scheduled', 'live', 'paused') AND c.ends_at <= $1)
        ORDER BY c.seq LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  /**
   * Locks the limited campaigns an award may draw on, always in id order so two awards never wait on
   * each other in opposite orders. The lock is what makes the budget hold under concurrency.
   */
  async lockForIssue(manager: EntityManager, ids: string[]): Promise<LockedCampaign[]> {
    return manager.query<LockedCampaign[]>(
      `SELECT id, budget_points::text AS budget_points, issued_points::text AS issued_points
         FROM campaign WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
  }

  async memberIssued(
    manager: EntityManager,
    campaignId: string,
    memberId: string,
    since: Date | null,
  ): Promise<number> {
    const rows = await manager.query<{ points: string }[]>(
      `SELECT coalesce(sum(points), 0)::text AS points FROM campaign_issue
        WHERE campaign_id = $1 AND member_id = $2 AND ($3::timestamptz IS NULL OR created_at >= $3)`,
      [campaignId, memberId, since],
    );
    return Number(rows[0]!.points);
  }

  /** Records an award's campaign points and adds them to each campaign's total, halting a spent budget. */
  async recordIssue(
    manager: EntityManager,
    memberId: string,
    receiptId: string,
    issues: { campaignId: string; points: number }[],
  ): Promise<void> {
    if (issues.length === 0) return;
    await manager.query(
      `WITH issued AS (
         INSERT INTO campaign_issue (campaign_id, member_id, receipt_id, points)
         SELECT * FROM unnest($1::uuid[], array_fill($2::uuid, ARRAY[cardinality($1::uuid[])]),
                              array_fill($3::uuid, ARRAY[cardinality($1::uuid[])]), $4::bigint[])
         RETURNING campaign_id, points)
       UPDATE campaign c SET issued_points = c.issued_points + i.points,
              halted_reason = CASE WHEN c.budget_points IS NOT NULL AND c.issued_points + i.points >= c.budget_points
                                   THEN 'Budget spent' ELSE c.halted_reason END
         FROM issued i WHERE c.id = i.campaign_id`,
      [issues.map((i) => i.campaignId), memberId, receiptId, issues.map((i) => i.points)],
    );
  }

  async statsTotals(id: string): Promise<{ members: string; receipts: string }> {
    const rows = await this.dataSource.query<{ members: string; receipts: string }[]>(
      `SELECT count(DISTINCT member_id)::text AS members, count(*)::text AS receipts FROM campaign_issue WHERE campaign_id = $1`,
      [id],
    );
    return rows[0]!;
  }

  async statsDaily(id: string): Promise<DailyIssueRow[]> {
    return this.dataSource.query<DailyIssueRow[]>(
      `SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS date,
              sum(points)::text AS points, count(DISTINCT member_id)::text AS members, count(*)::text AS receipts
         FROM campaign_issue WHERE campaign_id = $1 GROUP BY 1 ORDER BY 1`,
      [id],
    );
  }

  /** Redemptions by participating members after their first purchase in the campaign. */
  async redemptionsAfter(id: string): Promise<{ members: string; points: string }> {
    const rows = await this.dataSource.query<{ members: string; points: string }[]>(
      `WITH first AS (SELECT member_id, min(created_at) AS at FROM campaign_issue WHERE campaign_id = $1 GROUP BY member_id)
       SELECT count(DISTINCT j.member_id)::text AS members, coalesce(sum(j.amount), 0)::text AS points
         FROM ledger_journal j JOIN first f ON f.member_id = j.member_id AND j.created_at >= f.at
        WHERE j.kind IN ('redeem', 'capture')`,
      [id],
    );
    return rows[0]!;
  }
}
