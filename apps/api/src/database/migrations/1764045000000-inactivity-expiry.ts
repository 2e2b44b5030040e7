import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Expiry after inactivity: when a programme sets `inactivityMonths`, all of a member's available points
 * expire that many calendar months (UTC) after their last earn or spend.
 *
 * - `ledger_last_activity(m)`: when the member last earned (an earn, or an adjustment that credited
 *   them) or spent (a redeem or a hold). Releases, expiries, voids and reversals are the programme's
 *   doing, not the member's, so they do not count.
 * - `ledger_inactive_since(at, months)`: the moment points expire for a member last active at `at`.
 * - `ledger_expire_inactive(p)`: one journal of kind `expire` taking every available lot, written only if
 *   the member is still inactive once their lock is held: an earn or a spend that committed after the
 *   job chose the member keeps the points.
 */
export class InactivityExpiry1764045000000 implements MigrationInterface {
  name = 'InactivityExpiry1764045000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
CREATE FUNCTION ledger_last_activity(m uuid) RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT created_at FROM ledger_journal
   WHERE member_id = m
     AND (kind IN ('earn', 'redeem', 'hold') OR (kind = 'adjust' AND (result->>'points')::bigint > 0))
   ORDER BY member_id, seq DESC LIMIT 1
$$;

CREATE FUNCTION ledger_inactive_since(at timestamptz, months int) RETURNS timestamptz
LANGUAGE sql IMMUTABLE AS $$
  SELECT ((at AT TIME ZONE 'UTC') + make_interval(months => months)) AT TIME ZONE 'UTC'
$$;

CREATE FUNCTION ledger_expire_inactive(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  replay jsonb := ledger_claim(p);
  j uuid := gen_random_uuid();
  m uuid := (p->>'memberId')::uuid;
  as_of timestamptz := (p->>'asOf')::timestamptz;
  months int := (p->>'months')::int;
  acc record;
  r record;
  last_at timestamptz;
  total bigint := 0;
BEGIN
  IF replay IS NOT NULL THEN RETURN replay; END IF;
  SELECT * INTO acc FROM ledger_lock_member(m);
  last_at := ledger_last_activity(m);
  IF last_at IS NOT NULL AND ledger_inactive_since(last_at, months) <= as_of THEN
    FOR r IN SELECT id, remaining FROM points_lot
              WHERE member_id = m AND state = 'available' AND remaining > 0
              ORDER BY expires_at NULLS LAST, id LOOP
      UPDATE points_lot SET remaining = 0 WHERE id = r.id;
      INSERT INTO lot_consumption (lot_id, journal_id, member_id, kind, amount) VALUES (r.id, j, m, 'expire', r.remaining);
      total := total + r.remaining;
    END LOOP;
  END IF;
  IF total > 0 THEN
    PERFORM ledger_post_member(j, acc.avail_id, m, -total);
    PERFORM ledger_post_system(j, 'expired', total);
  END IF;
  RETURN ledger_insert_journal(j, 'expire', m, total, p, NULL, NULL,
    jsonb_build_object('points', total, 'holdId', NULL, 'asOf', as_of, 'lastActivityAt', last_at));
END $$;
`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
DROP FUNCTION IF EXISTS ledger_expire_inactive(jsonb), ledger_inactive_since(timestamptz, int),
  ledger_last_activity(uuid);
`);
  }
}
