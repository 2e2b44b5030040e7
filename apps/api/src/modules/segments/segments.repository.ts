import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  birthdayMonthAt,
  type CampaignStatus,
  periodStart,
  type SegmentDefinition,
  type SegmentRule,
  signUpBounds,
} from '@tally/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf, uniqueViolation } from '../../database/rows.js';

export interface SegmentRow {
  id: string;
  seq: string;
  version: number;
  definition: SegmentDefinition;
  created_at: Date;
  updated_at: Date;
  archived_at: Date | null;
}

/** When and where rules are evaluated: periods end at `now`; "this month" is the month in `timeZone`. */
export interface EvaluationContext {
  now: Date;
  timeZone: string;
}

const COLUMNS = `s.id, s.seq::text AS seq, s.version, s.definition, s.created_at, s.updated_at, s.archived_at`;

/** Bound parameters of one statement: every value goes in as `$n`, never into the SQL text. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/** A member's receipts from `since` on, for a correlated subquery on the member `m`. */
const receiptsSince = (p: Params, since: Date) =>
  `FROM receipt r WHERE r.member_id = m.id AND r.created_at >= ${p.add(since, 'timestamptz')}`;

/** `value BETWEEN min AND max`, with either bound left out when it is null. */
function within(value: string, p: Params, min: number | null, max: number | null): string {
  if (min !== null && max !== null)
    return `${value} BETWEEN ${p.add(min, 'bigint')} AND ${p.add(max, 'bigint')}`;
  if (min !== null) return `${value} >= ${p.add(min, 'bigint')}`;
  return `${value} <= ${p.add(max, 'bigint')}`;
}

/**
 * One rule as a condition on the member row `m`. Receipt rules are correlated subqueries that the
 * receipt (member_id, created_at) index answers for one member at a time.
 */
function ruleCondition(rule: SegmentRule, p: Params, at: EvaluationContext): string {
  switch (rule.kind) {
    case 'tier':
      return `m.tier_id = ANY(${p.add(rule.tierIds, 'text[]')})`;
    case 'spend':
      // Eligible spend of the period's receipts, less what was refunded of those receipts.
      return within(
        `(SELECT coalesce(sum(r.eligible_amount - coalesce((SELECT sum(f.eligible_amount) FROM receipt_refund f WHERE f.receipt_id = r.id), 0)), 0)
           ${receiptsSince(p, periodStart(at.now, rule.days))})`,
        p,
        rule.min,
        rule.max,
      );
    case 'visits':
      return within(
        `(SELECT count(*) ${receiptsSince(p, periodStart(at.now, rule.days))})`,
        p,
        rule.min,
        rule.max,
      );
    case 'lastPurchase':
      return rule.mode === 'within'
        ? `EXISTS (SELECT 1 ${receiptsSince(p, periodStart(at.now, rule.days))})`
        : // NULL for a member who never bought, so they are not "lapsed".
          `(SELECT max(r.created_at) FROM receipt r WHERE r.member_id = m.id) < ${p.add(periodStart(at.now, rule.days), 'timestamptz')}`;
    case 'store':
      return `EXISTS (SELECT 1 ${receiptsSince(p, periodStart(at.now, rule.days))} AND r.store_id = ANY(${p.add(rule.storeIds, 'uuid[]')}))`;
    case 'birthdayMonth':
      return `extract(month FROM m.birthday) = ${p.add(birthdayMonthAt(rule.month, at.now, at.timeZone), 'int')}`;
    case 'signUp': {
      if (rule.withinDays !== null)
        return `m.created_at >= ${p.add(periodStart(at.now, rule.withinDays), 'timestamptz')}`;
      const { from, until } = signUpBounds(rule.from, rule.to);
      const parts: string[] = [];
      if (from) parts.push(`m.created_at >= ${p.add(from, 'timestamptz')}`);
      if (until) parts.push(`m.created_at < ${p.add(until, 'timestamptz')}`);
      return parts.join(' AND ');
    }
  }
}

/** All of a segment's rules as one condition on `m` (a member is in it when every rule holds). */
function segmentCondition(rules: readonly SegmentRule[], p: Params, at: EvaluationContext): string {
  return rules.map((rule) => `(${ruleCondition(rule, p, at)})`).join(' AND ');
}

@Injectable()
export class SegmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** How many active members match the rules now: one statement, every value a bound parameter. */
  async count(rules: readonly SegmentRule[], at: EvaluationContext): Promise<number> {
    const p = new Params();
    const rows = await this.dataSource.query<{ members: string }[]>(
      `SELECT count(*)::text AS members FROM member m WHERE m.status = 'active' AND ${segmentCondition(rules, p, at)}`,
      p.values,
    );
    return Number(rows[0]?.members ?? 0);
  }

  /**
   * Which of these segments one member is in: one statement for the member's row, one boolean column
   * per segment, so the till asks once however many segments its campaigns name.
   */
  async membership(
    memberId: string,
    segments: readonly { id: string; rules: readonly SegmentRule[] }[],
    at: EvaluationContext,
  ): Promise<string[]> {
    if (segments.length === 0) return [];
    const p = new Params();
    const member = p.add(memberId, 'uuid');
    const columns = segments.map((s, i) => `(${segmentCondition(s.rules, p, at)}) AS s${i}`).join(', ');
    const rows = await this.dataSource.query<Record<string, boolean>[]>(
      `SELECT ${columns} FROM member m WHERE m.id = ${member} AND m.status = 'active'`,
      p.values,
    );
    const row = rows[0];
    return row ? segments.filter((_, i) => row[`s${i}`] === true).map((s) => s.id) : [];
  }

  async insert(
    manager: EntityManager,
    definition: SegmentDefinition,
    staffId: string | null,
  ): Promise<SegmentRow | 'name_taken'> {
    try {
      const rows = await manager.query<SegmentRow[]>(
        `INSERT INTO segment AS s (name, definition, created_by, updated_by) VALUES ($1, $2, $3, $3) RETURNING ${COLUMNS}`,
        [definition.name, JSON.stringify(definition), staffId],
      );
      return rows[0]!;
    } catch (error) {
      if (uniqueViolation(error, 'segment_name_uq')) return 'name_taken';
      throw error;
    }
  }

  async find(id: string, manager?: EntityManager, lock = false): Promise<SegmentRow | undefined> {
    const rows = await (manager ?? this.dataSource).query<SegmentRow[]>(
      `SELECT ${COLUMNS} FROM segment s WHERE s.id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  /**
   * The segments with these ids, held (FOR SHARE) until the caller's transaction ends, so none can be
   * archived while a campaign that names it is being saved.
   */
  async findForUse(manager: EntityManager, ids: readonly string[]): Promise<SegmentRow[]> {
    return manager.query<SegmentRow[]>(
      `SELECT ${COLUMNS} FROM segment s WHERE s.id = ANY($1::uuid[]) ORDER BY s.id FOR SHARE`,
      [ids],
    );
  }

  /** Definitions by id (archived ones too: a live campaign keeps working until it is changed). */
  async definitions(ids: readonly string[]): Promise<{ id: string; definition: SegmentDefinition }[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query(`SELECT id, definition FROM segment WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async page(archived: boolean, beforeSeq: string | null, limit: number): Promise<SegmentRow[]> {
    return this.dataSource.query<SegmentRow[]>(
      `SELECT ${COLUMNS} FROM segment s
        WHERE (s.archived_at IS NOT NULL) = $1 AND ($2::bigint IS NULL OR s.seq < $2)
        ORDER BY s.seq DESC LIMIT $3`,
      [archived, beforeSeq, limit],
    );
  }

  async save(
    manager: EntityManager,
    id: string,
    definition: SegmentDefinition,
    staffId: string | null,
  ): Promise<SegmentRow | 'name_taken'> {
    try {
      const rows = rowsOf<SegmentRow>(
        await manager.query(
          `UPDATE segment s SET name = $2, definition = $3, version = version + 1, updated_by = $4, updated_at = now()
            WHERE s.id = $1 RETURNING ${COLUMNS}`,
          [id, definition.name, JSON.stringify(definition), staffId],
        ),
      );
      return rows[0]!;
    } catch (error) {
      if (uniqueViolation(error, 'segment_name_uq')) return 'name_taken';
      throw error;
    }
  }

  async archive(manager: EntityManager, id: string, staffId: string | null): Promise<SegmentRow> {
    const rows = rowsOf<SegmentRow>(
      await manager.query(
        `UPDATE segment s SET archived_at = now(), archived_by = $2, updated_at = now()
          WHERE s.id = $1 RETURNING ${COLUMNS}`,
        [id, staffId],
      ),
    );
    return rows[0]!;
  }

  /** Campaigns (not ended) whose audience names the segment, newest first. */
  async campaignsUsing(
    id: string,
    manager?: EntityManager,
  ): Promise<{ id: string; name: string; status: CampaignStatus }[]> {
    return (manager ?? this.dataSource).query(
      `SELECT c.id, c.definition->>'name' AS name, c.status FROM campaign c
        WHERE c.status <> 'ended' AND c.definition->'audience'->'segments' @> jsonb_build_array($1::text)
        ORDER BY c.seq DESC`,
      [id],
    );
  }

  /** Of these store ids, those that exist. */
  async knownStores(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM store WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => r.id);
  }
}
