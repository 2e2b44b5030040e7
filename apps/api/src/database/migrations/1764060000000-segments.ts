import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Segments: named sets of rules over members (tier, spend and visits in a period, last purchase, store,
 * birthday month, sign-up date) that campaigns target. The definition is jsonb; `name` is copied out of
 * it so that no two segments in use share a name. Archived segments keep their row (campaign history
 * names them) and free their name.
 *
 * Membership is one query whose rules are correlated subqueries on the member's receipts in a period.
 * `receipt_member_ix (member_id, created_at DESC)` already finds a member's receipts in a period; it is
 * replaced by the same index carrying `id`, `store_id` and `eligible_amount`, so spend, visit and store rules
 * are answered from the index alone, without visiting the receipts' wide rows (lines, response).
 */
export class Segments1764060000000 implements MigrationInterface {
  name = 'Segments1764060000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE segment (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        name         text NOT NULL,
        definition   jsonb NOT NULL,
        version      integer NOT NULL DEFAULT 1,
        created_by   text,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_by   text,
        updated_at   timestamptz NOT NULL DEFAULT now(),
        archived_at  timestamptz,
        archived_by  text
      );
      CREATE UNIQUE INDEX segment_name_uq ON segment (lower(name)) WHERE archived_at IS NULL;

      CREATE INDEX receipt_member_cover_ix ON receipt (member_id, created_at DESC) INCLUDE (id, store_id, eligible_amount);
      DROP INDEX receipt_member_ix;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX receipt_member_ix ON receipt (member_id, created_at DESC);
      DROP INDEX receipt_member_cover_ix;
      DROP TABLE segment;
    `);
  }
}
