import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Webhooks: endpoints admins register, and deliveries as outbox messages on a second channel. A
 * webhook message keeps the outbox's columns (template = event type, recipient = the endpoint's URL
 * when it was written, subject = the event id, body = the signed JSON) plus the endpoint it goes to;
 * every HTTP attempt is a row in `webhook_attempt`.
 */
export class Webhooks1763990000000 implements MigrationInterface {
  name = 'Webhooks1763990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DELETE FROM outbox_message WHERE channel = 'webhook';
      DROP TABLE IF EXISTS webhook_attempt;
      ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_endpoint_ck;
      ALTER TABLE outbox_message DROP COLUMN endpoint_id;
      ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_channel_check;
      ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_channel_check CHECK (channel IN ('email'));
      DROP INDEX IF EXISTS outbox_message_due_ix;
      CREATE INDEX outbox_message_due_ix ON outbox_message (next_attempt_at) WHERE status = 'pending';
      DROP TABLE IF EXISTS webhook_endpoint;
    `);
  }
}

const UP = `
CREATE TABLE webhook_endpoint (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url          text NOT NULL,
  description  text NOT NULL DEFAULT '',
  events       text[] NOT NULL CHECK (cardinality(events) > 0),
  enabled      boolean NOT NULL DEFAULT true,
  -- The signing secret must be readable to sign: sealed with WEBHOOK_SECRET_KEY when configured
  -- ('v1:<iv>:<tag>:<ciphertext>', AES-256-GCM), else stored as 'plain:<secret>'.
  secret       text NOT NULL,
  secret_hint  text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_channel_check;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_channel_check CHECK (channel IN ('email', 'webhook'));
ALTER TABLE outbox_message ADD COLUMN endpoint_id uuid REFERENCES webhook_endpoint (id) ON DELETE CASCADE;
ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_endpoint_ck
  CHECK ((channel = 'webhook') = (endpoint_id IS NOT NULL));
CREATE INDEX outbox_message_endpoint_ix ON outbox_message (endpoint_id, id DESC) WHERE endpoint_id IS NOT NULL;
-- Each channel's worker claims only its own messages.
DROP INDEX outbox_message_due_ix;
CREATE INDEX outbox_message_due_ix ON outbox_message (channel, next_attempt_at) WHERE status = 'pending';

CREATE TABLE webhook_attempt (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id        bigint NOT NULL REFERENCES outbox_message (id) ON DELETE CASCADE,
  attempt           integer NOT NULL,
  status_code       integer,
  response_excerpt  text,
  duration_ms       integer NOT NULL,
  error             text,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_attempt_message_ix ON webhook_attempt (message_id, id);
`;
