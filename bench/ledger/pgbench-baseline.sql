-- pgbench baseline: the minimal SQL for one earn on plain tables (see schema.sql), no ledger code.
-- distinct=1: each pgbench client credits its own account row; distinct=0: every client credits row 1.
\set account :client_id * :distinct + 1
\set points random(1, 100)
BEGIN;
UPDATE bench_account SET balance = balance + :points, version = version + 1
 WHERE id = :account AND balance + :points >= floor;
INSERT INTO bench_journal (kind, account_id, amount, idempotency_key)
 VALUES ('earn', :account, :points, gen_random_uuid()::text);
INSERT INTO bench_posting (journal_id, account_id, amount)
 VALUES (currval('bench_journal_id_seq'), 0, -:points),
        (currval('bench_journal_id_seq'), :account, :points);
END;
