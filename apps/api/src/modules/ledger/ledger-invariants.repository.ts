import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface Violation {
  ref: string;
  detail: string;
}

export interface InvariantQuery {
  name: string;
  description: string;
  sql: string;
}

const SAMPLE = 20;

/**
 * The six ledger invariants of DESIGN.md as SQL: each query returns the rows that break it (at most a
 * sample of them), so an empty result is a pass.
 */
export const INVARIANT_QUERIES: InvariantQuery[] = [
  {
    name: 'journals_balance',
    description:
      "every journal's postings sum to zero, all postings sum to zero, and every posting names an account",
    sql: `SELECT journal_id::text AS ref, 'postings sum to ' || sum(amount) AS detail
            FROM ledger_posting GROUP BY journal_id HAVING sum(amount) <> 0
          UNION ALL
          SELECT 'all', 'all postings sum to ' || sum(amount) FROM ledger_posting HAVING coalesce(sum(amount), 0) <> 0
          UNION ALL
          SELECT p.journal_id::text, 'posting ' || p.id || ' names no account ' || p.account_id
            FROM ledger_posting p LEFT JOIN ledger_account a ON a.id = p.account_id WHERE a.id IS NULL
          LIMIT ${SAMPLE}`,
  },
  {
    name: 'materialised_balances',
    description: 'every materialised balance equals the sum of its postings, and held equals the open holds',
    sql: `SELECT a.id::text AS ref, a.kind || ' balance ' || a.balance || ' but postings sum to ' || coalesce(p.s, 0) AS detail
            FROM ledger_account a
            LEFT JOIN (SELECT account_id, sum(amount) AS s FROM ledger_posting GROUP BY account_id) p ON p.account_id = a.id
           WHERE a.member_id IS NOT NULL AND a.balance <> coalesce(p.s, 0)
          UNION ALL
          SELECT a.id::text, 'held ' || a.held || ' but open holds sum to ' || coalesce(h.s, 0)
            FROM ledger_account a
            LEFT JOIN (SELECT member_id, sum(amount) AS s FROM ledger_hold WHERE status = 'held' GROUP BY member_id) h
              ON h.member_id = a.member_id
           WHERE a.kind = 'available' AND a.held <> coalesce(h.s, 0)
          LIMIT ${SAMPLE}`,
  },
  {
    name: 'floors',
    description: 'no account below its floor (available never negative, debt never positive)',
    sql: `SELECT id::text AS ref, kind || ' balance ' || balance || ' held ' || held || ' floor ' || coalesce(floor::text, 'none') AS detail
            FROM ledger_account
           WHERE (floor IS NOT NULL AND balance - held < floor) OR held < 0 OR (kind = 'debt' AND balance > 0)
          LIMIT ${SAMPLE}`,
  },
  {
    name: 'lots',
    description:
      'lot remaining sums to the available (less held) and pending balances; no lot consumed out of expiry order or after it expired',
    sql: `SELECT l.id::text AS ref, 'remaining ' || l.remaining || ' but amount less consumption is ' || (l.amount - coalesce(c.s, 0)) AS detail
            FROM points_lot l LEFT JOIN (SELECT lot_id, sum(amount) AS s FROM lot_consumption GROUP BY lot_id) c ON c.lot_id = l.id
           WHERE l.remaining <> l.amount - coalesce(c.s, 0)
          UNION ALL
          SELECT a.member_id::text, a.kind || ' balance less held is ' || (a.balance - a.held) || ' but its lots hold ' || coalesce(l.s, 0)
            FROM ledger_account a
            LEFT JOIN (SELECT member_id, state, sum(remaining) AS s FROM points_lot GROUP BY member_id, state) l
              ON l.member_id = a.member_id AND l.state = a.kind
           WHERE a.kind IN ('available', 'pending') AND a.balance - a.held <> coalesce(l.s, 0)
          UNION ALL
          SELECT c.journal_id::text, 'lot ' || c.lot_id || ' spent at ' || c.created_at || ' after it expired at ' || l.expires_at
            FROM lot_consumption c JOIN points_lot l ON l.id = c.lot_id
           WHERE c.kind IN ('spend', 'hold') AND l.expires_at IS NOT NULL AND c.created_at >= l.expires_at
          UNION ALL
          SELECT s.journal_id::text, 'spent a lot expiring ' || s.max_exp || ' while lot ' || o.id || ' expiring ' || o.expires_at || ' still had points'
            FROM (SELECT c.journal_id, c.member_id, max(c.id) AS last_c, min(c.created_at) AS at,
                         max(coalesce(l.expires_at, 'infinity'::timestamptz)) AS max_exp
                    FROM lot_consumption c JOIN points_lot l ON l.id = c.lot_id
                   WHERE c.kind IN ('spend', 'hold') GROUP BY c.journal_id, c.member_id) s
            JOIN points_lot o ON o.member_id = s.member_id
           WHERE o.state = 'available' AND o.available_at <= s.at
             AND coalesce(o.expires_at, 'infinity'::timestamptz) < s.max_exp
             AND coalesce(o.expires_at, 'infinity'::timestamptz) > s.at
             AND o.amount - coalesce((SELECT sum(x.amount) FROM lot_consumption x WHERE x.lot_id = o.id AND x.id <= s.last_c), 0) > 0
          LIMIT ${SAMPLE}`,
  },
  {
    name: 'idempotency',
    description: 'an idempotency key maps to at most one journal',
    sql: `SELECT idempotency_scope || '/' || idempotency_key AS ref, count(*) || ' journals' AS detail
            FROM ledger_journal GROUP BY idempotency_scope, idempotency_key HAVING count(*) > 1
          LIMIT ${SAMPLE}`,
  },
  {
    name: 'reversals_and_holds',
    description: 'reversals of a journal never exceed it; a hold resolves at most once',
    sql: `SELECT o.id::text AS ref, 'reversed ' || r.s || ' of ' || o.amount AS detail
            FROM ledger_journal o
            JOIN (SELECT reverses_journal_id AS id, sum(amount) AS s FROM ledger_journal
                   WHERE reverses_journal_id IS NOT NULL GROUP BY reverses_journal_id) r ON r.id = o.id
           WHERE r.s > o.amount
          UNION ALL
          SELECT h.id::text, h.status || ' with ' || count(j.id) || ' resolutions'
            FROM ledger_hold h LEFT JOIN ledger_journal j ON j.hold_id = h.id AND j.kind IN ('capture', 'void')
           GROUP BY h.id, h.status
          HAVING count(j.id) > 1 OR (h.status = 'held') <> (count(j.id) = 0)
          LIMIT ${SAMPLE}`,
  },
];

@Injectable()
export class LedgerInvariantsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async violations(query: InvariantQuery): Promise<Violation[]> {
    return this.dataSource.query(query.sql);
  }
}
