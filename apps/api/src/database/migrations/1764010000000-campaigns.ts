import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Campaigns. `campaign` holds the current definition and the running total issued, which a CHECK keeps
 * within the budget: the budget holds even if the application got it wrong. `campaign_version` is the
 * append-only history of every edit and status change. `campaign_issue` records each award's campaign
 * points (per-member allowances, the dashboard), written in the earn's own transaction.
 */
export class Campaigns1764010000000 implements MigrationInterface {
  name = 'Campaigns1764010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE campaign (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        status         text NOT NULL CHECK (status IN ('draft', 'scheduled', 'live', 'paused', 'ended')),
        version        integer NOT NULL DEFAULT 1,
        definition     jsonb NOT NULL,
        starts_at      timestamptz NOT NULL,
        ends_at        timestamptz,
        budget_points  bigint CHECK (budget_points > 0),
        issued_points  bigint NOT NULL DEFAULT 0 CHECK (issued_points >= 0),
        halted_reason  text,
        created_by     text,
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT campaign_within_budget CHECK (budget_points IS NULL OR issued_points <= budget_points)
      );
      CREATE INDEX campaign_status_ix ON campaign (status, starts_at);

      CREATE TABLE campaign_version (
        campaign_id  uuid NOT NULL REFERENCES campaign (id),
        version      integer NOT NULL,
        seq          bigint GENERATED ALWAYS AS IDENTITY,
        change       text NOT NULL,
        status       text NOT NULL,
        definition   jsonb NOT NULL,
        changed_by   text,
        changed_at   timestamptz NOT NULL DEFAULT now(),
        reason       text,
        PRIMARY KEY (campaign_id, seq)
      );
      CREATE TRIGGER campaign_version_append_only BEFORE UPDATE OR DELETE ON campaign_version
        FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();

      CREATE TABLE campaign_issue (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        campaign_id  uuid NOT NULL REFERENCES campaign (id),
        member_id    uuid NOT NULL,
        receipt_id   uuid NOT NULL,
        points       bigint NOT NULL CHECK (points > 0),
        created_at   timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX campaign_issue_receipt_uq ON campaign_issue (campaign_id, receipt_id);
      CREATE INDEX campaign_issue_member_ix ON campaign_issue (campaign_id, member_id, created_at);
      CREATE INDEX campaign_issue_time_ix ON campaign_issue (campaign_id, created_at);
      CREATE TRIGGER campaign_issue_append_only BEFORE UPDATE OR DELETE ON campaign_issue
        FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE campaign_issue; DROP TABLE campaign_version; DROP TABLE campaign;`);
  }
}
