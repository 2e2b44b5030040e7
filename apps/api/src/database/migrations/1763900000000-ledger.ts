import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The points ledger: accounts, journals, insert-only postings, lots, holds, and the journal functions
 * that make each ledger operation one round trip (see ARCHITECTURE.md, "The ledger").
 */
export class Ledger1763900000000 implements MigrationInterface {
  name = 'Ledger1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(SCHEMA);
    await queryRunner.query(FUNCTIONS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(DOWN);
  }
}

const SCHEMA = `
-- Tally points ledger: tables, append-only guards and the one-round-trip journal functions.
-- Runs on PostgreSQL 15+ and on PGlite (PostgreSQL 18 in WebAssembly); nothing here is server-only.

CREATE TABLE ledger_account (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id   uuid,
  kind        text NOT NULL,
  -- Materialised for member accounts only; system accounts keep 0 here and derive their balance
  -- from postings, so no checkout ever waits on a shared row.
  balance     bigint NOT NULL DEFAULT 0,
  held        bigint NOT NULL DEFAULT 0,
  floor       bigint,
  version     bigint NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ledger_account_kind_ck CHECK (
    (member_id IS NOT NULL AND kind IN ('available', 'pending', 'debt'))
    OR (member_id IS NULL AND kind IN ('issuance', 'redeemed', 'expired', 'adjustment'))),
  CONSTRAINT ledger_account_held_ck CHECK (held >= 0 AND (kind = 'available' OR held = 0)),
  CONSTRAINT ledger_account_floor_ck CHECK (floor IS NULL OR balance - held >= floor),
  CONSTRAINT ledger_account_debt_ck CHECK (kind <> 'debt' OR balance <= 0),
  CONSTRAINT ledger_account_system_ck CHECK (member_id IS NOT NULL OR (balance = 0 AND held = 0))
);
CREATE UNIQUE INDEX ledger_account_member_kind_uq ON ledger_account (member_id, kind) WHERE member_id IS NOT NULL;
CREATE UNIQUE INDEX ledger_account_system_kind_uq ON ledger_account (kind) WHERE member_id IS NULL;
INSERT INTO ledger_account (kind) VALUES ('issuance'), ('redeemed'), ('expired'), ('adjustment');

CREATE TABLE ledger_journal (
  id                  uuid PRIMARY KEY,
  seq                 bigint GENERATED ALWAYS AS IDENTITY,
  kind                text NOT NULL CHECK (kind IN ('earn','release','redeem','hold','capture','void','reverse','expire','adjust')),
  member_id           uuid NOT NULL,
  -- The business amount: points earned, spent, held, reversed (requested and capped), expired.
  amount              bigint NOT NULL CHECK (amount >= 0),
  actor_type          text NOT NULL CHECK (actor_type IN ('member','staff','api_key','system')),
  actor_id            text NOT NULL,
  store_id            uuid,
  external_ref        text,
  reason              text,
  idempotency_scope   text NOT NULL,
  idempotency_key     text NOT NULL,
  request_hash        text NOT NULL,
  reverses_journal_id uuid REFERENCES ledger_journal (id),
  hold_id             uuid,
  metadata            jsonb,
  result              jsonb NOT NULL,
  created_at          timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE UNIQUE INDEX ledger_journal_idempotency_uq ON ledger_journal (idempotency_scope, idempotency_key);
CREATE UNIQUE INDEX ledger_journal_seq_uq ON ledger_journal (seq);
CREATE INDEX ledger_journal_member_seq_ix ON ledger_journal (member_id, seq DESC);
CREATE INDEX ledger_journal_reverses_ix ON ledger_journal (reverses_journal_id) WHERE reverses_journal_id IS NOT NULL;
CREATE INDEX ledger_journal_external_ref_ix ON ledger_journal (external_ref) WHERE external_ref IS NOT NULL;

CREATE TABLE ledger_posting (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  journal_id    uuid NOT NULL REFERENCES ledger_journal (id) DEFERRABLE INITIALLY DEFERRED,
  account_id    bigint NOT NULL REFERENCES ledger_account (id),
  member_id     uuid,
  amount        bigint NOT NULL CHECK (amount <> 0),
  -- For member accounts: the account's balance right after this posting (the statement's running balance).
  balance_after bigint,
  created_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX ledger_posting_journal_ix ON ledger_posting (journal_id);
CREATE INDEX ledger_posting_account_ix ON ledger_posting (account_id);

CREATE TABLE ledger_hold (
  id                  uuid PRIMARY KEY,
  member_id           uuid NOT NULL,
  amount              bigint NOT NULL CHECK (amount > 0),
  status              text NOT NULL CHECK (status IN ('held','captured','voided')),
  expires_at          timestamptz NOT NULL,
  hold_journal_id     uuid NOT NULL REFERENCES ledger_journal (id) DEFERRABLE INITIALLY DEFERRED,
  resolved_journal_id uuid REFERENCES ledger_journal (id) DEFERRABLE INITIALLY DEFERRED,
  created_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  resolved_at         timestamptz,
  CONSTRAINT ledger_hold_resolution_ck CHECK ((status = 'held') = (resolved_journal_id IS NULL))
);
CREATE INDEX ledger_hold_open_ix ON ledger_hold (expires_at) WHERE status = 'held';
CREATE INDEX ledger_hold_member_ix ON ledger_hold (member_id);

CREATE TABLE points_lot (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id      uuid NOT NULL,
  journal_id     uuid NOT NULL REFERENCES ledger_journal (id) DEFERRABLE INITIALLY DEFERRED,
  amount         bigint NOT NULL CHECK (amount > 0),
  remaining      bigint NOT NULL CHECK (remaining >= 0 AND remaining <= amount),
  state          text NOT NULL CHECK (state IN ('pending','available')),
  available_at   timestamptz NOT NULL,
  expires_at     timestamptz,
  created_at     timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX points_lot_spend_ix ON points_lot (member_id, expires_at, id) WHERE state = 'available' AND remaining > 0;
CREATE INDEX points_lot_release_ix ON points_lot (available_at) WHERE state = 'pending' AND remaining > 0;
CREATE INDEX points_lot_expiry_ix ON points_lot (expires_at) WHERE state = 'available' AND remaining > 0;
CREATE INDEX points_lot_journal_ix ON points_lot (journal_id);

-- Every change to a lot's remaining points is one row here: a positive amount takes points out of the
-- lot, a negative one puts them back (a reversed redemption or a voided hold). created_at is the
-- transaction's time, the same clock the spending functions compare expiry with.
CREATE TABLE lot_consumption (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  lot_id      bigint NOT NULL REFERENCES points_lot (id),
  journal_id  uuid NOT NULL REFERENCES ledger_journal (id) DEFERRABLE INITIALLY DEFERRED,
  member_id   uuid NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('spend','hold','restore','reverse','expire','debt')),
  amount      bigint NOT NULL CHECK (amount <> 0),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lot_consumption_lot_ix ON lot_consumption (lot_id);
CREATE INDEX lot_consumption_journal_ix ON lot_consumption (journal_id);

-- Append-only: the records of what happened are never changed or removed.
CREATE FUNCTION ledger_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'TL100';
END $$;
CREATE TRIGGER ledger_posting_append_only BEFORE UPDATE OR DELETE ON ledger_posting
  FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_posting_no_truncate BEFORE TRUNCATE ON ledger_posting
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_journal_append_only BEFORE UPDATE OR DELETE ON ledger_journal
  FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_journal_no_truncate BEFORE TRUNCATE ON ledger_journal
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER lot_consumption_append_only BEFORE UPDATE OR DELETE ON lot_consumption
  FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER lot_consumption_no_truncate BEFORE TRUNCATE ON lot_consumption
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
`;

const FUNCTIONS = `
-- The ledger's journal functions. Each public ledger_* function is one business operation: it claims
-- the idempotency key, locks the member's accounts in ascending id order, applies conditional balance
-- updates, writes postings, lots and lot consumption, and finally inserts the journal with its result.
-- One call is one statement is one round trip; the caller's transaction (or autocommit) bounds it.
--
-- Errors use SQLSTATE class TL, mapped to domain error codes by the API:
--   TL001 insufficient points      TL002 idempotency key reused   TL003 journal not found
--   TL004 not reversible           TL005 nothing left to reverse  TL006 hold not found
--   TL007 hold already resolved    TL008 hold expired             TL009 lot not found / not pending
--   TL010 invalid argument

CREATE FUNCTION ledger_claim(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  stored_hash text;
  stored_result jsonb;
BEGIN
  IF coalesce(p->>'scope', '') = '' OR coalesce(p->>'key', '') = '' OR coalesce(p->>'hash', '') = '' THEN
    RAISE EXCEPTION 'idempotency scope, key and request hash are required' USING ERRCODE = 'TL010';
  END IF;
  -- Serialises concurrent duplicates: the second waits for the first to commit, then replays it.
  PERFORM pg_advisory_xact_lock(hashtextextended((p->>'scope') || chr(31) || (p->>'key'), 7));
  SELECT request_hash, result INTO stored_hash, stored_result
    FROM ledger_journal WHERE idempotency_scope = p->>'scope' AND idempotency_key = p->>'key';
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF stored_hash <> p->>'hash' THEN
    RAISE EXCEPTION 'idempotency key % was already used for a different request', p->>'key' USING ERRCODE = 'TL002';
  END IF;
  RETURN stored_result || jsonb_build_object('replayed', true);
END $$;

-- Opens the member's accounts on first use and locks all of them, in ascending id order.
CREATE FUNCTION ledger_lock_member(m uuid,
  OUT avail_id bigint, OUT pend_id bigint, OUT debt_id bigint, OUT debt_owed bigint)
LANGUAGE plpgsql AS $$
DECLARE
  r record;
  n int := 0;
BEGIN
  FOR attempt IN 1..2 LOOP
    n := 0;
    FOR r IN SELECT id, kind, balance FROM ledger_account WHERE member_id = m ORDER BY id FOR UPDATE LOOP
      n := n + 1;
      IF r.kind = 'available' THEN avail_id := r.id;
      ELSIF r.kind = 'pending' THEN pend_id := r.id;
      ELSE debt_id := r.id; debt_owed := -r.balance;
      END IF;
    END LOOP;
    EXIT WHEN n = 3;
    INSERT INTO ledger_account (member_id, kind, floor)
      VALUES (m, 'available', 0), (m, 'pending', 0), (m, 'debt', NULL)
      ON CONFLICT DO NOTHING;
  END LOOP;
  IF n <> 3 THEN
    RAISE EXCEPTION 'could not open the accounts of member %', m;
  END IF;
END $$;

CREATE FUNCTION ledger_system_account(k text) RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT id FROM ledger_account WHERE member_id IS NULL AND kind = k
$$;

-- A conditional balance change on a (locked) member account plus its posting.
CREATE FUNCTION ledger_post_member(j uuid, acct bigint, m uuid, d bigint, held_delta bigint DEFAULT 0)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  bal bigint;
BEGIN
  UPDATE ledger_account
     SET balance = balance + d, held = held + held_delta, version = version + 1
   WHERE id = acct AND (floor IS NULL OR balance + d - (held + held_delta) >= floor) AND held + held_delta >= 0
  RETURNING balance INTO bal;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'insufficient points' USING ERRCODE = 'TL001';
  END IF;
  IF d <> 0 THEN
    INSERT INTO ledger_posting (journal_id, account_id, member_id, amount, balance_after) VALUES (j, acct, m, d, bal);
  END IF;
  RETURN bal;
END $$;

CREATE FUNCTION ledger_post_system(j uuid, k text, d bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO ledger_posting (journal_id, account_id, amount) SELECT j, ledger_system_account(k), d WHERE d <> 0
$$;

-- Takes up to want points out of the member's unexpired available lots, earliest expiry first.
CREATE FUNCTION ledger_consume(m uuid, j uuid, want bigint, ckind text, as_of timestamptz) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  r record;
  left_ bigint := want;
  take bigint;
BEGIN
  IF want <= 0 THEN RETURN 0; END IF;
  FOR r IN SELECT id, remaining FROM points_lot
            WHERE member_id = m AND state = 'available' AND remaining > 0
              AND (expires_at IS NULL OR expires_at > as_of)
            ORDER BY expires_at ASC NULLS LAST, id LOOP
    take := least(left_, r.remaining);
    UPDATE points_lot SET remaining = remaining - take WHERE id = r.id;
    INSERT INTO lot_consumption (lot_id, journal_id, member_id, kind, amount) VALUES (r.id, j, m, ckind, take);
    left_ := left_ - take;
    EXIT WHEN left_ = 0;
  END LOOP;
  RETURN want - left_;
END $$;

CREATE FUNCTION ledger_balance(m uuid) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'available', coalesce(sum(balance - held) FILTER (WHERE kind = 'available'), 0),
    'pending',   coalesce(sum(balance) FILTER (WHERE kind = 'pending'), 0),
    'held',      coalesce(sum(held) FILTER (WHERE kind = 'available'), 0),
    'debt',      coalesce(-sum(balance) FILTER (WHERE kind = 'debt'), 0))
  FROM ledger_account WHERE member_id = m
$$;

CREATE FUNCTION ledger_insert_journal(j uuid, k text, m uuid, amt bigint, p jsonb,
  reverses uuid, hold uuid, res jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  full_result jsonb := res || jsonb_build_object('journalId', j, 'kind', k, 'balance', ledger_balance(m), 'replayed', false);
BEGIN
  INSERT INTO ledger_journal (id, kind, member_id, amount, actor_type, actor_id, store_id, external_ref, reason,
      idempotency_scope, idempotency_key, request_hash, reverses_journal_id, hold_id, metadata, result)
  VALUES (j, k, m, amt, p->>'actorType', p->>'actorId', (p->>'storeId')::uuid, p->>'externalRef', p->>'reason',
      p->>'scope', p->>'key', p->>'hash', reverses, hold, p->'metadata', full_result);
  RETURN full_result;
END $$;

-- Credits a member from a system account: debt is paid off first, the rest lands in one new lot.
CREATE FUNCTION ledger_credit(j uuid, m uuid, source text, pts bigint, expires timestamptz, available_at timestamptz)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  acc record;
  to_debt bigint;
  lot bigint;
BEGIN
  SELECT * INTO acc FROM ledger_lock_member(m);
  PERFORM ledger_post_system(j, source, -pts);
  IF available_at IS NOT NULL AND available_at > now() THEN
    PERFORM ledger_post_member(j, acc.pend_id, m, pts);
    INSERT INTO points_lot (member_id, journal_id, amount, remaining, state, available_at, expires_at)
      VALUES (m, j, pts, pts, 'pending', available_at, expires) RETURNING id INTO lot;
  ELSE
    to_debt := least(pts, acc.debt_owed);
    IF to_debt > 0 THEN PERFORM ledger_post_member(j, acc.debt_id, m, to_debt); END IF;
    IF pts - to_debt > 0 THEN PERFORM ledger_post_member(j, acc.avail_id, m, pts - to_debt); END IF;
    INSERT INTO points_lot (member_id, journal_id, amount, remaining, state, available_at, expires_at)
      VALUES (m, j, pts, pts - to_debt, 'available', now(), expires) RETURNING id INTO lot;
    IF to_debt > 0 THEN
      INSERT INTO lot_consumption (lot_id, journal_id, member_id, kind, amount) VALUES (lot, j, m, 'debt', to_debt);
    END IF;
  END IF;
  RETURN lot;
END $$;

-- Debits a member's available points into a system account, consuming lots earliest expiry first.
CREATE FUNCTION ledger_debit(j uuid, m uuid, target text, pts bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  acc record;
BEGIN
  SELECT * INTO acc FROM ledger_lock_member(m);
  PERFORM ledger_post_member(j, acc.avail_id, m, -pts);
  IF ledger_consume(m, j, pts, 'spend', now()) < pts THEN
    RAISE EXCEPTION 'insufficient points: some of the balance has expired' USING ERRCODE = 'TL001';
  END IF;
  PERFORM ledger_post_system(j, target, pts);
END $$;

CREATE FUNCTION ledger_earn(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  replay jsonb := ledger_claim(p);
  j uuid := gen_random_uuid();
  m uuid := (p->>'memberId')::uuid;
  pts bigint := (p->>'points')::bigint;
  lot bigint;
BEGIN
  IF replay IS NOT NULL THEN RETURN replay; END IF;
  IF pts IS NULL OR pts <= 0 THEN RAISE EXCEPTION 'points must be positive' USING ERRCODE = 'TL010'; END IF;
  lot := ledger_credit(j, m, 'issuance', pts, (p->>'expiresAt')::timestamptz, (p->>'availableAt')::timestamptz);
  RETURN ledger_insert_journal(j, 'earn', m, pts, p, NULL, NULL,
    jsonb_build_object('points', pts, 'lotId', lot, 'holdId', NULL));
END $$;

CREATE FUNCTION ledger_redeem(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  replay jsonb := ledger_claim(p);
  j uuid := gen_random_uuid();
  m uuid := (p->>'memberId')::uuid;
  pts bigint := (p->>'points')::bigint;
BEGIN
  IF replay IS NOT NULL THEN RETURN replay; END IF;
  IF pts IS NULL OR pts <= 0 THEN RAISE EXCEPTION 'points must be positive' USING ERRCODE = 'TL010'; END IF;
  PERFORM ledger_debit(j, m, 'redeemed', pts);
  RETURN ledger_insert_journal(j, 'redeem', m, pts, p, NULL, NULL, jsonb_build_object('points', pts, 'holdId', NULL));
END $$;

CREATE FUNCTION ledger_adjust(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  replay jsonb := ledger_claim(p);
  j uuid := gen_random_uuid();
  m uuid := (p->>'memberId')::uuid;
  pts bigint := (p->>'points')::bigint;
BEGIN
  IF replay IS NOT NULL THEN RETURN replay; END IF;
  IF pts IS NULL OR pts = 0 THEN RAISE EXCEPTION 'points must not be zero' USING ERRCODE = 'TL010'; END IF;
  IF coalesce(trim(p->>'reason'), '') = '' THEN RAISE EXCEPTION 'an adjustment needs a reason' USING ERRCODE = 'TL010'; END IF;
  IF pts > 0 THEN
    PERFORM ledger_credit(j, m, 'adjustment', pts, (p->>'expiresAt')::timestamptz, NULL);
  ELSE
    PERFORM ledger_debit(j, m, 'adjustment', -pts);
  END IF;
  RETURN ledger_insert_journal(j, 'adjust', m, abs(pts), p, NULL, NULL, jsonb_build_object('points', pts, 'holdId', NULL));
END $$;

CREATE FUNCTION ledger_hold(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  replay jsonb := ledger_claim(p);
  j uuid := gen_random_uuid();
  h uuid := gen_random_uuid();
  m uuid := (p->>'memberId')::uuid;
  pts bigint := (p->>'points')::bigint;
  acc record;
BEGIN
  IF replay IS NOT NULL THEN RETURN replay; END IF;
  IF pts IS NULL OR pts <= 0 THEN RAISE EXCEPTION 'points must be positive' USING ERRCODE = 'TL010'; END IF;
  IF (p->>'expiresAt')::timestamptz <= now() THEN RAISE EXCEPTION 'a hold must expire in the future' USING ERRCODE = 'TL010'; END IF;
  SELECT * INTO acc FROM ledger_lock_member(m);
  PERFORM ledger_post_member(j, acc.avail_id, m, 0, pts);
  IF ledger_consume(m, j, pts, 'hold', now()) < pts THEN
    RAISE EXCEPTION 'insufficient points: some of the balance has expired' USING ERRCODE = 'TL001';
  END IF;
  INSERT INTO ledger_hold (id, member_id, amount, status, expires_at, hold_journal_id)
    VALUES (h, m, pts, 'held', (p->>'expiresAt')::timestamptz, j);
  RETURN ledger_insert_journal(j, 'hold', m, pts, p, NULL, h, jsonb_build_object('points', pts, 'holdId', h));
END $$;

-- Captures (op capture) or voids (op void) an open hold, exactly once.
CREATE FUNCTION ledger_resolve_hold(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  replay jsonb := ledger_claim(p);
  j uuid := gen_random_uuid();
  op text := p->>'op';
  hold record;
  acc record;
  c record;
BEGIN
  IF replay IS NOT NULL THEN RETURN replay; END IF;
  IF op IS NULL OR op NOT IN ('capture', 'void') THEN RAISE EXCEPTION 'unknown hold operation %', op USING ERRCODE = 'TL010'; END IF;
  SELECT * INTO hold FROM ledger_hold WHERE id = (p->>'holdId')::uuid FOR UPDATE;
  IF NOT FOUND THEN RAISE EXCEPTION 'hold % not found', p->>'holdId' USING ERRCODE = 'TL006'; END IF;
  IF hold.status <> 'held' THEN
    RAISE EXCEPTION 'hold % was already %', hold.id, hold.status USING ERRCODE = 'TL007';
  END IF;
  IF op = 'capture' AND hold.expires_at <= now() THEN
    RAISE EXCEPTION 'hold % expired at %', hold.id, hold.expires_at USING ERRCODE = 'TL008';
  END IF;
  SELECT * INTO acc FROM ledger_lock_member(hold.member_id);
  IF op = 'capture' THEN
    PERFORM ledger_post_member(j, acc.avail_id, hold.member_id, -hold.amount, -hold.amount);
    PERFORM ledger_post_system(j, 'redeemed', hold.amount);
  ELSE
    PERFORM ledger_post_member(j, acc.avail_id, hold.member_id, 0, -hold.amount);
    FOR c IN SELECT lot_id, amount FROM lot_consumption WHERE journal_id = hold.hold_journal_id AND kind = 'hold' LOOP
      UPDATE points_lot SET remaining = remaining + c.amount WHERE id = c.lot_id;
      INSERT INTO lot_consumption (lot_id, journal_id, member_id, kind, amount)
        VALUES (c.lot_id, j, hold.member_id, 'restore', -c.amount);
    END LOOP;
  END IF;
  UPDATE ledger_hold SET status = CASE op WHEN 'capture' THEN 'captured' ELSE 'voided' END,
         resolved_journal_id = j, resolved_at = now()
   WHERE id = hold.id AND status = 'held';
  RETURN ledger_insert_journal(j, op, hold.member_id, hold.amount, p, NULL, hold.id,
    jsonb_build_object('points', hold.amount, 'holdId', hold.id));
END $$;

-- Reverses an earn (points come back out: its own lot first, then other unexpired points, then debt or
-- forgiven by policy) or a redemption (points go back into the lots they came from, with their original
-- expiry). Never more than what is left of the original across all its reversals.
CREATE FUNCTION ledger_reverse(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
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
  PERFORM ledger_post_system(j, 'redeemed', -want);
  PERFORM ledger_post_member(j, acc.avail_id, orig.member_id, want);
  RETURN ledger_insert_journal(j, 'reverse', orig.member_id, want, p, orig.id, NULL,
    jsonb_build_object('points', want, 'forgiven', 0, 'toDebt', 0, 'holdId', NULL));
END $$;

-- Makes a pending lot available (the return window closed); debt is paid off first.
CREATE FUNCTION ledger_release(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  replay jsonb := ledger_claim(p);
  j uuid := gen_random_uuid();
  lot record;
  acc record;
  to_debt bigint;
BEGIN
  IF replay IS NOT NULL THEN RETURN replay; END IF;
  SELECT * INTO lot FROM points_lot WHERE id = (p->>'lotId')::bigint;
  IF NOT FOUND THEN RAISE EXCEPTION 'lot % not found', p->>'lotId' USING ERRCODE = 'TL009'; END IF;
  SELECT * INTO acc FROM ledger_lock_member(lot.member_id);
  -- Read again under the member lock: a reversal may have changed the lot meanwhile.
  SELECT * INTO lot FROM points_lot WHERE id = lot.id;
  IF lot.state <> 'pending' OR lot.remaining = 0 THEN
    RAISE EXCEPTION 'lot % has no pending points', lot.id USING ERRCODE = 'TL009';
  END IF;
  to_debt := least(lot.remaining, acc.debt_owed);
  PERFORM ledger_post_member(j, acc.pend_id, lot.member_id, -lot.remaining);
  IF to_debt > 0 THEN PERFORM ledger_post_member(j, acc.debt_id, lot.member_id, to_debt); END IF;
  IF lot.remaining - to_debt > 0 THEN PERFORM ledger_post_member(j, acc.avail_id, lot.member_id, lot.remaining - to_debt); END IF;
  UPDATE points_lot SET state = 'available', available_at = now(), remaining = remaining - to_debt WHERE id = lot.id;
  IF to_debt > 0 THEN
    INSERT INTO lot_consumption (lot_id, journal_id, member_id, kind, amount) VALUES (lot.id, j, lot.member_id, 'debt', to_debt);
  END IF;
  RETURN ledger_insert_journal(j, 'release', lot.member_id, lot.remaining, p, NULL, NULL,
    jsonb_build_object('points', lot.remaining, 'lotId', lot.id, 'holdId', NULL));
END $$;

-- Expires what remains of the member's lots whose expiry is at or before asOf.
CREATE FUNCTION ledger_expire(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  replay jsonb := ledger_claim(p);
  j uuid := gen_random_uuid();
  m uuid := (p->>'memberId')::uuid;
  as_of timestamptz := coalesce((p->>'asOf')::timestamptz, now());
  acc record;
  r record;
  total bigint := 0;
BEGIN
  IF replay IS NOT NULL THEN RETURN replay; END IF;
  SELECT * INTO acc FROM ledger_lock_member(m);
  FOR r IN SELECT id, remaining FROM points_lot
            WHERE member_id = m AND state = 'available' AND remaining > 0 AND expires_at <= as_of
            ORDER BY expires_at, id LOOP
    UPDATE points_lot SET remaining = 0 WHERE id = r.id;
    INSERT INTO lot_consumption (lot_id, journal_id, member_id, kind, amount) VALUES (r.id, j, m, 'expire', r.remaining);
    total := total + r.remaining;
  END LOOP;
  IF total > 0 THEN
    PERFORM ledger_post_member(j, acc.avail_id, m, -total);
    PERFORM ledger_post_system(j, 'expired', total);
  END IF;
  RETURN ledger_insert_journal(j, 'expire', m, total, p, NULL, NULL,
    jsonb_build_object('points', total, 'holdId', NULL, 'asOf', as_of));
END $$;
`;

const DOWN = `
DROP FUNCTION IF EXISTS ledger_expire(jsonb), ledger_release(jsonb), ledger_reverse(jsonb), ledger_resolve_hold(jsonb),
  ledger_hold(jsonb), ledger_adjust(jsonb), ledger_redeem(jsonb), ledger_earn(jsonb), ledger_debit(uuid, uuid, text, bigint),
  ledger_credit(uuid, uuid, text, bigint, timestamptz, timestamptz), ledger_insert_journal(uuid, text, uuid, bigint, jsonb, uuid, uuid, jsonb),
  ledger_balance(uuid), ledger_consume(uuid, uuid, bigint, text, timestamptz), ledger_post_system(uuid, text, bigint),
  ledger_post_member(uuid, bigint, uuid, bigint, bigint), ledger_system_account(text), ledger_lock_member(uuid), ledger_claim(jsonb);
DROP TABLE IF EXISTS lot_consumption, points_lot, ledger_hold, ledger_posting, ledger_journal, ledger_account;
DROP FUNCTION IF EXISTS ledger_reject_change();
`;
