-- Diagnostic: the ledger's own SQL function driven by pgbench (no Node, no Nest, no TypeORM).
-- The difference between this and the LedgerService figure is the cost of the Node side.
-- distinct=1: one member per pgbench client; distinct=0: one member shared by all. run: a per-run salt.
\set points random(1, 100)
SELECT ledger_earn(jsonb_build_object(
  'memberId', md5((:run * 100000 + :client_id * :distinct)::text)::uuid,
  'points', :points,
  'scope', 'bench-fn', 'key', gen_random_uuid()::text, 'hash', 'bench',
  'actorType', 'system', 'actorId', 'bench'));
