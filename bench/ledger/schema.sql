-- Tables of the pgbench baseline, created next to the ledger's tables in the bench database.
-- Deliberately minimal: a member balance with a floor, a journal with a unique idempotency key, postings.
CREATE TABLE bench_account (
  id      bigint PRIMARY KEY,
  balance bigint NOT NULL DEFAULT 0,
  floor   bigint NOT NULL DEFAULT 0,
  version bigint NOT NULL DEFAULT 0
);
CREATE TABLE bench_journal (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind            text NOT NULL,
  account_id      bigint NOT NULL,
  amount          bigint NOT NULL,
  idempotency_key text NOT NULL UNIQUE,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE bench_posting (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  journal_id bigint NOT NULL,
  account_id bigint NOT NULL,
  amount     bigint NOT NULL
);
-- Row 0 stands for the system (issuance) account; 1..1024 are member rows.
INSERT INTO bench_account (id, floor) SELECT g, CASE WHEN g = 0 THEN -9223372036854775807 ELSE 0 END
  FROM generate_series(0, 1024) AS g;
