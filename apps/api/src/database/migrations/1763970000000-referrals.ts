import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Referrals: every member gets a stable referral code (existing members too), a friend who joins with
 * one is recorded once, and receipts may carry the payment terminal's card fingerprint for the
 * self-referral guard.
 */
export class Referrals1763970000000 implements MigrationInterface {
  name = 'Referrals1763970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS referral;
      ALTER TABLE receipt DROP COLUMN IF EXISTS payment_fingerprint;
      ALTER TABLE member DROP COLUMN IF EXISTS referral_code;
      DROP FUNCTION IF EXISTS referral_code_new();
    `);
  }
}

const UP = `
-- 8 characters of an alphabet without look-alikes (matches @tally/domain REFERRAL_CODE_ALPHABET).
-- Codes are not secrets (they are shared on purpose), so random() is enough; the loop skips taken ones
-- and the unique index is the hard guarantee.
CREATE FUNCTION referral_code_new() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  alphabet constant text := '23456789ABCDEFGHJKMNPQRSTWXYZ';
  code text;
BEGIN
  LOOP
    code := '';
    FOR i IN 1..8 LOOP
      code := code || substr(alphabet, 1 + floor(random() * length(alphabet))::int, 1);
    END LOOP;
    EXIT WHEN NOT EXISTS (SELECT 1 FROM member WHERE referral_code = code);
  END LOOP;
  RETURN code;
END $$;

ALTER TABLE member ADD COLUMN referral_code text;
UPDATE member SET referral_code = referral_code_new() WHERE referral_code IS NULL;
ALTER TABLE member ALTER COLUMN referral_code SET DEFAULT referral_code_new();
ALTER TABLE member ALTER COLUMN referral_code SET NOT NULL;
CREATE UNIQUE INDEX member_referral_code_uq ON member (referral_code);

-- An opaque token of the payment card from the payment terminal (never a card number).
ALTER TABLE receipt ADD COLUMN payment_fingerprint text;
CREATE INDEX receipt_payment_fingerprint_ix ON receipt (payment_fingerprint) WHERE payment_fingerprint IS NOT NULL;

-- One row per friend who joined with a code. status: joined → rewarded | capped | not_eligible.
CREATE TABLE referral (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  referrer_id          uuid NOT NULL REFERENCES member (id),
  friend_id            uuid NOT NULL REFERENCES member (id),
  status               text NOT NULL DEFAULT 'joined'
                         CHECK (status IN ('joined', 'rewarded', 'capped', 'not_eligible')),
  ineligible_reason    text CHECK (ineligible_reason IN ('same_email', 'same_phone', 'same_card', 'monthly_cap', 'account_closed')),
  -- The friend's purchase that qualified, and what each side got (0 when nothing).
  receipt_id           uuid REFERENCES receipt (id),
  referrer_points      bigint NOT NULL DEFAULT 0,
  friend_points        bigint NOT NULL DEFAULT 0,
  referrer_journal_id  uuid,
  friend_journal_id    uuid,
  resolved_at          timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (referrer_id <> friend_id),
  CHECK ((status = 'joined') = (resolved_at IS NULL))
);
-- A member can be referred once.
CREATE UNIQUE INDEX referral_friend_uq ON referral (friend_id);
CREATE INDEX referral_referrer_ix ON referral (referrer_id, created_at DESC);
-- The monthly cap counts a referrer's rewarded referrals by month.
CREATE INDEX referral_rewarded_ix ON referral (referrer_id, resolved_at) WHERE status = 'rewarded';
CREATE INDEX referral_open_ix ON referral (created_at) WHERE status = 'joined';
`;
