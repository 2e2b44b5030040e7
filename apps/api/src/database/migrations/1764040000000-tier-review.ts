import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** When each member's tier was last reviewed by the job, so reviews go round every member in turn. */
export class TierReview1764040000000 implements MigrationInterface {
  name = 'TierReview1764040000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE member ADD COLUMN tier_reviewed_at timestamptz;
      CREATE INDEX member_tier_review_ix ON member (tier_reviewed_at NULLS FIRST) WHERE tier_id IS NOT NULL;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP INDEX member_tier_review_ix; ALTER TABLE member DROP COLUMN tier_reviewed_at;`,
    );
  }
}
