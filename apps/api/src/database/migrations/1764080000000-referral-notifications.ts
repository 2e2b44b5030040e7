import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Referral rewards are notified: `referral_rewarded` joins the notification kinds. */
export class ReferralNotifications1764080000000 implements MigrationInterface {
  name = 'ReferralNotifications1764080000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (
        'points_earned', 'points_expiring', 'claim_answered', 'voucher_expiring', 'idea_status_changed', 'idea_merged',
        'referral_rewarded'));
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM notification WHERE kind = 'referral_rewarded';
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (
        'points_earned', 'points_expiring', 'claim_answered', 'voucher_expiring', 'idea_status_changed', 'idea_merged'));
    `);
  }
}
