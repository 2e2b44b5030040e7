import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Programme settings, tiers on members, stored receipts and refunds, and approval requests. */
export class Checkout1763930000000 implements MigrationInterface {
  name = 'Checkout1763930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS approval_request, receipt_refund, receipt, tier_change, programme_settings;
      ALTER TABLE member DROP COLUMN IF EXISTS tier_id;
    `);
  }
}

const UP = `
-- One row: the programme as it is now (versioned changes with notice come with the campaigns work).
CREATE TABLE programme_settings (
  id          smallint PRIMARY KEY CHECK (id = 1),
  settings    jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  uuid
);

ALTER TABLE member ADD COLUMN tier_id text;

-- Every tier change, so a tier never changes silently.
CREATE TABLE tier_change (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  member_id   uuid NOT NULL REFERENCES member (id),
  from_tier   text,
  to_tier     text NOT NULL,
  qualifying  bigint NOT NULL,
  cause       text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tier_change_member_ix ON tier_change (member_id, id DESC);
CREATE TRIGGER tier_change_append_only BEFORE UPDATE OR DELETE ON tier_change
  FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();

-- A receipt is credited once per store: the till's receipt id is unique within its store.
CREATE TABLE receipt (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id         uuid NOT NULL REFERENCES store (id),
  receipt_ref      text NOT NULL,
  member_id        uuid NOT NULL REFERENCES member (id),
  currency         text NOT NULL,
  lines            jsonb NOT NULL,
  total_amount     bigint NOT NULL,
  eligible_amount  bigint NOT NULL,
  earned_points    bigint NOT NULL,
  earn_lines       jsonb NOT NULL,
  -- NULL when the receipt earned nothing (under one spend unit, or only excluded lines).
  earn_journal_id  uuid,
  actor_type       text NOT NULL,
  actor_id         text NOT NULL,
  idempotency_scope text NOT NULL,
  idempotency_key  text NOT NULL,
  request_hash     text NOT NULL,
  -- The response the till got, returned again to a retry with the same key.
  response         jsonb,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX receipt_store_ref_uq ON receipt (store_id, receipt_ref);
CREATE UNIQUE INDEX receipt_idempotency_uq ON receipt (idempotency_scope, idempotency_key);
CREATE INDEX receipt_member_ix ON receipt (member_id, created_at DESC);

CREATE TABLE receipt_refund (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  receipt_id       uuid NOT NULL REFERENCES receipt (id),
  lines            jsonb NOT NULL,
  eligible_amount  bigint NOT NULL,
  points_reversed  bigint NOT NULL,
  journal_id       uuid,
  actor_type       text NOT NULL,
  actor_id         text NOT NULL,
  idempotency_scope text NOT NULL,
  idempotency_key  text NOT NULL,
  request_hash     text NOT NULL,
  response         jsonb,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX receipt_refund_receipt_ix ON receipt_refund (receipt_id);
CREATE UNIQUE INDEX receipt_refund_idempotency_uq ON receipt_refund (idempotency_scope, idempotency_key);

-- An award above a cashier's limit waits here for a manager of that store.
CREATE TABLE approval_request (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind               text NOT NULL CHECK (kind IN ('earn')),
  store_id           uuid NOT NULL REFERENCES store (id),
  requested_by       uuid NOT NULL REFERENCES staff_user (id),
  member_id          uuid NOT NULL REFERENCES member (id),
  points             bigint NOT NULL,
  request            jsonb NOT NULL,
  limit_reason       text NOT NULL,
  idempotency_key    text NOT NULL,
  request_hash       text NOT NULL,
  status             text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'denied')),
  decided_by         uuid REFERENCES staff_user (id),
  decided_at         timestamptz,
  decision_reason    text,
  result             jsonb,
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX approval_request_key_uq ON approval_request (requested_by, idempotency_key);
CREATE INDEX approval_request_store_ix ON approval_request (store_id, status, created_at DESC);
`;
