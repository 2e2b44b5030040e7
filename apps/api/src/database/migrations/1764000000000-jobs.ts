import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Background jobs, claimed from PostgreSQL so any number of API processes share them: `job_schedule`
 * holds one row per job (when it is next due, who holds its lease), `job_run` one row per run, unique
 * by (job, slot) so a slot can never run twice even if two workers raced for it.
 */
export class Jobs1764000000000 implements MigrationInterface {
  name = 'Jobs1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE job_schedule (
        name          text PRIMARY KEY,
        interval_ms   integer NOT NULL CHECK (interval_ms > 0),
        next_run_at   timestamptz NOT NULL DEFAULT now(),
        lease_until   timestamptz,
        leased_by     text,
        last_run_id   bigint,
        paused        boolean NOT NULL DEFAULT false
      );
      CREATE TABLE job_run (
        id           bigserial PRIMARY KEY,
        name         text NOT NULL REFERENCES job_schedule (name),
        slot         timestamptz NOT NULL,
        worker       text NOT NULL,
        started_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
        finished_at  timestamptz,
        outcome      jsonb,
        error        text
      );
      CREATE UNIQUE INDEX job_run_slot_uq ON job_run (name, slot);
      CREATE INDEX job_run_recent_idx ON job_run (name, id DESC);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE job_run; DROP TABLE job_schedule;`);
  }
}
