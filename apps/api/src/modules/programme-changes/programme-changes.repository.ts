import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Programme, type ProgrammeDifference } from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../../database/rows.js';

export interface ProgrammeChangeRow {
  id: string;
  status: 'announced' | 'applied' | 'withdrawn';
  effective_at: Date;
  patch: Partial<Programme>;
  reward_prices: { rewardId: string; costPoints: number }[];
  differences: ProgrammeDifference[];
  worse: boolean;
  announced_by: string | null;
  announced_at: Date;
  applied_at: Date | null;
  withdrawn_at: Date | null;
}

const COLUMNS = `id, status, effective_at, patch, reward_prices, differences, worse, announced_by, announced_at,
  applied_at, withdrawn_at`;

@Injectable()
export class ProgrammeChangesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    change: Pick<ProgrammeChangeRow, 'effective_at' | 'patch' | 'reward_prices' | 'differences' | 'worse'> & {
      noticeDays: number;
      announcedBy: string | null;
    },
  ): Promise<ProgrammeChangeRow> {
    const rows = await manager.query<ProgrammeChangeRow[]>(
      `INSERT INTO programme_change (effective_at, patch, reward_prices, differences, worse, notice_days, announced_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [
        change.effective_at,
        JSON.stringify(change.patch),
        JSON.stringify(change.reward_prices),
        JSON.stringify(change.differences),
        change.worse,
        change.noticeDays,
        change.announcedBy,
      ],
    );
    return rows[0]!;
  }

  async list(limit: number): Promise<ProgrammeChangeRow[]> {
    return this.dataSource.query<ProgrammeChangeRow[]>(
      `SELECT ${COLUMNS} FROM programme_change ORDER BY seq DESC LIMIT $1`,
      [limit],
    );
  }

  async upcoming(now: Date): Promise<ProgrammeChangeRow[]> {
    return this.dataSource.query<ProgrammeChangeRow[]>(
      `SELECT ${COLUMNS} FROM programme_change WHERE status = 'announced' AND effective_at > $1
        ORDER BY effective_at, seq`,
      [now],
    );
  }

  async find(manager: EntityManager, id: string): Promise<ProgrammeChangeRow | undefined> {
    const rows = await manager.query<ProgrammeChangeRow[]>(
      `SELECT ${COLUMNS} FROM programme_change WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  /** Announced changes due by `now`, oldest first, locked so one worker applies each. */
  async due(manager: EntityManager, now: Date): Promise<ProgrammeChangeRow[]> {
    return manager.query<ProgrammeChangeRow[]>(
      `SELECT ${COLUMNS} FROM programme_change WHERE status = 'announced' AND effective_at <= $1
        ORDER BY effective_at, seq FOR UPDATE SKIP LOCKED`,
      [now],
    );
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    status: 'applied' | 'withdrawn',
  ): Promise<ProgrammeChangeRow> {
    const rows = rowsOf<ProgrammeChangeRow>(
      await manager.query(
        `UPDATE programme_change SET status = $2,
                applied_at = CASE WHEN $2 = 'applied' THEN now() ELSE applied_at END,
                withdrawn_at = CASE WHEN $2 = 'withdrawn' THEN now() ELSE withdrawn_at END
          WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, status],
      ),
    );
    return rows[0]!;
  }
}
