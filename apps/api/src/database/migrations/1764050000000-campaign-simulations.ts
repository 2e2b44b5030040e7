import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Campaign simulations: a campaign version run over the till receipts of a past period by a background
 * job. `campaign_simulation` holds the request (with the definition and programme as they were when it
 * was asked for), the keyset cursor and the running figures, saved after every batch so a restart
 * resumes. `campaign_simulation_member` is the working state for per-member allowances and the members
 * reached while a simulation runs; it is cleared when the simulation finishes or is cancelled.
 * `receipt (created_at, id)` lets the job read a period's receipts in order, batch after batch.
 */
export class CampaignSimulations1764050000000 implements MigrationInterface {
  name = 'CampaignSimulations1764050000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE campaign_simulation (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq                  bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        campaign_id          uuid NOT NULL REFERENCES campaign (id),
        campaign_version     integer NOT NULL,
        definition           jsonb NOT NULL,
        programme            jsonb NOT NULL,
        period_from          timestamptz NOT NULL,
        period_to            timestamptz NOT NULL,
        status               text NOT NULL DEFAULT 'queued'
                             CHECK (status IN ('queued', 'running', 'done', 'cancelled', 'failed')),
        total_receipts       bigint,
        processed_receipts   bigint NOT NULL DEFAULT 0,
        cursor_receipt_id    uuid,
        points_issued        bigint NOT NULL DEFAULT 0,
        receipts_matched     bigint NOT NULL DEFAULT 0,
        members_reached      bigint NOT NULL DEFAULT 0,
        budget_exhausted_at  timestamptz,
        error                text,
        requested_by         uuid REFERENCES staff_user (id),
        requested_at         timestamptz NOT NULL DEFAULT now(),
        started_at           timestamptz,
        finished_at          timestamptz,
        updated_at           timestamptz NOT NULL DEFAULT now(),
        CHECK (period_from < period_to)
      );
      CREATE INDEX campaign_simulation_campaign_ix ON campaign_simulation (campaign_id, seq DESC);
      CREATE INDEX campaign_simulation_active_ix ON campaign_simulation (updated_at, seq)
        WHERE status IN ('queued', 'running');

      CREATE TABLE campaign_simulation_member (
        simulation_id  uuid NOT NULL REFERENCES campaign_simulation (id) ON DELETE CASCADE,
        member_id      uuid NOT NULL,
        period_start   timestamptz,
        period_points  bigint NOT NULL,
        points         bigint NOT NULL,
        PRIMARY KEY (simulation_id, member_id)
      );

      CREATE INDEX receipt_created_ix ON receipt (created_at, id);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX receipt_created_ix;
      DROP TABLE campaign_simulation_member;
      DROP TABLE campaign_simulation;
    `);
  }
}
