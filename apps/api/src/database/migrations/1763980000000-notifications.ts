import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * In-app notifications. The content is append-only (a trigger rejects changing it); only `read_at` is
 * set, once. `dedupe_key` is unique per member, so a job step or a retried transaction that notifies
 * twice leaves one row. No foreign key to `member`: the row is member-scoped like the ledger's tables,
 * and the earn path's INSERT stays cheap: three index entries (the unread count reads the member's
 * rows through `notification_member_ix`).
 */
export class Notifications1763980000000 implements MigrationInterface {
  name = 'Notifications1763980000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        member_id   uuid NOT NULL,
        kind        text NOT NULL CHECK (kind IN ('points_earned', 'points_expiring', 'claim_answered', 'voucher_expiring')),
        title       text NOT NULL,
        body        text NOT NULL,
        link        text,
        due_at      timestamptz,
        dedupe_key  text NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        read_at     timestamptz
      );
      CREATE UNIQUE INDEX notification_dedupe_uq ON notification (member_id, dedupe_key);
      CREATE INDEX notification_member_ix ON notification (member_id, id DESC);
      CREATE TRIGGER notification_content_append_only
        BEFORE UPDATE OF id, member_id, kind, title, body, link, due_at, dedupe_key, created_at OR DELETE ON notification
        FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
      CREATE TRIGGER notification_read_once BEFORE UPDATE OF read_at ON notification
        FOR EACH ROW WHEN (OLD.read_at IS NOT NULL) EXECUTE FUNCTION ledger_reject_change();
      CREATE TRIGGER notification_no_truncate BEFORE TRUNCATE ON notification
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS notification;`);
  }
}
