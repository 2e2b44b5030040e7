import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface LiabilityMonthRow {
  month: string;
  issued: string;
  reversed: string;
  adjusted: string;
  redeemed: string;
  expired: string;
  outstanding_end: string;
}

export interface OutstandingRow {
  available: string;
  pending: string;
  held: string;
  debt: string;
}

/**
 * Programme reports, derived from the ledger's postings (no running totals are kept anywhere). The
 * system accounts say what a posting was: credits come out of `issuance` (negative there; an earn's
 * reversal puts them back), spending goes to `redeemed`, expiry to `expired`, corrections through
 * `adjustment`. Months are calendar months in UTC.
 */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async liabilityMonths(months: number): Promise<LiabilityMonthRow[]> {
    return this.dataSource.query(
      `WITH flows AS (
         SELECT date_trunc('month', p.created_at AT TIME ZONE 'UTC') AS month,
                coalesce(-sum(p.amount) FILTER (WHERE a.kind = 'issuance' AND p.amount < 0), 0) AS issued,
                coalesce(sum(p.amount) FILTER (WHERE a.kind = 'issuance' AND p.amount > 0), 0) AS reversed,
                coalesce(-sum(p.amount) FILTER (WHERE a.kind = 'adjustment'), 0) AS adjusted,
                coalesce(sum(p.amount) FILTER (WHERE a.kind = 'redeemed'), 0) AS redeemed,
                coalesce(sum(p.amount) FILTER (WHERE a.kind = 'expired'), 0) AS expired,
                coalesce(sum(p.amount) FILTER (WHERE a.kind IN ('available', 'pending')), 0) AS outstanding_change
           FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
          GROUP BY 1
       ), span AS (
         SELECT generate_series(
                  date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => $1 - 1),
                  date_trunc('month', now() AT TIME ZONE 'UTC'),
                  interval '1 month') AS month
       )
       SELECT to_char(s.month, 'YYYY-MM') AS month,
              coalesce(f.issued, 0)::text AS issued, coalesce(f.reversed, 0)::text AS reversed,
              coalesce(f.adjusted, 0)::text AS adjusted, coalesce(f.redeemed, 0)::text AS redeemed,
              coalesce(f.expired, 0)::text AS expired,
              (SELECT coalesce(sum(e.outstanding_change), 0) FROM flows e WHERE e.month <= s.month)::text AS outstanding_end
         FROM span s LEFT JOIN flows f ON f.month = s.month
        ORDER BY s.month`,
      [months],
    );
  }

  async outstanding(): Promise<OutstandingRow> {
    const rows: OutstandingRow[] = await this.dataSource.query(
      `SELECT coalesce(sum(balance) FILTER (WHERE kind = 'available'), 0)::text AS available,
              coalesce(sum(balance) FILTER (WHERE kind = 'pending'), 0)::text AS pending,
              coalesce(sum(held) FILTER (WHERE kind = 'available'), 0)::text AS held,
              coalesce(-sum(balance) FILTER (WHERE kind = 'debt'), 0)::text AS debt
         FROM ledger_account WHERE member_id IS NOT NULL`,
    );
    return rows[0]!;
  }
}
