import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Points that come back to a member who owes points pay the debt first, as an earn already does. A
 * partial refund of a receipt partly paid with points first takes back what the receipt earned (booked
 * as debt when it was spent) and then returns the points paid: the member was left with available
 * points and debt at once. `ledger_reverse` of a redemption (or a captured hold) now restores the lots,
 * then consumes up to the debt owed from the member's spendable lots, earliest expiry first (lot
 * consumption kind `debt`), and posts only the rest to `available`. Its result carries `debtPaid`.
 */
export class ReversePaysDebt1764100000001 implements MigrationInterface {
  name = 'ReversePaysDebt1764100000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(reverse(PAY_DEBT));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(reverse(BEFORE));
  }
}

/** The function with the end of its redemption branch (after the lots are restored) given. */
const reverse = (redemptionTail: string) => `
CREATE OR REPLACE FUNCTION ledger_reverse(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  replay jsonb := ledger_claim(p);
  j uuid := gen_random_uuid();
  orig record;
  acc record;
  r record;
  already bigint;
  want bigint;
  left_ bigint;
  take bigint;
  from_pending bigint := 0;
  from_available bigint := 0;
  to_debt bigint := 0;
  forgiven bigint := 0;
  source_journal uuid;
  source_kind text;
  paid bigint := 0;
BEGIN
  IF replay IS NOT NULL THEN RETURN replay; END IF;
  SELECT * INTO orig FROM ledger_journal WHERE id = (p->>'journalId')::uuid;
  IF NOT FOUND THEN RAISE EXCEPTION 'journal % not found', p->>'journalId' USING ERRCODE = 'TL003'; END IF;
  IF orig.kind NOT IN ('earn', 'redeem', 'capture') THEN
    RAISE EXCEPTION 'a % journal cannot be reversed', orig.kind USING ERRCODE = 'TL004';
  END IF;
  -- The member's account lock serialises every reversal of this member's journals.
  SELECT * INTO acc FROM ledger_lock_member(orig.member_id);
  SELECT coalesce(sum(amount), 0) INTO already FROM ledger_journal WHERE reverses_journal_id = orig.id;
  IF already >= orig.amount THEN
    RAISE EXCEPTION 'journal % is already fully reversed', orig.id USING ERRCODE = 'TL005';
  END IF;
  want := least(coalesce((p->>'points')::bigint, orig.amount - already), orig.amount - already);
  IF want <= 0 THEN RAISE EXCEPTION 'points must be positive' USING ERRCODE = 'TL010'; END IF;

  IF orig.kind = 'earn' THEN
    left_ := want;
    FOR r IN SELECT id, remaining, state FROM points_lot WHERE journal_id = orig.id AND remaining > 0 LOOP
      take := least(left_, r.remaining);
      EXIT WHEN take = 0;
      UPDATE points_lot SET remaining = remaining - take WHERE id = r.id;
      INSERT INTO lot_consumption (lot_id, journal_id, member_id, kind, amount) VALUES (r.id, j, orig.member_id, 'reverse', take);
      IF r.state = 'pending' THEN from_pending := from_pending + take; ELSE from_available := from_available + take; END IF;
      left_ := left_ - take;
    END LOOP;
    take := ledger_consume(orig.member_id, j, left_, 'reverse', now());
    from_available := from_available + take;
    left_ := left_ - take;
    IF left_ > 0 AND coalesce(p->>'policy', 'debt') = 'debt' THEN
      to_debt := left_;
    ELSE
      forgiven := left_;
    END IF;
    IF from_pending > 0 THEN PERFORM ledger_post_member(j, acc.pend_id, orig.member_id, -from_pending); END IF;
    IF from_available > 0 THEN PERFORM ledger_post_member(j, acc.avail_id, orig.member_id, -from_available); END IF;
    IF to_debt > 0 THEN PERFORM ledger_post_member(j, acc.debt_id, orig.member_id, -to_debt); END IF;
    PERFORM ledger_post_system(j, 'issuance', from_pending + from_available + to_debt);
    RETURN ledger_insert_journal(j, 'reverse', orig.member_id, want, p, orig.id, NULL,
      jsonb_build_object('points', -(from_pending + from_available + to_debt), 'forgiven', forgiven,
                         'toDebt', to_debt, 'holdId', NULL));
  END IF;

  -- A redemption (or a captured hold): put the points back where they came from.
  IF orig.kind = 'capture' THEN
    SELECT hold_journal_id INTO source_journal FROM ledger_hold WHERE id = orig.hold_id;
    source_kind := 'hold';
  ELSE
    source_journal := orig.id;
    source_kind := 'spend';
  END IF;
  left_ := want;
  FOR r IN
    SELECT c.lot_id, sum(c.amount) - coalesce((
             SELECT -sum(x.amount) FROM lot_consumption x JOIN ledger_journal rj ON rj.id = x.journal_id
              WHERE rj.reverses_journal_id = orig.id AND x.lot_id = c.lot_id AND x.kind = 'restore'), 0) AS net
      FROM lot_consumption c JOIN points_lot l ON l.id = c.lot_id
     WHERE c.journal_id = source_journal AND c.kind = source_kind
     GROUP BY c.lot_id, l.expires_at
     ORDER BY l.expires_at DESC NULLS FIRST, c.lot_id DESC
  LOOP
    EXIT WHEN left_ = 0;
    CONTINUE WHEN r.net <= 0;
    take := least(left_, r.net);
    UPDATE points_lot SET remaining = remaining + take WHERE id = r.lot_id;
    INSERT INTO lot_consumption (lot_id, journal_id, member_id, kind, amount) VALUES (r.lot_id, j, orig.member_id, 'restore', -take);
    left_ := left_ - take;
  END LOOP;
  IF left_ <> 0 THEN
    RAISE EXCEPTION 'the lots of journal % do not cover the reversal', orig.id USING ERRCODE = 'TL005';
  END IF;
${redemptionTail}END $$;
`;

const PAY_DEBT = `  PERFORM ledger_post_system(j, 'redeemed', -want);
  -- Points coming back pay the member's debt first, as an earn does: never points and debt at once.
  paid := ledger_consume(orig.member_id, j, least(want, acc.debt_owed), 'debt', now());
  IF want - paid > 0 THEN PERFORM ledger_post_member(j, acc.avail_id, orig.member_id, want - paid); END IF;
  IF paid > 0 THEN PERFORM ledger_post_member(j, acc.debt_id, orig.member_id, paid); END IF;
  RETURN ledger_insert_journal(j, 'reverse', orig.member_id, want, p, orig.id, NULL,
    jsonb_build_object('points', want, 'forgiven', 0, 'toDebt', 0, 'debtPaid', paid, 'holdId', NULL));
`;

const BEFORE = `  PERFORM ledger_post_system(j, 'redeemed', -want);
  PERFORM ledger_post_member(j, acc.avail_id, orig.member_id, want);
  RETURN ledger_insert_journal(j, 'reverse', orig.member_id, want, p, orig.id, NULL,
    jsonb_build_object('points', want, 'forgiven', 0, 'toDebt', 0, 'holdId', NULL));
`;
