import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `member_qualifying(member, basis)`: the member's qualifying points (net of reversals) or spend over
 * the last 12 months, never below 0 — the tier rule's input, in one place.
 *
 * `checkout_finish(p)`: what a till award writes after its ledger journal, as one function call whose
 * statements keep their plans for the session: completes the receipt, writes the audit row and the
 * "points earned" notice (when given), and returns the member's qualifying amount and current tier.
 */
export class CheckoutFinish1764090000000 implements MigrationInterface {
  name = 'CheckoutFinish1764090000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION member_qualifying(m uuid, basis text) RETURNS bigint LANGUAGE plpgsql STABLE AS $fn$
      DECLARE
        q bigint;
      BEGIN
        IF basis = 'points' THEN
          SELECT coalesce(sum(amount) FILTER (WHERE kind = 'earn'), 0)
               - coalesce(sum(-((result->>'points')::bigint)) FILTER (WHERE kind = 'reverse' AND (result->>'points')::bigint < 0), 0)
            INTO q FROM ledger_journal WHERE member_id = m AND created_at > now() - interval '12 months';
        ELSE
          SELECT coalesce((SELECT sum(eligible_amount) FROM receipt WHERE member_id = m AND created_at > now() - interval '12 months'), 0)
               - coalesce((SELECT sum(f.eligible_amount) FROM receipt_refund f JOIN receipt r ON r.id = f.receipt_id
                            WHERE r.member_id = m AND f.created_at > now() - interval '12 months'), 0)
            INTO q;
        END IF;
        RETURN greatest(q, 0);
      END
      $fn$;

      CREATE FUNCTION checkout_finish(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $fn$
      DECLARE
        m uuid := (p->>'member_id')::uuid;
        q bigint;
        t text;
      BEGIN
        UPDATE receipt SET earn_journal_id = (p->>'journal_id')::uuid, response = p->'response'
         WHERE id = (p->>'receipt_id')::uuid;
        INSERT INTO audit_log (actor_type, actor_id, actor_role, actor_name, store_id, action, target_type, target_id, summary, reason, ip, request_id)
        SELECT a.actor_type, a.actor_id, a.actor_role, a.actor_name, a.store_id, a.action, a.target_type, a.target_id, a.summary, a.reason, a.ip, a.request_id
          FROM jsonb_populate_record(NULL::audit_log, p->'audit') a;
        IF jsonb_typeof(p->'notice') = 'object' THEN
          INSERT INTO notification (member_id, kind, title, body, link, due_at, dedupe_key)
          SELECT n.member_id, n.kind, n.title, n.body, n.link, n.due_at, n.dedupe_key
            FROM jsonb_populate_record(NULL::notification, p->'notice') n
          ON CONFLICT (member_id, dedupe_key) DO NOTHING;
        END IF;
        q := member_qualifying(m, p->>'basis');
        SELECT tier_id INTO t FROM member WHERE id = m;
        RETURN jsonb_build_object('q', q::text, 'tier_id', t);
      END
      $fn$;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP FUNCTION checkout_finish(jsonb); DROP FUNCTION member_qualifying(uuid, text);`,
    );
  }
}
