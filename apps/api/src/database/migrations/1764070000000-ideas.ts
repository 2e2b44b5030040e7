import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The ideas board. `idea` keeps materialised vote, follower, comment and flag counts (changed in the
 * same transaction as the row they count, so the sorts and keyset cursors read one column) and a
 * generated `tsvector` for PostgreSQL full-text search, which works the same in embedded PostgreSQL
 * and on a server (no extension needed). Votes, follows and flags are unique per (idea, member), so
 * parallel requests leave one row. `idea_status_change` is append-only like the ledger. Members get
 * two flags for the board: `ideas_trusted` (their ideas skip review) and `ideas_blocked_at` (they can
 * no longer submit, comment, vote or flag).
 */
export class Ideas1764070000000 implements MigrationInterface {
  name = 'Ideas1764070000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(UP);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS idea_digest, idea_reward, idea_flag, idea_status_change, idea_comment, idea_follow, idea_vote, idea;
      ALTER TABLE member DROP COLUMN IF EXISTS ideas_trusted, DROP COLUMN IF EXISTS ideas_blocked_at;
      ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check
        CHECK (kind IN ('points_earned', 'points_expiring', 'claim_answered', 'voucher_expiring'));
    `);
  }
}

const STATES = `'pending_review','open','under_review','planned','in_progress','shipped','declined','duplicate'`;

const UP = `
ALTER TABLE member ADD COLUMN ideas_trusted boolean NOT NULL DEFAULT false;
ALTER TABLE member ADD COLUMN ideas_blocked_at timestamptz;

ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (
  'points_earned', 'points_expiring', 'claim_answered', 'voucher_expiring', 'idea_status_changed', 'idea_merged'));

CREATE TABLE idea (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number                 bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  author_id              uuid NOT NULL REFERENCES member(id),
  title                  text NOT NULL CHECK (char_length(title) BETWEEN 10 AND 120),
  description            text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 5000),
  category               text NOT NULL,
  tags                   text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 5),
  state                  text NOT NULL CHECK (state IN (${STATES})),
  duplicate_of           uuid REFERENCES idea(id),
  vote_count             integer NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
  follower_count         integer NOT NULL DEFAULT 0 CHECK (follower_count >= 0),
  comment_count          integer NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
  flag_count             integer NOT NULL DEFAULT 0 CHECK (flag_count >= 0),
  created_at             timestamptz NOT NULL DEFAULT now(),
  last_status_change_at  timestamptz NOT NULL DEFAULT now(),
  search                 tsvector GENERATED ALWAYS AS (
                           setweight(to_tsvector('english', title), 'A') ||
                           setweight(to_tsvector('english', description), 'B')) STORED,
  CONSTRAINT idea_duplicate_ck CHECK ((state = 'duplicate') = (duplicate_of IS NOT NULL)),
  CONSTRAINT idea_not_self_duplicate_ck CHECK (duplicate_of IS DISTINCT FROM id)
);
-- One member cannot submit the same text twice (case and surrounding space do not matter).
CREATE UNIQUE INDEX idea_author_text_uq ON idea (author_id, md5(lower(title) || chr(10) || lower(description)));
CREATE INDEX idea_search_ix ON idea USING gin (search);
CREATE INDEX idea_tags_ix ON idea USING gin (tags);
CREATE INDEX idea_top_ix ON idea (vote_count DESC, number DESC);
CREATE INDEX idea_author_ix ON idea (author_id, created_at);
CREATE INDEX idea_state_ix ON idea (state, last_status_change_at DESC);

CREATE TABLE idea_vote (
  idea_id     uuid NOT NULL REFERENCES idea(id),
  member_id   uuid NOT NULL REFERENCES member(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (idea_id, member_id)
);
CREATE INDEX idea_vote_member_ix ON idea_vote (member_id);
CREATE INDEX idea_vote_recent_ix ON idea_vote (created_at, idea_id);

CREATE TABLE idea_follow (
  idea_id     uuid NOT NULL REFERENCES idea(id),
  member_id   uuid NOT NULL REFERENCES member(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (idea_id, member_id)
);
CREATE INDEX idea_follow_member_ix ON idea_follow (member_id);

CREATE TABLE idea_comment (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  idea_id     uuid NOT NULL REFERENCES idea(id),
  member_id   uuid REFERENCES member(id),
  staff_id    uuid REFERENCES staff_user(id),
  body        text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT idea_comment_author_ck CHECK ((member_id IS NULL) <> (staff_id IS NULL))
);
CREATE INDEX idea_comment_idea_ix ON idea_comment (idea_id, seq);
CREATE INDEX idea_comment_member_ix ON idea_comment (member_id, created_at) WHERE member_id IS NOT NULL;

-- Who moved an idea, when and why (the public response). Append-only.
CREATE TABLE idea_status_change (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq          bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  idea_id      uuid NOT NULL REFERENCES idea(id),
  from_state   text CHECK (from_state IN (${STATES})),
  to_state     text NOT NULL CHECK (to_state IN (${STATES})),
  response     text NOT NULL,
  staff_id     uuid REFERENCES staff_user(id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idea_status_change_idea_ix ON idea_status_change (idea_id, seq);
CREATE INDEX idea_status_change_day_ix ON idea_status_change (created_at);
CREATE TRIGGER idea_status_change_append_only BEFORE UPDATE OR DELETE ON idea_status_change
  FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER idea_status_change_no_truncate BEFORE TRUNCATE ON idea_status_change
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_reject_change();

CREATE TABLE idea_flag (
  idea_id     uuid NOT NULL REFERENCES idea(id),
  member_id   uuid NOT NULL REFERENCES member(id),
  reason      text NOT NULL,
  note        text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  -- Set when staff reviewed the idea after this flag (approved it again): it no longer counts.
  cleared_at  timestamptz,
  PRIMARY KEY (idea_id, member_id)
);

-- One row per (idea, bonus): the primary key makes a status bounce pay at most once.
CREATE TABLE idea_reward (
  idea_id             uuid NOT NULL REFERENCES idea(id),
  kind                text NOT NULL CHECK (kind IN ('accepted', 'shipped')),
  member_id           uuid NOT NULL REFERENCES member(id),
  points              bigint NOT NULL CHECK (points >= 0),
  capped_points       bigint NOT NULL DEFAULT 0 CHECK (capped_points >= 0),
  journal_id          uuid,
  available_at        timestamptz,
  cancelled_at        timestamptz,
  cancel_journal_id   uuid,
  cancel_reason       text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (idea_id, kind)
);
CREATE INDEX idea_reward_member_ix ON idea_reward (member_id, created_at);

-- The daily digest: one email per member per UTC day, whoever runs the job.
CREATE TABLE idea_digest (
  member_id    uuid NOT NULL REFERENCES member(id),
  day          date NOT NULL,
  changes      integer NOT NULL,
  outbox_id    bigint,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (member_id, day)
);
`;
