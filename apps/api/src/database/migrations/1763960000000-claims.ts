import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Missing-points claims. An approved claim records its receipt in `receipt` (source `claim`), the same
 * table and unique (store, receipt id) index the till uses, so a receipt is credited once, by the till
 * or by a claim, whichever commits first.
 */
export class Claims1763960000000 implements MigrationInterface {
  name = 'Claims1763960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS points_claim;
      ALTER TABLE receipt DROP COLUMN IF EXISTS source;
    `);
  }
}

const UP = `
ALTER TABLE receipt ADD COLUMN source text NOT NULL DEFAULT 'till' CHECK (source IN ('till', 'claim'));

CREATE TABLE points_claim (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Keyset order for the lists (newest first).
  seq              bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  member_id        uuid NOT NULL REFERENCES member (id),
  store_id         uuid NOT NULL REFERENCES store (id),
  receipt_ref      text NOT NULL,
  purchased_on     date NOT NULL,
  amount           bigint NOT NULL CHECK (amount > 0),
  currency         text NOT NULL,
  note             text,
  state            text NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'approved', 'denied')),
  points           bigint,
  decision_reason  text,
  decided_by       uuid REFERENCES staff_user (id),
  decided_at       timestamptz,
  journal_id       uuid,
  receipt_id       uuid REFERENCES receipt (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'submitted') = (decided_at IS NULL)),
  CHECK (state <> 'approved' OR (points > 0 AND journal_id IS NOT NULL AND receipt_id IS NOT NULL))
);
-- One open claim per member and receipt.
CREATE UNIQUE INDEX points_claim_open_uq ON points_claim (member_id, store_id, receipt_ref) WHERE state = 'submitted';
CREATE INDEX points_claim_member_ix ON points_claim (member_id, seq DESC);
CREATE INDEX points_claim_queue_ix ON points_claim (state, seq DESC);
CREATE INDEX points_claim_store_ix ON points_claim (store_id, state, seq DESC);
`;
