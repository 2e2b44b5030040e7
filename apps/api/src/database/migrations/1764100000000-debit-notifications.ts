import { type MigrationInterface, type QueryRunner } from 'typeorm';

const BEFORE = `'points_earned', 'points_expiring', 'claim_answered', 'voucher_expiring', 'idea_status_changed', 'idea_merged',
  'referral_rewarded'`;

/**
 * Every debit a member did not make themselves is told: `points_redeemed`, `points_reversed`,
 * `points_expired` and `points_adjusted` join the notification kinds.
 */
export class DebitNotifications1764100000000 implements MigrationInterface {
  name = 'DebitNotifications1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (${BEFORE},
        'points_redeemed', 'points_reversed', 'points_expired', 'points_adjusted'));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM notification WHERE kind IN ('points_redeemed', 'points_reversed', 'points_expired', 'points_adjusted');
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (${BEFORE}));
    `);
  }
}
