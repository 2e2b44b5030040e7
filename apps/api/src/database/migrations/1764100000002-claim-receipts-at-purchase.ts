import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** `member_qualifying` with or without the points of approved claims (points basis). */
const qualifying = (claims: string) => `
CREATE OR REPLACE FUNCTION member_qualifying(m uuid, basis text) RETURNS bigint LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  q bigint;
BEGIN
  IF basis = 'points' THEN
    SELECT coalesce(sum(amount) FILTER (WHERE kind = 'earn'), 0)
         - coalesce(sum(-((result->>'points')::bigint)) FILTER (WHERE kind = 'reverse' AND (result->>'points')::bigint < 0), 0)
      INTO q FROM ledger_journal WHERE member_id = m AND created_at > now() - interval '12 months';${claims}
  ELSE
    SELECT coalesce((SELECT sum(eligible_amount) FROM receipt WHERE member_id = m AND created_at > now() - interval '12 months'), 0)
         - coalesce((SELECT sum(f.eligible_amount) FROM receipt_refund f JOIN receipt r ON r.id = f.receipt_id
                      WHERE r.member_id = m AND f.created_at > now() - interval '12 months'), 0)
      INTO q;
  END IF;
  RETURN greatest(q, 0);
END
$fn$;
`;

const CLAIMS = `
    -- A missing-points claim credits its receipt by adjustment: it counts from the day of the purchase.
    q := q + coalesce((SELECT sum(earned_points) FROM receipt
                        WHERE member_id = m AND source = 'claim' AND created_at > now() - interval '12 months'), 0);`;

/**
 * A receipt credited by an approved missing-points claim is dated at the purchase (noon of the claimed
 * day in the store's time zone, never later than the approval), not at the approval, so the tier rule
 * and segments read it on the day it happened; receipts credited before this change are re-dated the
 * same way. The points tier counts a claim's points from that day too (they are an adjustment journal,
 * which it did not count at all), with a small partial index so the till's earn pays nothing for it.
 */
export class ClaimReceiptsAtPurchase1764100000002 implements MigrationInterface {
  name = 'ClaimReceiptsAtPurchase1764100000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE receipt r SET created_at = least(r.created_at, (c.purchased_on + time '12:00') AT TIME ZONE s.timezone)
        FROM points_claim c JOIN store s ON s.id = c.store_id
       WHERE c.receipt_id = r.id AND r.source = 'claim';
      CREATE INDEX receipt_claim_member_ix ON receipt (member_id, created_at) WHERE source = 'claim';
      ${qualifying(CLAIMS)}
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX receipt_claim_member_ix;
      ${qualifying('')}
    `);
  }
}
