import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * People and places: members, staff, stores, POS keys, sessions and one-time tokens, login attempts,
 * the append-only audit log and the message outbox.
 */
export class Identity1763910000000 implements MigrationInterface {
  name = 'Identity1763910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS outbox_message, audit_log, login_attempt, auth_token, auth_session, pos_api_key,
        staff_store, staff_user, member, store;
    `);
  }
}

const UP = `
CREATE TABLE store (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL,
  name        text NOT NULL,
  address     text,
  timezone    text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX store_code_uq ON store (code);

CREATE TABLE member (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  card_number        text NOT NULL,
  -- Lower-cased by the API; NULL once the member closed their account (personal data erased).
  email              text,
  password_hash      text,
  name               text NOT NULL,
  phone              text,
  birthday           date,
  marketing_consent  boolean NOT NULL DEFAULT false,
  status             text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  closed_at          timestamptz,
  CONSTRAINT member_closed_ck CHECK (status = 'active' OR (email IS NULL AND password_hash IS NULL AND phone IS NULL AND birthday IS NULL))
);
CREATE UNIQUE INDEX member_card_number_uq ON member (card_number);
CREATE UNIQUE INDEX member_email_uq ON member (email) WHERE email IS NOT NULL;
CREATE INDEX member_phone_ix ON member (phone) WHERE phone IS NOT NULL;

CREATE TABLE staff_user (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email          text NOT NULL,
  password_hash  text,
  name           text NOT NULL,
  role           text NOT NULL CHECK (role IN ('cashier', 'marketing', 'manager', 'admin')),
  status         text NOT NULL CHECK (status IN ('invited', 'active', 'disabled')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_login_at  timestamptz,
  disabled_at    timestamptz
);
CREATE UNIQUE INDEX staff_user_email_uq ON staff_user (email);

CREATE TABLE staff_store (
  staff_id  uuid NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
  store_id  uuid NOT NULL REFERENCES store (id),
  PRIMARY KEY (staff_id, store_id)
);
CREATE INDEX staff_store_store_ix ON staff_store (store_id);

CREATE TABLE pos_api_key (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  store_id      uuid NOT NULL REFERENCES store (id),
  name          text NOT NULL,
  prefix        text NOT NULL,
  -- sha256 of the whole key: keys are 190 random bits, so a fast hash is enough (no password stretching).
  secret_hash   text NOT NULL,
  created_by    uuid REFERENCES staff_user (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  revoked_at    timestamptz,
  last_used_at  timestamptz
);
CREATE UNIQUE INDEX pos_api_key_prefix_uq ON pos_api_key (prefix);
CREATE INDEX pos_api_key_store_ix ON pos_api_key (store_id);

CREATE TABLE auth_session (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_type           text NOT NULL CHECK (subject_type IN ('member', 'staff')),
  subject_id             uuid NOT NULL,
  access_hash            text NOT NULL,
  access_expires_at      timestamptz NOT NULL,
  refresh_hash           text NOT NULL,
  refresh_expires_at     timestamptz NOT NULL,
  previous_refresh_hash  text,
  created_at             timestamptz NOT NULL DEFAULT now(),
  refreshed_at           timestamptz,
  revoked_at             timestamptz,
  revoked_reason         text,
  ip                     text,
  user_agent             text
);
CREATE UNIQUE INDEX auth_session_access_uq ON auth_session (access_hash);
CREATE UNIQUE INDEX auth_session_refresh_uq ON auth_session (refresh_hash);
CREATE INDEX auth_session_previous_refresh_ix ON auth_session (previous_refresh_hash) WHERE previous_refresh_hash IS NOT NULL;
CREATE INDEX auth_session_subject_ix ON auth_session (subject_type, subject_id) WHERE revoked_at IS NULL;

CREATE TABLE auth_token (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  purpose       text NOT NULL CHECK (purpose IN ('password_reset', 'invitation')),
  subject_type  text NOT NULL CHECK (subject_type IN ('member', 'staff')),
  subject_id    uuid NOT NULL,
  token_hash    text NOT NULL,
  expires_at    timestamptz NOT NULL,
  used_at       timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX auth_token_hash_uq ON auth_token (token_hash);
CREATE INDEX auth_token_subject_ix ON auth_token (subject_type, subject_id, created_at DESC);

CREATE TABLE login_attempt (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email       text NOT NULL,
  audience    text NOT NULL,
  ip          text,
  succeeded   boolean NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_email_ix ON login_attempt (email, audience, created_at DESC);
CREATE INDEX login_attempt_ip_ix ON login_attempt (ip, created_at DESC);

CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_type  text NOT NULL CHECK (actor_type IN ('member', 'staff', 'api_key', 'system')),
  actor_id    text,
  actor_role  text,
  actor_name  text,
  store_id    uuid,
  action      text NOT NULL,
  target_type text NOT NULL,
  target_id   text,
  summary     jsonb NOT NULL DEFAULT '{}'::jsonb,
  reason      text,
  ip          text,
  request_id  text
);
CREATE INDEX audit_log_actor_ix ON audit_log (actor_id, id DESC);
CREATE INDEX audit_log_store_ix ON audit_log (store_id, id DESC);
CREATE INDEX audit_log_action_ix ON audit_log (action, id DESC);
CREATE INDEX audit_log_at_ix ON audit_log (at);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();

CREATE TABLE outbox_message (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  channel          text NOT NULL DEFAULT 'email' CHECK (channel IN ('email')),
  template         text NOT NULL,
  recipient        text NOT NULL,
  subject          text NOT NULL,
  body             text NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'held')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL DEFAULT now(),
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz
);
CREATE INDEX outbox_message_due_ix ON outbox_message (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_message_status_ix ON outbox_message (status, id DESC);
CREATE INDEX outbox_message_recipient_ix ON outbox_message (recipient);
`;
