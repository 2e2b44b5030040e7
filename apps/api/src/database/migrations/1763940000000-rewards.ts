import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The rewards catalogue and the single-use vouchers members get for their points. */
export class Rewards1763940000000 implements MigrationInterface {
  name = 'Rewards1763940000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reward (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name               text NOT NULL,
        description        text NOT NULL DEFAULT '',
        image_url          text,
        cost_points        bigint NOT NULL CHECK (cost_points > 0),
        stock              integer CHECK (stock >= 0),
        per_member_limit   integer CHECK (per_member_limit > 0),
        active_from        timestamptz NOT NULL DEFAULT now(),
        active_until       timestamptz,
        voucher_valid_days integer NOT NULL DEFAULT 30,
        archived           boolean NOT NULL DEFAULT false,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE voucher (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code               text NOT NULL,
        reward_id          uuid NOT NULL REFERENCES reward (id),
        member_id          uuid NOT NULL REFERENCES member (id),
        points             bigint NOT NULL,
        redeem_journal_id  uuid NOT NULL,
        status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'used', 'cancelled')),
        expires_at         timestamptz NOT NULL,
        created_at         timestamptz NOT NULL DEFAULT now(),
        used_at            timestamptz,
        used_store_id      uuid REFERENCES store (id),
        used_by            text,
        cancelled_at       timestamptz,
        cancel_journal_id  uuid
      );
      CREATE UNIQUE INDEX voucher_code_uq ON voucher (code);
      CREATE INDEX voucher_member_ix ON voucher (member_id, created_at DESC);
      CREATE INDEX voucher_reward_member_ix ON voucher (reward_id, member_id) WHERE status <> 'cancelled';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS voucher, reward;`);
  }
}
