import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Announced programme changes: what changes (the member-facing settings and reward prices), when, and
 * whether it is worse for members (then it needed the notice period). Applied by a job on its date.
 */
export class ProgrammeChanges1764020000000 implements MigrationInterface {
  name = 'ProgrammeChanges1764020000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE programme_change (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        status         text NOT NULL DEFAULT 'announced' CHECK (status IN ('announced', 'applied', 'withdrawn')),
        effective_at   timestamptz NOT NULL,
        patch          jsonb NOT NULL,
        reward_prices  jsonb NOT NULL DEFAULT '[]',
        differences    jsonb NOT NULL,
        worse          boolean NOT NULL,
        notice_days    integer NOT NULL,
        announced_by   text,
        announced_at   timestamptz NOT NULL DEFAULT now(),
        applied_at     timestamptz,
        withdrawn_at   timestamptz
      );
      CREATE INDEX programme_change_due_ix ON programme_change (effective_at) WHERE status = 'announced';
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE programme_change;`);
  }
}
