import { type DataSource } from 'typeorm';

/**
 * Columns a read may write (a POS key records its use at most once a minute): left out of the
 * fingerprint, as they say nothing about what a request changed.
 */
const BOOKKEEPING_COLUMNS = ['last_used_at'];

/** Row count and a fingerprint of every row of every table, to prove that a run changed nothing. */
export async function databaseSnapshot(ds: DataSource): Promise<Record<string, string>> {
  const tables = await ds.query<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'typeorm_migrations' ORDER BY 1`,
  );
  const snapshot: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await ds.query<[{ n: number; digest: string }]>(
      `SELECT count(*)::int AS n,
              md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS digest
         FROM (SELECT (to_jsonb(t) - $1::text[])::text AS r FROM "${name}" t) rows`,
      [BOOKKEEPING_COLUMNS],
    );
    snapshot[name] = `${row.n} rows, ${row.digest}`;
  }
  return snapshot;
}

/** The tables whose rows differ between two snapshots, with both fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after })
    .filter((name) => before[name] !== after[name])
    .map((name) => `${name}: ${before[name] ?? 'absent'} → ${after[name] ?? 'absent'}`);
}
